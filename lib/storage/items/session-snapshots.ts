import * as z from 'zod/mini';
import type { SessionSummary } from '../../sessions';
import { defineCheckedItem } from '../define';
import { boundedArray, boundedRecord, MB } from '../limits';

/** The last known state of every profile's sessions and server: the popup paints from this at once. */

const sessionSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  name: z.optional(z.string()),
  phone: z.optional(z.string()),
  lastConnection: z.optional(z.string()),
});

/** How the server last answered, for the popup's server pill and the badge. */
const serverHealthSchema = z.object({
  state: z.union([z.literal('ok'), z.literal('unreachable'), z.literal('key-rejected'), z.literal('error')]),
  /** The error message when the state is not ok. */
  message: z.optional(z.string()),
  /** The error's kind (lib/api-result ErrorKind) when the state is not ok, for the pill's words. */
  kind: z.optional(z.string()),
  latencyMs: z.optional(z.number()),
  version: z.optional(z.string()),
});
export type ServerHealth = z.infer<typeof serverHealthSchema>;

/** How this profile's sessions are kept current, and why, for the options page. */
const updateModeSchema = z.object({
  mode: z.union([z.literal('live'), z.literal('polling')]),
  reason: z.optional(z.string()),
});
export type UpdateMode = z.infer<typeof updateModeSchema>;

const profileSnapshotSchema = z.object({
  /** When the sessions were last read from the server (epoch ms); 0 = never. */
  fetchedAt: z.number(),
  /**
   * The sessions, in id order; at most MAX_STORED_SESSIONS and a byte budget of them (see
   * lib/session-sync.ts, capSessions), the ones that need attention first.
   */
  sessions: boundedArray(sessionSummarySchema, 5000),
  /** Present when the server has more sessions than are stored: how many it has. */
  capped: z.optional(z.object({ total: z.number() })),
  server: serverHealthSchema,
  updates: z.optional(updateModeSchema),
});
export type ProfileSnapshot = Omit<z.infer<typeof profileSnapshotSchema>, 'sessions'> & {
  sessions: SessionSummary[];
};

/** The last known state of every profile's sessions: the popup paints from this at once. */
export const snapshotsItem = defineCheckedItem<Record<string, ProfileSnapshot>>(
  'local:sessionSnapshots',
  boundedRecord(profileSnapshotSchema, 500) as unknown as z.ZodMiniType<Record<string, ProfileSnapshot>>,
  {},
  'the last known state of your sessions',
  // Each profile's snapshot stays within a budget (lib/session-sync.ts); this is far above it.
  { version: 1, maxBytes: 8 * MB },
);
