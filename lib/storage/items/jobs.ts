import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * A bulk job: many items sent in chunks, paced to the rate limit, persisted after every chunk so
 * a closed popup or a restarted service worker resumes it without sending an item twice.
 */
const jobItemSchema = z.object({
  /** What the user pasted or selected for this item. */
  input: z.string(),
  /** The normalised value sent to the server (phone digits or a JID). */
  value: z.string(),
  /** pending → sending (its chunk is on the wire) → done | failed. */
  state: z.union([z.literal('pending'), z.literal('sending'), z.literal('done'), z.literal('failed')]),
  /** The outcome in a word: added, already-in-group, not-on-whatsapp, on-whatsapp, approved, rejected, failed. */
  outcome: z.optional(z.string()),
  /** The reason, in words, for a failure or a notable outcome. */
  reason: z.optional(z.string()),
  attempts: z.number(),
});
export type JobItem = z.infer<typeof jobItemSchema>;

export const JOB_KINDS = ['group.add', 'group.approve', 'group.reject', 'numbers.check'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const jobSchema = z.object({
  id: z.string(),
  kind: z.union([z.literal('group.add'), z.literal('group.approve'), z.literal('group.reject'), z.literal('numbers.check')]),
  profileId: z.string(),
  sessionId: z.string(),
  groupId: z.optional(z.string()),
  /** For messages: the group's name when the job started. */
  groupName: z.optional(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  state: z.union([z.literal('running'), z.literal('waiting'), z.literal('done'), z.literal('cancelled')]),
  /** Why a job is waiting (rate limit, server down), in words. */
  note: z.optional(z.string()),
  /** At most MAX_JOB_ITEMS (lib/jobs.ts) are ever written; twice that is damage. */
  items: boundedArray(jobItemSchema, 10_000),
});
export type Job = z.infer<typeof jobSchema>;

export const jobsItem = defineCheckedItem<Job[]>('local:jobs', boundedArray(jobSchema, 500), [], 'your bulk jobs', { version: 1, maxBytes: 8 * MB });
