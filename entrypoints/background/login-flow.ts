import { failure } from '@/lib/warest/api-result';
import type { LiveSessionEvent } from '@/lib/live-events';
import { applyLoginAnswer, isImageDataUrl, readLoginAnswer, sameLogin } from '@/lib/login';
import { normalizePhoneLight } from '@/lib/phone-light';
import type { Reply, RequestOf } from '@/lib/messaging/protocol';
import { serialised } from '@/lib/serialised';
import { checkSessionId } from '@/lib/sessions';
import { loginItem, readChecked, settingsItem, type LoginInProgress } from '@/lib/storage';
import { resolveProfile } from './profile-lookup';
import { reachProfile, reachProfileServer, requestTimeoutMs } from './server-calls';
import { refreshProfile } from './sessions-refresh';

/**
 * Logging a WhatsApp session in from the popup, by QR code or pairing code. The login lives in
 * storage (loginItem), so closing the popup loses nothing: the popup polls `login.poll` while it
 * is open, the poll alarm while it is closed, and live events update it too (login.ts hooks the
 * messages and the session lists up).
 */

/** Every change of the stored login, one at a time: each reads the login it changes. */
const loginChanges = serialised();

/**
 * Changes the stored login, but only while it is still the attempt `expected` (not cancelled or
 * restarted meanwhile); writes nothing when nothing changes.
 */
function updateLogin(expected: LoginInProgress, change: (current: LoginInProgress) => LoginInProgress): Promise<LoginInProgress | null> {
  return loginChanges(async () => {
    const current = await readChecked(loginItem);
    if (!current || !sameLogin(current, expected)) return current;
    const next = change(current);
    if (JSON.stringify(next) !== JSON.stringify(current)) await loginItem.item.setValue(next);
    return next;
  });
}

export async function startLogin(request: RequestOf<'login.start'>): Promise<Reply<LoginInProgress>> {
  const resolved = await resolveProfile(request.profileId);
  if (!resolved.ok) return resolved;
  const { profile, apiKey } = resolved.value;
  const sessionId = request.sessionId.trim();
  // An existing id is fine: starting again restarts that session's login.
  const idProblem = checkSessionId(sessionId);
  if (idProblem) return failure('invalid-input', idProblem);

  let phone: string | undefined;
  if (request.method === 'pairing') {
    const { defaultCountryCode } = await readChecked(settingsItem);
    // The light check (no libphonenumber in the worker); the server refuses a number WhatsApp does not know.
    const normalised = normalizePhoneLight(request.phone ?? '', defaultCountryCode);
    if (!normalised.ok) return failure('invalid-input', normalised.message);
    phone = normalised.digits;
  }
  // Access is checked after the inputs: a wrong input is said first, even for a server not allowed yet.
  const reached = await reachProfileServer(profile, apiKey);
  if (!reached.ok) return reached;

  const server = reached.value;
  const options = { timeoutMs: await requestTimeoutMs() };
  const created = await server.call('getSessionCreate', { sessionId }, options);
  if (!created.ok) return created;
  let answer = readLoginAnswer(created);
  if (request.method === 'pairing' && !answer.open) {
    const paired = await server.call('getSessionCreatePairCode', { sessionId, phone }, options);
    if (!paired.ok) return paired;
    answer = readLoginAnswer(paired);
  }

  const now = Date.now();
  const fresh: LoginInProgress = { profileId: profile.id, sessionId, method: request.method, startedAt: now, state: 'waiting', ...(phone && { phone }) };
  const login = applyLoginAnswer(fresh, answer, now);
  await loginChanges(() => loginItem.item.setValue(login));
  // The new session (or its new state) shows in the list at once.
  void refreshProfile(profile.id).catch(() => undefined);
  return { ok: true, data: login };
}

async function pollOnce(): Promise<Reply<LoginInProgress | null>> {
  const login = await readChecked(loginItem);
  if (!login || login.state !== 'waiting') return { ok: true, data: login };

  const reached = await reachProfile(login.profileId);
  if (!reached.ok) {
    // Access can still be granted while the login waits: only a missing profile or key ends it.
    const failed = reached.error.kind !== 'permission';
    const next = await updateLogin(login, (current) => ({ ...current, ...(failed && { state: 'failed' as const }), message: reached.error.message }));
    return { ok: true, data: next };
  }

  const result = await reached.value.call('getSessionCreate', { sessionId: login.sessionId }, { timeoutMs: await requestTimeoutMs() });
  if (!result.ok) {
    const fatal = result.error.kind === 'auth' || result.error.kind === 'no-profile';
    const next = await updateLogin(login, (current) => ({ ...current, state: fatal ? 'failed' : 'waiting', message: result.error.message }));
    return { ok: true, data: next };
  }
  const answer = readLoginAnswer(result);
  const next = await updateLogin(login, (current) => applyLoginAnswer(current, answer, Date.now()));
  if (answer.open) void refreshProfile(login.profileId).catch(() => undefined);
  return { ok: true, data: next };
}

let polling: Promise<Reply<LoginInProgress | null>> | null = null;

/** Asks the server how the login in progress is going; concurrent polls share one request. */
export function pollLogin(): Promise<Reply<LoginInProgress | null>> {
  polling ??= pollOnce().finally(() => {
    polling = null;
  });
  return polling;
}

async function waitingLogin(profileId: string, sessionId: string): Promise<LoginInProgress | undefined> {
  const login = await readChecked(loginItem);
  return login && login.state === 'waiting' && login.profileId === profileId && login.sessionId === sessionId ? login : undefined;
}

/** The login's session is open (a `ready` event, or the list says so). */
export async function markLoginOpen(profileId: string, sessionId: string): Promise<void> {
  const login = await waitingLogin(profileId, sessionId);
  if (login) await updateLogin(login, ({ message: _message, ...current }) => ({ ...current, state: 'open' }));
}

/** A live `qr` event: its data URL replaces the QR; without one, the server is asked for it. */
export async function applyLiveQr(profileId: string, event: LiveSessionEvent): Promise<void> {
  const login = await waitingLogin(profileId, event.id);
  if (!login || login.method !== 'qr') return;
  if (isImageDataUrl(event.qrDataUrl)) {
    const qrDuration = typeof event.qrDuration === 'number' && event.qrDuration > 0 ? event.qrDuration : undefined;
    await updateLogin(login, (current) => applyLoginAnswer(current, { open: false, qr: event.qrDataUrl as string, ...(qrDuration && { qrDuration }) }, Date.now()));
  } else {
    await pollLogin();
  }
}

/** A live `pairing_code` event for the login in progress. */
export async function applyLivePairingCode(profileId: string, event: LiveSessionEvent): Promise<void> {
  const login = await waitingLogin(profileId, event.id);
  const code = typeof event.code === 'string' ? event.code.trim() : '';
  if (!login || login.method !== 'pairing' || !code) return;
  await updateLogin(login, (current) => applyLoginAnswer(current, { open: false, pairingCode: code }, Date.now()));
}

/** Forgets the login in progress (after any change already queued). */
export async function cancelLogin(): Promise<void> {
  await loginChanges(() => loginItem.item.setValue(null));
}
