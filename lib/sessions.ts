
import { textsOf } from './i18n';

const t = textsOf('status');

/**
 * What a WhatsApp session is, as the popup and the badge see it: the server's status in plain
 * words, whether it needs the user, and who it is logged in as.
 */

export const SESSION_STATUSES = ['starting', 'connecting', 'open', 'reconnecting', 'replaced', 'logged_out', 'stopped'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number] | 'unknown';

export type StatusTone = 'ok' | 'pending' | 'bad';

interface StatusInfo {
  readonly word: string;
  tone: StatusTone;
  /** Logged out, replaced or stopped: it will not come back by itself. */
  needsAttention: boolean;
  /** What the user can do about it. */
  readonly hint: string;
}

type Key = Parameters<typeof t>[0];

/** A status whose word and hint are read in the current language each time they are shown. */
function status(word: Key, hint: Key, tone: StatusTone, needsAttention = false): StatusInfo {
  return {
    tone,
    needsAttention,
    get word() {
      return t(word);
    },
    get hint() {
      return t(hint);
    },
  };
}

export const STATUS_INFO: Record<SessionStatus, StatusInfo> = {
  open: status('open', 'openHint', 'ok'),
  starting: status('starting', 'startingHint', 'pending'),
  connecting: status('connecting', 'connectingHint', 'pending'),
  reconnecting: status('reconnecting', 'reconnectingHint', 'pending'),
  replaced: status('replaced', 'replacedHint', 'bad', true),
  logged_out: status('loggedOut', 'loggedOutHint', 'bad', true),
  stopped: status('stopped', 'stoppedHint', 'bad', true),
  unknown: status('unknown', 'unknownHint', 'pending'),
};

export interface SessionSummary {
  id: string;
  status: SessionStatus;
  /** The WhatsApp account's display name, when logged in. */
  name?: string;
  /** The account's phone number (digits), when logged in. */
  phone?: string;
  /** ISO time of the last connection. */
  lastConnection?: string;
}

/** Session ids as the server accepts them. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function checkSessionId(id: string, existing: readonly string[] = []): string | null {
  if (!id) return t('idEmpty');
  if (id.length > 64) return t('idLong');
  if (!SESSION_ID_PATTERN.test(id)) return t('idChars');
  if (existing.includes(id)) return t('idTaken', { id });
  return null;
}

export function needsAttention(session: Pick<SessionSummary, 'status'>): boolean {
  return STATUS_INFO[session.status].needsAttention;
}

/** Sessions that went from open to a state the user must fix (not transient reconnects). */
export function newlyLost(before: readonly SessionSummary[], after: readonly SessionSummary[]): SessionSummary[] {
  const wasOpen = new Set(before.filter((s) => s.status === 'open').map((s) => s.id));
  return after.filter((s) => wasOpen.has(s.id) && (s.status === 'logged_out' || s.status === 'replaced'));
}
