import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, KB } from '../limits';
import { HISTORY_LIMIT, HISTORY_MAX_BYTES, type HistoryEntry } from '../../history';

/** The operations run from the extension, newest first (see lib/history.ts); never a key. */
const entrySchema = z.object({
  id: z.string(),
  at: z.number(),
  operationId: z.string(),
  label: z.string(),
  method: z.optional(z.string()),
  server: z.string(),
  profileId: z.optional(z.string()),
  sessionId: z.optional(z.string()),
  ok: z.boolean(),
  result: z.string(),
  inputs: z.optional(z.record(z.string(), z.unknown())),
});

export const historyItem = defineCheckedItem<HistoryEntry[]>(
  'local:history',
  boundedArray(entrySchema, HISTORY_LIMIT) as z.ZodMiniType<HistoryEntry[]>,
  [],
  'the history of operations',
  // Room over what addToHistory keeps, so a list it wrote is never taken for damage.
  { version: 1, maxBytes: HISTORY_MAX_BYTES + 8 * KB },
);
