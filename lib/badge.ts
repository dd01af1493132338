import { needsAttention, type SessionSummary } from './sessions';
import { troubleWords } from './warest/server-trouble';
import type { ServerHealth } from './storage';
import { textsOf } from './i18n';

const t = textsOf('status');

/**
 * The toolbar badge: how many sessions need the user (red), nothing when all is well, and a
 * distinct mark when the default server cannot be reached (grey "!") or rejects the key
 * (amber "key").
 */
export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = { attention: '#c62828', unreachable: '#616161', keyRejected: '#b26a00' } as const;

export function computeBadge(server: ServerHealth | undefined, sessions: readonly SessionSummary[], profileName = 'WARest'): BadgeState {
  if (server?.state === 'unreachable') {
    return { text: '!', color: BADGE_COLORS.unreachable, title: t('badgeUnreachable', { name: profileName }) };
  }
  if (server?.state === 'key-rejected') {
    return { text: 'key', color: BADGE_COLORS.keyRejected, title: t('badgeKey', { name: profileName }) };
  }
  if (server?.state === 'error') {
    // It answered, but not with the sessions: say which trouble, the popup says what to do.
    return { text: '!', color: BADGE_COLORS.unreachable, title: t('badgeTrouble', { name: profileName, trouble: troubleWords(server).toLowerCase() }) };
  }
  const attention = sessions.filter(needsAttention);
  if (attention.length === 0) return { text: '', color: BADGE_COLORS.attention, title: t('badgeFine', { name: profileName }) };
  const names = `${attention.slice(0, 5).map((s) => s.id).join(', ')}${attention.length > 5 ? ', …' : ''}`;
  return {
    text: attention.length > 99 ? '99+' : String(attention.length),
    color: BADGE_COLORS.attention,
    title: t.count('badgeNeed', attention.length, { name: profileName, names }),
  };
}

/** One server as the all-servers badge sees it. */
export interface ServerForBadge {
  name: string;
  server: ServerHealth | undefined;
  sessions: readonly SessionSummary[];
}

/**
 * The badge for every configured server at once (the "all servers" setting): the sessions that
 * need attention across servers in red, the tooltip naming which, server by server; a server in
 * trouble is one line of the tooltip, and marks the badge only when no session needs attention.
 */
export function computeBadgeAll(servers: readonly ServerForBadge[]): BadgeState {
  if (servers.length === 1) return computeBadge(servers[0]!.server, servers[0]!.sessions, servers[0]!.name);
  const lines: string[] = [];
  let attention = 0;
  let troubled = 0;
  for (const { name, server, sessions } of servers) {
    if (server && server.state !== 'ok') {
      troubled += 1;
      lines.push(`${name}: ${server.state === 'unreachable' ? t('unreachable') : troubleWords(server).toLowerCase()}`);
      continue;
    }
    const needing = sessions.filter(needsAttention);
    attention += needing.length;
    if (needing.length) lines.push(`${name}: ${needing.slice(0, 5).map((s) => s.id).join(', ')}${needing.length > 5 ? ', …' : ''}`);
  }
  if (attention > 0) {
    return { text: attention > 99 ? '99+' : String(attention), color: BADGE_COLORS.attention, title: `${t.count('allNeed', attention)}\n${lines.join('\n')}` };
  }
  if (troubled > 0) return { text: '!', color: BADGE_COLORS.unreachable, title: `${t('allTrouble', { troubled, total: servers.length })}\n${lines.join('\n')}` };
  return { text: '', color: BADGE_COLORS.attention, title: t('allFine', { total: servers.length }) };
}
