import { needsAttention, type SessionSummary } from './sessions';
import { troubleWords } from './warest/server-trouble';
import type { ServerHealth } from './storage';

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
    return { text: '!', color: BADGE_COLORS.unreachable, title: `${profileName}: server unreachable` };
  }
  if (server?.state === 'key-rejected') {
    return { text: 'key', color: BADGE_COLORS.keyRejected, title: `${profileName}: API key rejected — enter it again in the options` };
  }
  if (server?.state === 'error') {
    // It answered, but not with the sessions: say which trouble, the popup says what to do.
    return { text: '!', color: BADGE_COLORS.unreachable, title: `${profileName}: ${troubleWords(server).toLowerCase()} — open the popup for what to do` };
  }
  const attention = sessions.filter(needsAttention);
  if (attention.length === 0) return { text: '', color: BADGE_COLORS.attention, title: `${profileName}: all sessions fine` };
  const names = attention.slice(0, 5).map((s) => s.id).join(', ');
  return {
    text: attention.length > 99 ? '99+' : String(attention.length),
    color: BADGE_COLORS.attention,
    title: `${profileName}: ${attention.length} session${attention.length === 1 ? '' : 's'} need${attention.length === 1 ? 's' : ''} attention (${names}${attention.length > 5 ? ', …' : ''})`,
  };
}
