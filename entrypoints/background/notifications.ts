import { browser } from 'wxt/browser';
import { lostStatusFromReason } from '@/lib/session-sync';
import { newlyLost, type SessionSummary } from '@/lib/sessions';
import { focusItem, type ServerProfile } from '@/lib/storage';
import { onSessionsRefreshed, type SessionsRefreshed } from './sessions-refresh';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Desktop notifications when a session that was open is logged out or replaced (never for a
 * transient reconnect), for profiles whose notifications are on. A click opens the popup on
 * that session.
 */

const PREFIX = 'warest-session-lost:';

export function notificationId(profileId: string, sessionId: string): string {
  return `${PREFIX}${JSON.stringify([profileId, sessionId])}`;
}

/** The session a notification of ours is about; undefined for anyone else's notification. */
export function parseNotificationId(id: string): { profileId: string; sessionId: string } | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  try {
    const parsed: unknown = JSON.parse(id.slice(PREFIX.length));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { profileId: parsed[0], sessionId: parsed[1] };
    }
  } catch {
    // not ours after all
  }
  return undefined;
}

/**
 * Sessions a refresh found lost: open before, logged out or replaced now. A `closed` live event
 * also counts when the list has moved on already (after a logout the server starts a new QR
 * cycle at once), as long as the session is no longer open and not merely reconnecting.
 */
export function lostSessions(event: SessionsRefreshed): SessionSummary[] {
  if (!event.ok) return [];
  const before = event.before?.sessions ?? [];
  const lost = newlyLost(before, event.after.sessions);
  for (const hint of event.closed) {
    const status = lostStatusFromReason(hint.reason);
    if (!status || lost.some((s) => s.id === hint.sessionId)) continue;
    const was = before.find((s) => s.id === hint.sessionId);
    const now = event.after.sessions.find((s) => s.id === hint.sessionId);
    if (was?.status !== 'open' || !now || now.status === 'open' || now.status === 'reconnecting') continue;
    lost.push({ ...now, status });
  }
  return lost;
}

function describe(session: SessionSummary, profile: ServerProfile, previous?: SessionSummary): { title: string; message: string; contextMessage?: string } {
  const who = previous?.name ?? session.name;
  const phone = previous?.phone ?? session.phone;
  const account = [who, phone && `+${phone}`].filter(Boolean).join(' · ');
  if (session.status === 'replaced') {
    return {
      title: t('lostReplacedTitle', { session: session.id, server: profile.name }),
      message: t('lostReplaced'),
      ...(account && { contextMessage: account }),
    };
  }
  return {
    title: t('lostLoggedOutTitle', { session: session.id, server: profile.name }),
    message: t('lostLoggedOut'),
    ...(account && { contextMessage: account }),
  };
}

export async function notifyLost(profile: ServerProfile, lost: readonly SessionSummary[], before: readonly SessionSummary[] = []): Promise<void> {
  if (!profile.notifications) return;
  for (const session of lost) {
    const text = describe(session, profile, before.find((s) => s.id === session.id));
    try {
      await browser.notifications.create(notificationId(profile.id, session.id), {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: text.title,
        message: text.message,
        ...(text.contextMessage && { contextMessage: text.contextMessage }),
        buttons: [{ title: t('openSession') }],
        priority: 1,
      });
    } catch (error) {
      console.error('WARest Companion: could not show a notification', error instanceof Error ? error.message : error);
    }
  }
}

/** Shows a session in the popup: stored for the popup to pick up, then the popup (or a tab). */
export async function openSessionInPopup(profileId: string, sessionId: string): Promise<'popup' | 'tab'> {
  await focusItem.item.setValue({ profileId, sessionId });
  try {
    await browser.action.openPopup();
    return 'popup';
  } catch {
    // No focused window, or a browser that cannot open the popup from here: a tab shows the same page.
    const query = new URLSearchParams({ profile: profileId, session: sessionId });
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query.toString()}`) });
    return 'tab';
  }
}

async function onClick(id: string): Promise<void> {
  const target = parseNotificationId(id);
  if (!target) return;
  await browser.notifications.clear(id).catch(() => undefined);
  await openSessionInPopup(target.profileId, target.sessionId);
}

let stopListening: (() => void) | undefined;

export function registerNotifications(): void {
  stopListening?.();
  stopListening = onSessionsRefreshed(async (event) => {
    const lost = lostSessions(event);
    if (lost.length > 0) await notifyLost(event.profile, lost, event.before?.sessions);
  });
  browser.notifications.onClicked.addListener((id: string) => void onClick(id));
  browser.notifications.onButtonClicked.addListener((id: string) => void onClick(id));
}
