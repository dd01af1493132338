import * as v from 'valibot';
import { num, type Schema } from '../../schema';
import type { SessionSummary } from '../../sessions';
import { defineCheckedItem } from '../define';
import { boundedArray, boundedRecord, MB } from '../limits';

/** The last known state of every profile's sessions and server: the popup paints from this at once. */

const sessionSummarySchema = v.object({
  id: v.string(),
  status: v.string(),
  name: v.optional(v.string()),
  phone: v.optional(v.string()),
  lastConnection: v.optional(v.string()),
});

/** How the server last answered, for the popup's server pill and the badge. */
const serverHealthSchema = v.object({
  state: v.picklist(['ok', 'unreachable', 'key-rejected', 'error']),
  /** The error message when the state is not ok. */
  message: v.optional(v.string()),
  /** The error's kind (lib/api-result ErrorKind) when the state is not ok, for the pill's words. */
  kind: v.optional(v.string()),
  latencyMs: v.optional(num()),
  version: v.optional(v.string()),
});
export type ServerHealth = v.InferOutput<typeof serverHealthSchema>;

/** How this profile's sessions are kept current, and why, for the options page. */
const updateModeSchema = v.object({
  mode: v.picklist(['live', 'polling']),
  reason: v.optional(v.string()),
});
export type UpdateMode = v.InferOutput<typeof updateModeSchema>;

const profileSnapshotSchema = v.object({
  /** When the sessions were last read from the server (epoch ms); 0 = never. */
  fetchedAt: num(),
  /**
   * The sessions, in id order; at most MAX_STORED_SESSIONS and a byte budget of them (see
   * lib/session-sync.ts, capSessions), the ones that need attention first.
   */
  sessions: boundedArray(sessionSummarySchema, 5000),
  /** Present when the server has more sessions than are stored: how many it has. */
  capped: v.optional(v.object({ total: num() })),
  server: serverHealthSchema,
  updates: v.optional(updateModeSchema),
});
export type ProfileSnapshot = Omit<v.InferOutput<typeof profileSnapshotSchema>, 'sessions'> & {
  sessions: SessionSummary[];
};

/** The last known state of every profile's sessions: the popup paints from this at once. */
export const snapshotsItem = defineCheckedItem<Record<string, ProfileSnapshot>>(
  'local:sessionSnapshots',
  boundedRecord(profileSnapshotSchema, 500) as unknown as Schema<Record<string, ProfileSnapshot>>,
  {},
  'itemSnapshots',
  // Each profile's snapshot stays within a budget (lib/session-sync.ts); this is far above it.
  { version: 1, maxBytes: 8 * MB },
);
