import type { ApiError } from './warest/api-result';

/**
 * The history of operations the extension ran for a person (popup, All actions, menu windows):
 * what, on which server and session, when, and the outcome in words. Never the API key: an entry
 * is made from the operation id, the inputs a page sent (which never hold the key) and the
 * answer's words. Newest first, at most HISTORY_LIMIT entries and HISTORY_MAX_BYTES of JSON.
 */

export const HISTORY_LIMIT = 200;
/** What the whole list may take in chrome.storage.local (its JSON length). */
export const HISTORY_MAX_BYTES = 200 * 1024;
/** Inputs bigger than this (a file's bytes, a long list) are not kept: the entry cannot be run again. */
export const HISTORY_INPUTS_MAX_CHARS = 2_000;

export interface HistoryEntry {
  id: string;
  at: number;
  operationId: string;
  /** The operation's label when it was run, e.g. "List sessions". */
  label: string;
  /** Its HTTP method: a GET is a read, safe to run again; anything else asks first. */
  method?: string;
  /** The server's name (its profile), or "" when none was reached. */
  server: string;
  profileId?: string;
  sessionId?: string;
  ok: boolean;
  /** The outcome in words: "Done (HTTP 200)…" or the error's message. */
  result: string;
  /** The inputs as sent, when small enough to run it again. */
  inputs?: Record<string, unknown>;
}

export type HistoryOutcome = { ok: true; status?: number; message?: string } | { ok: false; error: ApiError };

/** The outcome in one line of words. */
export function describeOutcome(outcome: HistoryOutcome): string {
  if (!outcome.ok) return outcome.error.message;
  const status = outcome.status ? ` (HTTP ${outcome.status})` : '';
  return outcome.message ? `Done${status}: ${outcome.message}` : `Done${status}.`;
}

/** The inputs worth keeping for "Run again": small ones only (never a file's bytes). */
export function keptInputs(inputs: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!inputs) return {};
  try {
    const text = JSON.stringify(inputs);
    return text.length <= HISTORY_INPUTS_MAX_CHARS ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The list with `entry` first, then cut to HISTORY_LIMIT entries and `maxBytes` of JSON (oldest
 * dropped first), so a write never exceeds what the stored item may hold.
 */
export function addToHistory(list: readonly HistoryEntry[], entry: HistoryEntry, maxBytes = HISTORY_MAX_BYTES): HistoryEntry[] {
  const next = [entry, ...list].slice(0, HISTORY_LIMIT);
  // +1 per entry for the comma, +2 for the brackets: the JSON length of the array.
  let size = 2 + next.reduce((sum, item) => sum + JSON.stringify(item).length + 1, 0);
  while (next.length > 1 && size > maxBytes) size -= JSON.stringify(next.pop()).length + 1;
  if (size > maxBytes) return [];
  return next;
}

export type ResultFilter = 'all' | 'ok' | 'failed';

/** Entries whose words (operation, server, session, outcome) hold every typed word, and whose outcome fits. */
export function filterHistory(list: readonly HistoryEntry[], text: string, result: ResultFilter): HistoryEntry[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((entry) => {
    if (result === 'ok' && !entry.ok) return false;
    if (result === 'failed' && entry.ok) return false;
    const haystack = `${entry.label} ${entry.operationId} ${entry.server} ${entry.sessionId ?? ''} ${entry.result}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
