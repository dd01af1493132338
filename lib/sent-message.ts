import { readSentMessageId } from './answers/menu-results';
import { firstResult, type ApiSuccess } from './warest/api-result';

/**
 * A send's limits and answer, for the composer (lib/compose.ts re-exports them), the menus and
 * the scheduled messages of the service worker, which must not load the composer's phone-list
 * parsing (libphonenumber) for them.
 */

export const TEXT_LIMIT = 65536;
export const CAPTION_LIMIT = 1024;

export interface SentMessage {
  /** The id of each message sent (several for files); empty when the server gave none. */
  messageIds: string[];
  /** Files the server refused, with its reason. */
  blocked: string[];
  /** Where it went, as the server said. */
  toJid?: string;
  /** Its answer never came; it was found afterwards among the chat's messages. */
  confirmedFromChat?: boolean;
}

/** Reads a send answer (results[0].messageId, or advancedInfo.files[].messageId for files). */
export function readSent(success: Pick<ApiSuccess, 'results' | 'result'>): SentMessage {
  const first = firstResult(success as ApiSuccess) as Record<string, unknown> | undefined;
  const ids: string[] = [];
  const blocked: string[] = [];
  const add = (value: unknown) => typeof value === 'string' && value.trim() && !ids.includes(value) && ids.push(value);
  const advanced = first?.advancedInfo && typeof first.advancedInfo === 'object' ? (first.advancedInfo as Record<string, unknown>) : {};
  // One reader of a send's message id for the whole extension (also the menus' and address bar's).
  add(readSentMessageId(first ? [first] : []));
  if (Array.isArray(advanced.files)) for (const file of advanced.files) if (file && typeof file === 'object') add((file as Record<string, unknown>).messageId);
  if (Array.isArray(advanced.blockedFiles)) {
    for (const file of advanced.blockedFiles) {
      if (file && typeof file === 'object') {
        const entry = file as Record<string, unknown>;
        blocked.push(`${typeof entry.name === 'string' ? entry.name : 'a file'}: ${typeof entry.reason === 'string' ? entry.reason : 'refused'}`);
      }
    }
  }
  return { messageIds: ids, blocked, toJid: typeof first?.toJid === 'string' ? first.toJid : undefined };
}
