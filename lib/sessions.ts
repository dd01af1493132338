
/**
 * What a WhatsApp session is, as the popup and the badge see it: the server's status in plain
 * words, whether it needs the user, and who it is logged in as.
 */

export const SESSION_STATUSES = ['starting', 'connecting', 'open', 'reconnecting', 'replaced', 'logged_out', 'stopped'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number] | 'unknown';

export type StatusTone = 'ok' | 'pending' | 'bad';

interface StatusInfo {
  word: string;
  tone: StatusTone;
  /** Logged out, replaced or stopped: it will not come back by itself. */
  needsAttention: boolean;
  /** What the user can do about it. */
  hint: string;
}

export const STATUS_INFO: Record<SessionStatus, StatusInfo> = {
  open: { word: 'open', tone: 'ok', needsAttention: false, hint: 'Connected to WhatsApp.' },
  starting: { word: 'starting', tone: 'pending', needsAttention: false, hint: 'The server is starting this session.' },
  connecting: { word: 'connecting', tone: 'pending', needsAttention: false, hint: 'Waiting for WhatsApp: scan the QR code or enter the pairing code if asked.' },
  reconnecting: { word: 'reconnecting', tone: 'pending', needsAttention: false, hint: 'The connection dropped; the server is retrying by itself.' },
  replaced: { word: 'replaced', tone: 'bad', needsAttention: true, hint: 'WhatsApp Web was opened elsewhere with this account. Reconnect to take it back.' },
  logged_out: { word: 'logged out', tone: 'bad', needsAttention: true, hint: 'Logged out from the phone or the server. Log in again with a QR code or pairing code.' },
  stopped: { word: 'stopped', tone: 'bad', needsAttention: true, hint: 'The session is stopped. Reconnect to start it.' },
  unknown: { word: 'unknown', tone: 'pending', needsAttention: false, hint: 'The server reported a status this extension does not know.' },
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
  if (!id) return 'Enter a session id.';
  if (id.length > 64) return 'At most 64 characters.';
  if (!SESSION_ID_PATTERN.test(id)) return 'Use only letters, digits, dot (.), underscore (_) and dash (-).';
  if (existing.includes(id)) return `A session “${id}” already exists.`;
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
