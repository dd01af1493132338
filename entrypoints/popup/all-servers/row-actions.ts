import { askBackground } from '@/lib/messaging/ask-background';
import { callOperation } from '@/lib/messaging/call-operation';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { withServerWords } from '../shared/run-operation';
import { refreshAll } from './refresh-all';
import { textsOf } from '@/lib/i18n';

const t = textsOf('allservers');

/**
 * What a row of the all-servers list does, always on that row's own server (never the popup's
 * active one): open the session in that server's normal view, log it in, reconnect it.
 */

/** That server's session list, scrolled to the session and highlighted. */
export function openSession(profileId: string, sessionId: string): void {
  usePopupStore.getState().switchProfile(profileId);
  usePopupStore.setState({ focusSessionId: sessionId });
}

/** That server's list (from a server's trouble line: its pill and message say what to do). */
export function openServer(profileId: string): void {
  usePopupStore.getState().switchProfile(profileId);
}

/** Starts a QR login on the row's server, then shows it there. */
export async function logIn(profileId: string, sessionId: string): Promise<void> {
  const { say, showLogin } = usePopupStore.getState();
  const reply = await askBackground('login.start', { profileId, sessionId, method: 'qr' });
  if (!reply.ok) {
    say({ tone: 'error', text: reply.error.message });
    return;
  }
  useProfileChoice.getState().choose(profileId);
  showLogin(reply.data);
}

/** Reconnects the session on the row's server and re-reads that server. */
export async function reconnect(profileId: string, serverName: string, sessionId: string): Promise<void> {
  const { say } = usePopupStore.getState();
  const reply = await callOperation('getSessionReconnect', { sessionId }, { profileId });
  if (!reply.ok) {
    say({ tone: 'error', text: `${serverName}: ${reply.error.message}` });
    return;
  }
  say({ tone: 'ok', text: withServerWords(t('reconnecting', { session: sessionId, server: serverName }), reply.data) });
  void refreshAll([profileId]);
}
