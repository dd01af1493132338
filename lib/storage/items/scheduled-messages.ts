import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * Text messages to send later (the composer's "Send later"), and what to do with one that came
 * due while the browser was closed. Only the background writes it: it arms one alarm per message
 * and re-arms them at every start (chrome.alarms are not kept across restarts everywhere).
 */
const scheduledSchema = v.object({
  id: v.string(),
  profileId: v.string(),
  sessionId: v.string(),
  /** WARest's `to`: digits or a JID. */
  to: v.string(),
  /** The recipient as the person reads it. */
  label: v.string(),
  /** The final text, variables already filled in. */
  message: v.string(),
  replyMessageId: v.optional(v.string()),
  presence: v.optional(v.boolean()),
  /** When to send (epoch ms). */
  dueAt: num(),
  /** The time zone it was scheduled in (IANA name), to show the time as it was meant. */
  timeZone: v.string(),
  createdAt: num(),
  updatedAt: num(),
  /**
   * scheduled → sending (marked before the request goes out) → sent | failed | unconfirmed (no
   * answer, and the chat did not show it: the person decides, nothing is resent by itself);
   * missed: came due while the browser was closed and the setting says to ask.
   */
  state: v.picklist(['scheduled', 'sending', 'sent', 'failed', 'unconfirmed', 'missed']),
  /** When the send started (epoch ms), to look for it in the chat if its answer never came. */
  sendingSince: v.optional(num()),
  sentAt: v.optional(num()),
  messageId: v.optional(v.string()),
  /** Why it failed or is unconfirmed, in words. */
  reason: v.optional(v.string()),
  /** Sent, but confirmed from the chat because its answer never came. */
  confirmedFromChat: v.optional(v.boolean()),
});
export type ScheduledMessage = v.InferOutput<typeof scheduledSchema>;
export type ScheduledState = ScheduledMessage['state'];

const scheduledStateSchema = v.object({
  /** A message that came due while the browser was closed: send it at start, or ask first. */
  onMissed: v.picklist(['send', 'ask']),
  /** At most MAX_SCHEDULED (lib/scheduled.ts) are ever written; more is damage. */
  messages: boundedArray(scheduledSchema, 1000),
});
export type ScheduledMessages = v.InferOutput<typeof scheduledStateSchema>;

export const scheduledMessagesItem = /* @__PURE__ */ defineCheckedItem<ScheduledMessages>(
  'local:scheduledMessages',
  scheduledStateSchema,
  { onMissed: 'ask', messages: [] },
  'itemScheduled',
  { version: 1, maxBytes: 6 * MB }, // MAX_SCHEDULED messages, most short; a text may be 64K characters
);
