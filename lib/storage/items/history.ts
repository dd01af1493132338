import * as v from 'valibot';
import { num, record } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, KB } from '../limits';
import { HISTORY_LIMIT, HISTORY_MAX_BYTES, type HistoryEntry } from '../../history';

/** The operations run from the extension, newest first (see lib/history.ts); never a key. */
const entrySchema = v.object({
  id: v.string(),
  at: num(),
  operationId: v.string(),
  label: v.string(),
  method: v.optional(v.string()),
  server: v.string(),
  profileId: v.optional(v.string()),
  sessionId: v.optional(v.string()),
  ok: v.boolean(),
  result: v.string(),
  inputs: v.optional(record(v.string(), v.unknown())),
});

export const historyItem = /* @__PURE__ */ defineCheckedItem<HistoryEntry[]>(
  'local:history',
  boundedArray(entrySchema, HISTORY_LIMIT) as v.GenericSchema<unknown, HistoryEntry[]>,
  [],
  'itemHistory',
  // Room over what addToHistory keeps, so a list it wrote is never taken for damage.
  { version: 1, maxBytes: HISTORY_MAX_BYTES + 8 * KB },
);
