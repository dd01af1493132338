import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { MB } from '../limits';

/** A login (QR or pairing) started in the popup: it survives the popup closing. */

const loginSchema = v.object({
  profileId: v.string(),
  sessionId: v.string(),
  method: v.picklist(['qr', 'pairing']),
  startedAt: num(),
  /** The QR code as a PNG data URL, and when it was received, for the countdown. */
  qr: v.optional(v.string()),
  qrReceivedAt: v.optional(num()),
  qrDuration: v.optional(num()),
  phone: v.optional(v.string()),
  pairingCode: v.optional(v.string()),
  state: v.picklist(['waiting', 'open', 'failed']),
  message: v.optional(v.string()),
});
export type LoginInProgress = v.InferOutput<typeof loginSchema>;

/** A login (QR or pairing) started in the popup: it survives the popup closing. */
export const loginItem = defineCheckedItem<LoginInProgress | null>(
  'local:loginInProgress',
  v.nullable(loginSchema),
  null,
  'itemLogin',
  { version: 1, maxBytes: 1 * MB }, // a QR code as a data URL is a few KB
);
