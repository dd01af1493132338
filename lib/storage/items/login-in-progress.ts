import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { MB } from '../limits';

/** A login (QR or pairing) started in the popup: it survives the popup closing. */

const loginSchema = z.object({
  profileId: z.string(),
  sessionId: z.string(),
  method: z.union([z.literal('qr'), z.literal('pairing')]),
  startedAt: z.number(),
  /** The QR code as a PNG data URL, and when it was received, for the countdown. */
  qr: z.optional(z.string()),
  qrReceivedAt: z.optional(z.number()),
  qrDuration: z.optional(z.number()),
  phone: z.optional(z.string()),
  pairingCode: z.optional(z.string()),
  state: z.union([z.literal('waiting'), z.literal('open'), z.literal('failed')]),
  message: z.optional(z.string()),
});
export type LoginInProgress = z.infer<typeof loginSchema>;

/** A login (QR or pairing) started in the popup: it survives the popup closing. */
export const loginItem = defineCheckedItem<LoginInProgress | null>(
  'local:loginInProgress',
  z.nullable(loginSchema),
  null,
  'the login in progress',
  { version: 1, maxBytes: 1 * MB }, // a QR code as a data URL is a few KB
);
