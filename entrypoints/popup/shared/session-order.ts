import type { SessionStatus, SessionSummary } from '@/lib/sessions';

/**
 * How the popup ranks and acts on a session, without React: sessions that need the person come
 * first, and each state has one primary action (the rest lives in the row's overflow menu).
 */

/** 0: the person must act (it will not come back by itself); 1: on its way; 2: fine. */
const RANK: Record<SessionStatus, number> = {
  logged_out: 0,
  replaced: 0,
  stopped: 0,
  connecting: 1,
  starting: 1,
  reconnecting: 1,
  unknown: 1,
  open: 2,
};

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/** Attention first (logged out / replaced / stopped, then connecting / starting…, then open), then by id. */
export function attentionOrder<S extends Pick<SessionSummary, 'id' | 'status'>>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => RANK[a.status] - RANK[b.status] || byName(a.id, b.id));
}

/** The one action a row shows in view. */
export type PrimaryAction = 'login' | 'send' | 'reconnect';

export function primaryAction(status: SessionStatus): PrimaryAction {
  if (status === 'open') return 'send';
  // Not logged in yet (or never): only a QR or a pairing code brings it back.
  if (status === 'logged_out' || status === 'connecting' || status === 'starting') return 'login';
  // Replaced, stopped, reconnecting, unknown: credentials are kept, reconnecting is what helps.
  return 'reconnect';
}
