import { needsAttention, STATUS_INFO, type SessionStatus, type SessionSummary } from './sessions';
import type { ProfileSnapshot, ServerHealth } from './storage';

/**
 * The popup's "All servers" list, without React: every session of every server in one list,
 * those that need the person first, each with its server; a server whose sessions cannot be read
 * (unreachable, key rejected, another trouble) is one line instead of its sessions.
 */

export interface ServerRef {
  id: string;
  name: string;
}

export interface AllServersRow {
  profileId: string;
  serverName: string;
  session: SessionSummary;
}

export type ServerLine =
  /** Its sessions could not be read: one line with the trouble. */
  | { profileId: string; serverName: string; kind: 'trouble'; server: ServerHealth }
  /** Not read yet (the refresh is on its way). */
  | { profileId: string; serverName: string; kind: 'unread' };

/** Which sessions to show: 'attention' is every state that needs the person. */
export type StateFilter = 'any' | 'attention' | SessionStatus;

export interface AllServersFilter {
  /** A profile id, or 'any'. */
  server: string;
  state: StateFilter;
}

export interface AllServers {
  rows: AllServersRow[];
  lines: ServerLine[];
  /** Sessions needing attention over every shown server (before the state filter). */
  attention: number;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });

function matches(status: SessionStatus, state: StateFilter): boolean {
  if (state === 'any') return true;
  if (state === 'attention') return STATUS_INFO[status].needsAttention;
  return status === state;
}

export function allServers(servers: readonly ServerRef[], snapshots: Readonly<Record<string, ProfileSnapshot | undefined>>, filter: AllServersFilter): AllServers {
  const rows: AllServersRow[] = [];
  const lines: ServerLine[] = [];
  let attention = 0;
  for (const { id, name } of servers) {
    if (filter.server !== 'any' && filter.server !== id) continue;
    const snapshot = snapshots[id];
    if (!snapshot) {
      lines.push({ profileId: id, serverName: name, kind: 'unread' });
      continue;
    }
    if (snapshot.server.state !== 'ok') {
      lines.push({ profileId: id, serverName: name, kind: 'trouble', server: snapshot.server });
      continue;
    }
    for (const session of snapshot.sessions) {
      if (needsAttention(session)) attention += 1;
      if (matches(session.status, filter.state)) rows.push({ profileId: id, serverName: name, session });
    }
  }
  rows.sort(
    (a, b) =>
      Number(needsAttention(b.session)) - Number(needsAttention(a.session)) ||
      byName(a.serverName, b.serverName) ||
      byName(a.session.id, b.session.id),
  );
  lines.sort((a, b) => byName(a.serverName, b.serverName));
  return { rows, lines, attention };
}
