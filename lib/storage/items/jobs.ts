import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * A bulk job: many items sent in chunks, paced to the rate limit, persisted after every chunk so
 * a closed popup or a restarted service worker resumes it without sending an item twice.
 */
const jobItemSchema = v.object({
  /** What the user pasted or selected for this item. */
  input: v.string(),
  /** The normalised value sent to the server (phone digits or a JID). */
  value: v.string(),
  /** pending → sending (its chunk is on the wire) → done | failed. */
  state: v.picklist(['pending', 'sending', 'done', 'failed']),
  /** The outcome in a word: added, already-in-group, not-on-whatsapp, on-whatsapp, approved, rejected, failed. */
  outcome: v.optional(v.string()),
  /** The reason, in words, for a failure or a notable outcome. */
  reason: v.optional(v.string()),
  attempts: num(),
});
export type JobItem = v.InferOutput<typeof jobItemSchema>;

export const JOB_KINDS = ['group.add', 'group.approve', 'group.reject', 'numbers.check'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const jobSchema = v.object({
  id: v.string(),
  kind: v.picklist(['group.add', 'group.approve', 'group.reject', 'numbers.check']),
  profileId: v.string(),
  sessionId: v.string(),
  groupId: v.optional(v.string()),
  /** For messages: the group's name when the job started. */
  groupName: v.optional(v.string()),
  createdAt: num(),
  updatedAt: num(),
  state: v.picklist(['running', 'waiting', 'done', 'cancelled']),
  /** Why a job is waiting (rate limit, server down), in words. */
  note: v.optional(v.string()),
  /** At most MAX_JOB_ITEMS (lib/jobs.ts) are ever written; twice that is damage. */
  items: boundedArray(jobItemSchema, 10_000),
});
export type Job = v.InferOutput<typeof jobSchema>;

export const jobsItem = defineCheckedItem<Job[]>('local:jobs', boundedArray(jobSchema, 500), [], 'itemJobs', { version: 1, maxBytes: 8 * MB });
