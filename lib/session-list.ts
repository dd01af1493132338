import { isRecord, list, record, text } from './answers/loose';
import { firstResult, type ApiSuccess } from './warest/api-result';
import { SESSION_STATUSES, type SessionStatus, type SessionSummary } from './sessions';

/**
 * Reading the server's session list: the service worker's (polling, sync, the connection test).
 * Apart from lib/sessions.ts, whose statuses and checks the popup's first paint needs without
 * the answer readers.
 */

function asStatus(value: unknown): SessionStatus {
  return typeof value === 'string' && (SESSION_STATUSES as readonly string[]).includes(value) ? (value as SessionStatus) : 'unknown';
}

/** The digits of a WhatsApp user JID such as "628123@s.whatsapp.net" or "628123:12@s.whatsapp.net". */
export function phoneFromJid(jid: unknown): string | undefined {
  if (typeof jid !== 'string') return undefined;
  const digits = /^(\d{5,20})[:@]/.exec(jid)?.[1];
  return digits;
}

/** Reads `GET /session/list` (results[0].items), tolerating missing or odd fields. */
export function parseSessionList(success: ApiSuccess): SessionSummary[] {
  const first = record(firstResult(success));
  const results = list(success.results) ?? [];
  const items = list(first?.items) ?? (results.every((r) => isRecord(r) && 'id' in r) ? results : []);
  const sessions: SessionSummary[] = [];
  for (const raw of items) {
    const item = record(raw);
    // The id goes back to the server as it is: not trimmed.
    if (!item || typeof item.id !== 'string' || !item.id) continue;
    const me = record(item.me);
    const name = text(me?.name) ?? text(item.pushName);
    const phone = phoneFromJid(me?.id);
    const lastConnection = text(item.lastConn);
    sessions.push({
      id: item.id,
      status: asStatus(item.status),
      ...(name && { name }),
      ...(phone && { phone }),
      ...(lastConnection && { lastConnection }),
    });
  }
  return sessions.sort((a, b) => a.id.localeCompare(b.id));
}
