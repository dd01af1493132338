import { currentLanguage, textsOf } from '@/lib/i18n';
import type { CampaignMessageKind } from '@/lib/campaigns/campaign';
import type { SessionStatus } from '@/lib/sessions';
import type { Campaign, CampaignEntry } from '@/lib/storage';

/**
 * The Campaigns page's words that several of its files show: a campaign's state, a message kind,
 * a session's status, a result, a duration, and numbers and times in the page's language. Each is
 * read when drawn, never at import: the language is chosen before the first render, after the
 * modules have loaded.
 */

export const t = textsOf('campaigns');

export const stateWord = (state: Campaign['state']): string =>
  ({
    scheduled: t('stateScheduled'),
    running: t('stateRunning'),
    waiting: t('stateWaiting'),
    paused: t('statePaused'),
    done: t('stateDone'),
    cancelled: t('stateCancelled'),
  })[state];

export const kindWord = (kind: CampaignMessageKind): string =>
  ({ text: t('kindText'), image: t('kindImage'), video: t('kindVideo'), document: t('kindDocument') })[kind];

export const statusWord = (status: SessionStatus): string =>
  ({
    starting: t('statusStarting'),
    connecting: t('statusConnecting'),
    open: t('statusOpen'),
    reconnecting: t('statusReconnecting'),
    replaced: t('statusReplaced'),
    logged_out: t('statusLoggedOut'),
    stopped: t('statusStopped'),
    unknown: t('statusUnknown'),
  })[status];

export const resultWord = (state: CampaignEntry['status']['state']): string =>
  ({
    pending: t('resultPending'),
    sending: t('resultSending'),
    sent: t('resultSent'),
    failed: t('resultFailed'),
    skipped: t('resultSkipped'),
    unconfirmed: t('resultUnconfirmed'),
  })[state];

/** How long, roughly: seconds, minutes, hours and minutes, or days (the steps of lib/campaigns/draft.ts's durationWords). */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return t('durationSeconds', { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('durationMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('durationHours', { hours, minutes: minutes % 60 });
  return t.count('durationDays', Math.round(hours / 24));
}

/** English keeps the formats the page always had (1,234; Mon 14:05:00); Indonesian writes its own. */
const numberLocale = () => (currentLanguage() === 'id' ? 'id-ID' : 'en-US');
const timeLocale = () => (currentLanguage() === 'id' ? 'id-ID' : 'en-GB');

export const formatNumber = (n: number): string => n.toLocaleString(numberLocale());
export const dayAndTime = (at: number): string => new Date(at).toLocaleString(timeLocale(), { weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const timeOfDay = (at: number): string => new Date(at).toLocaleTimeString(timeLocale());
