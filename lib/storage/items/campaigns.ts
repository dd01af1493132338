import * as v from 'valibot';
import { num, record } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * Campaigns: one message, rendered per recipient, sent to many people at a safe pace by the
 * background (entrypoints/background/campaign-runner.ts). The whole ledger is saved before and
 * after every send (lib/campaigns/ledger.ts), so a closed tab or a stopped worker loses nothing
 * and sends nobody a message twice. Files sent with the message live in campaignFilesItem,
 * written once, so these frequent writes stay small.
 */

const recipientStateSchema = v.union([
  v.object({ state: v.literal('pending') }),
  v.object({ state: v.literal('sending'), since: num() }),
  v.object({ state: v.literal('sent'), at: num(), messageId: v.optional(v.string()), confirmedFromChat: v.optional(v.boolean()) }),
  v.object({ state: v.literal('failed'), at: num(), reason: v.string() }),
  v.object({ state: v.literal('skipped'), reason: v.string() }),
  v.object({ state: v.literal('unconfirmed'), at: num(), reason: v.string() }),
]);

const entrySchema = v.object({
  /** International digits; empty for a row whose number could not be used. */
  digits: v.string(),
  /** The message as rendered for this recipient (the caption, for a file). */
  text: v.string(),
  /** What the person gave, for rows that could not be used (shown and exported as is). */
  input: v.optional(v.string()),
  /** Its row in the imported file (1 = first after the header). */
  row: v.optional(num()),
  /** Checked on WhatsApp before sending (when the campaign asks for it). */
  checked: v.optional(v.boolean()),
  status: recipientStateSchema,
});

const windowSchema = v.object({ days: v.array(num()), startMinute: num(), endMinute: num() });

export const CAMPAIGN_STATES = ['scheduled', 'running', 'waiting', 'paused', 'done', 'cancelled'] as const;
export const CAMPAIGN_MESSAGE_KINDS = ['text', 'image', 'video', 'document'] as const;

const campaignSchema = v.object({
  id: v.string(),
  name: v.string(),
  profileId: v.string(),
  sessionId: v.string(),
  createdAt: num(),
  updatedAt: num(),
  /** scheduled (waits for startAt) → running ⇄ waiting (pacing, window, cap, rate limit) ⇄ paused → done | cancelled. */
  state: v.picklist(['scheduled', 'running', 'waiting', 'paused', 'done', 'cancelled']),
  startAt: v.optional(num()),
  /** Why it waits or was paused, in words. */
  note: v.optional(v.string()),
  /** When the next message may go (epoch ms), while one waits. */
  nextAt: v.optional(num()),
  /** When the last message left (epoch ms): the delay counts from it, across restarts. */
  lastSentAt: v.optional(num()),
  /** The delay drawn for the next message, kept so a restart does not draw a shorter one. */
  delayMs: v.optional(num()),
  /** Messages that left per local date (YYYY-MM-DD in the pacing's time zone), for the daily cap. */
  dailyCounts: record(v.string(), num()),
  message: v.object({
    kind: v.picklist(['text', 'image', 'video', 'document']),
    template: v.string(),
    fileName: v.optional(v.string()),
    fileType: v.optional(v.string()),
    fileSize: v.optional(num()),
  }),
  pacing: v.object({
    minDelaySec: num(),
    maxDelaySec: num(),
    dailyCap: v.optional(num()),
    window: v.optional(windowSchema),
    timeZone: v.string(),
  }),
  /** The shortest delay allowed against its server, in s (lib/campaigns/floor.ts); absent: WARest's 3 s. */
  floorSec: v.optional(num()),
  /** Show "typing…" before each message (WARest's `presence` send option). */
  typing: v.boolean(),
  checkNumbers: v.boolean(),
  /** The variables the recipients had (the file's other columns). */
  columns: v.array(v.string()),
  /** What was left out when it was made, as counts: repeated numbers, opted out, unusable rows. */
  report: v.object({ duplicates: num(), optedOut: num(), unusable: num() }),
  duplicatedFrom: v.optional(v.string()),
  entries: boundedArray(entrySchema, 20_000),
});
export type Campaign = v.InferOutput<typeof campaignSchema>;
export type CampaignEntry = Campaign['entries'][number];
export type CampaignState = Campaign['state'];

export const campaignsItem = defineCheckedItem<Campaign[]>('local:campaigns', boundedArray(campaignSchema, 100), [], 'itemCampaigns', { version: 1, maxBytes: 6 * MB });
