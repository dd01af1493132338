import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * Text messages to send later (the composer's "Send later"), and what to do with one that came
 * due while the browser was closed. Only the background writes it: it arms one alarm per message
 * and re-arms them at every start (chrome.alarms are not kept across restarts everywhere).
 */
const scheduledSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  sessionId: z.string(),
  /** WARest's `to`: digits or a JID. */
  to: z.string(),
  /** The recipient as the person reads it. */
  label: z.string(),
  /** The final text, variables already filled in. */
  message: z.string(),
  replyMessageId: z.optional(z.string()),
  presence: z.optional(z.boolean()),
  /** When to send (epoch ms). */
  dueAt: z.number(),
  /** The time zone it was scheduled in (IANA name), to show the time as it was meant. */
  timeZone: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /**
   * scheduled → sending (marked before the request goes out) → sent | failed | unconfirmed (no
   * answer, and the chat did not show it: the person decides, nothing is resent by itself);
   * missed: came due while the browser was closed and the setting says to ask.
   */
  state: z.enum(['scheduled', 'sending', 'sent', 'failed', 'unconfirmed', 'missed']),
  /** When the send started (epoch ms), to look for it in the chat if its answer never came. */
  sendingSince: z.optional(z.number()),
  sentAt: z.optional(z.number()),
  messageId: z.optional(z.string()),
  /** Why it failed or is unconfirmed, in words. */
  reason: z.optional(z.string()),
  /** Sent, but confirmed from the chat because its answer never came. */
  confirmedFromChat: z.optional(z.boolean()),
});
export type ScheduledMessage = z.infer<typeof scheduledSchema>;
export type ScheduledState = ScheduledMessage['state'];

const scheduledStateSchema = z.object({
  /** A message that came due while the browser was closed: send it at start, or ask first. */
  onMissed: z.enum(['send', 'ask']),
  /** At most MAX_SCHEDULED (lib/scheduled.ts) are ever written; more is damage. */
  messages: boundedArray(scheduledSchema, 1000),
});
export type ScheduledMessages = z.infer<typeof scheduledStateSchema>;

export const scheduledMessagesItem = /* @__PURE__ */ defineCheckedItem<ScheduledMessages>(
  'local:scheduledMessages',
  scheduledStateSchema,
  { onMissed: 'ask', messages: [] },
  'your scheduled messages',
  { version: 1, maxBytes: 6 * MB }, // MAX_SCHEDULED messages, most short; a text may be 64K characters
);
