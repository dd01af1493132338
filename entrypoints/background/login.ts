import { loginItem, readChecked } from '@/lib/storage';
import { registerHandler } from './handler-registry';
import { cancelLogin, markLoginOpen, pollLogin, startLogin } from './login-flow';
import { onSessionsRefreshed } from './sessions-refresh';

/** The popup's login messages, and a login marked open when a session list shows it open. */

let stopListening: (() => void) | undefined;

export function registerLogin(): void {
  registerHandler('login.start', startLogin);
  registerHandler('login.poll', () => pollLogin());
  registerHandler('login.cancel', async () => {
    await cancelLogin();
    return { ok: true, data: { cancelled: true } };
  });
  stopListening?.();
  stopListening = onSessionsRefreshed(async ({ profile, after, ok, requestedAt }) => {
    if (!ok) return;
    const login = await readChecked(loginItem);
    // A list asked for before the login started may still show the session's old state.
    if (login?.state === 'waiting' && login.profileId === profile.id && requestedAt >= login.startedAt && after.sessions.some((s) => s.id === login.sessionId && s.status === 'open')) {
      await markLoginOpen(profile.id, login.sessionId);
    }
  });
}
