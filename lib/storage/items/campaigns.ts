import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * Campaigns: one message, rendered per recipient, sent to many people at a safe pace by the
 * background (entrypoints/background/campaign-runner.ts). The whole ledger is saved before and
 * after every send (lib/campaigns/ledger.ts), so a closed tab or a stopped worker loses nothing
 * and sends nobody a message twice. Files sent with the message live in campaignFilesItem,
 * written once, so these frequent writes stay small.
 */

const recipientStateSchema = z.union([
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('sending'), since: z.number() }),
  z.object({ state: z.literal('sent'), at: z.number(), messageId: z.optional(z.string()), confirmedFromChat: z.optional(z.boolean()) }),
  z.object({ state: z.literal('failed'), at: z.number(), reason: z.string() }),
  z.object({ state: z.literal('skipped'), reason: z.string() }),
  z.object({ state: z.literal('unconfirmed'), at: z.number(), reason: z.string() }),
]);

const entrySchema = z.object({
  /** International digits; empty for a row whose number could not be used. */
  digits: z.string(),
  /** The message as rendered for this recipient (the caption, for a file). */
  text: z.string(),
  /** What the person gave, for rows that could not be used (shown and exported as is). */
  input: z.optional(z.string()),
  /** Its row in the imported file (1 = first after the header). */
  row: z.optional(z.number()),
  /** Checked on WhatsApp before sending (when the campaign asks for it). */
  checked: z.optional(z.boolean()),
  status: recipientStateSchema,
});

const windowSchema = z.object({ days: z.array(z.number()), startMinute: z.number(), endMinute: z.number() });

export const CAMPAIGN_STATES = ['scheduled', 'running', 'waiting', 'paused', 'done', 'cancelled'] as const;
export const CAMPAIGN_MESSAGE_KINDS = ['text', 'image', 'video', 'document'] as const;

const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  profileId: z.string(),
  sessionId: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** scheduled (waits for startAt) → running ⇄ waiting (pacing, window, cap, rate limit) ⇄ paused → done | cancelled. */
  state: z.union([z.literal('scheduled'), z.literal('running'), z.literal('waiting'), z.literal('paused'), z.literal('done'), z.literal('cancelled')]),
  startAt: z.optional(z.number()),
  /** Why it waits or was paused, in words. */
  note: z.optional(z.string()),
  /** When the next message may go (epoch ms), while one waits. */
  nextAt: z.optional(z.number()),
  /** When the last message left (epoch ms): the delay counts from it, across restarts. */
  lastSentAt: z.optional(z.number()),
  /** The delay drawn for the next message, kept so a restart does not draw a shorter one. */
  delayMs: z.optional(z.number()),
  /** Messages that left per local date (YYYY-MM-DD in the pacing's time zone), for the daily cap. */
  dailyCounts: z.record(z.string(), z.number()),
  message: z.object({
    kind: z.union([z.literal('text'), z.literal('image'), z.literal('video'), z.literal('document')]),
    template: z.string(),
    fileName: z.optional(z.string()),
    fileType: z.optional(z.string()),
    fileSize: z.optional(z.number()),
  }),
  pacing: z.object({
    minDelaySec: z.number(),
    maxDelaySec: z.number(),
    dailyCap: z.optional(z.number()),
    window: z.optional(windowSchema),
    timeZone: z.string(),
  }),
  /** The shortest delay allowed against its server, in s (lib/campaigns/floor.ts); absent: WARest's 3 s. */
  floorSec: z.optional(z.number()),
  /** Show "typing…" before each message (WARest's `presence` send option). */
  typing: z.boolean(),
  checkNumbers: z.boolean(),
  /** The variables the recipients had (the file's other columns). */
  columns: z.array(z.string()),
  /** What was left out when it was made, as counts: repeated numbers, opted out, unusable rows. */
  report: z.object({ duplicates: z.number(), optedOut: z.number(), unusable: z.number() }),
  duplicatedFrom: z.optional(z.string()),
  entries: boundedArray(entrySchema, 20_000),
});
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignEntry = Campaign['entries'][number];
export type CampaignState = Campaign['state'];

export const campaignsItem = defineCheckedItem<Campaign[]>('local:campaigns', boundedArray(campaignSchema, 100), [], 'your campaigns', { version: 1, maxBytes: 6 * MB });
