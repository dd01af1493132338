import { browser } from 'wxt/browser';
import { TEXT_LIMIT, readSent } from '@/lib/sent-message';
import { checkDelivery, type ReadMessages } from '@/lib/delivery-check';
import type { Reply, RequestOf } from '@/lib/messaging/protocol';
import {
  alarmName,
  canEdit,
  canRemove,
  canSendAnyway,
  canSendNow,
  decide,
  dueTimeProblem,
  editScheduled,
  idFromAlarm,
  markFailed,
  markMissed,
  markSending,
  markSent,
  markUnconfirmed,
  MAX_SCHEDULED,
  withScheduled,
  type Decision,
} from '@/lib/scheduled';
import type { ScheduledMessage } from '@/lib/storage';
import { failure, isOutcomeUnknown } from '@/lib/warest/api-result';
import type { WarestClient } from '@/lib/warest/client';
import { explainSessionNotFound, isSessionNotFound } from '@/lib/warest/session-not-open';
import { registerHandler } from './handler-registry';
import { resolveProfile } from './profile-lookup';
import { changeScheduled, readScheduled, updateScheduled } from './scheduled-store';
import { client as sharedClient, reachProfile, requestTimeoutMs, type ProfileAccess } from './server-calls';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Scheduled messages (the composer's "Send later"): one alarm per message, re-created from
 * storage at every worker start and browser start, since chrome.alarms are not kept across
 * restarts everywhere. Exactly once: the message is marked `sending` in storage before its
 * request goes out and `sent` or `failed` after; one found still `sending` at a start (the
 * worker stopped mid-send) is looked for in the chat (lib/delivery-check.ts), never resent by
 * itself. One that came due while the browser was closed is sent at start or kept as `missed`
 * for the person to decide, as the setting says.
 */

export interface ScheduledDeps {
  client: WarestClient;
  now: () => number;
  newId: () => string;
}

let deps: ScheduledDeps = { client: sharedClient, now: () => Date.now(), newId: () => crypto.randomUUID() };

/** In chrome.storage.session, which the browser empties when it closes: the start of this browser session. */
const SESSION_KEY = 'scheduledSessionStart';

/** Messages this worker is sending or looking for right now: a second start-up pass leaves them alone. */
const inFlight = new Set<string>();

let sessionStart: Promise<number> | undefined;

/** Work started by an event (alarm, browser start), so a test can wait for it to end. */
const pending = new Set<Promise<unknown>>();
function track(work: Promise<unknown>): void {
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/**
 * Before when a due message counts as missed while the browser was closed: the first worker of a
 * browser session (session storage empty) answers its own start; any later one -Infinity, since
 * the browser was running all along.
 */
function missedBefore(): Promise<number> {
  return (sessionStart ??= (async () => {
    const at = deps.now();
    try {
      const stored = await browser.storage.session.get(SESSION_KEY);
      if (typeof stored[SESSION_KEY] === 'number') return Number.NEGATIVE_INFINITY;
      await browser.storage.session.set({ [SESSION_KEY]: at });
    } catch {
      // No session storage: every start counts as a browser start, the careful reading.
    }
    return at;
  })());
}

const say = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function arm(message: ScheduledMessage): Promise<void> {
  try {
    await browser.alarms.create(alarmName(message.id), { when: message.dueAt });
  } catch (error) {
    console.warn('WARest Companion: arming a scheduled message failed', say(error));
  }
}

async function disarm(id: string): Promise<void> {
  await browser.alarms.clear(alarmName(id)).catch(() => undefined);
}

function readerFor(server: ProfileAccess, timeoutMs: number): ReadMessages {
  return async (inputs) => {
    const result = await server.call('getChatsChatIdMessages', inputs, { timeoutMs });
    return result.ok ? { ok: true, data: result } : result;
  };
}

/** Looks for a message whose send got no answer; sent or unconfirmed (the person decides), never resent. */
async function verify(message: ScheduledMessage, server?: ProfileAccess): Promise<ScheduledMessage | undefined> {
  const from = message.state;
  let reached: ProfileAccess | undefined = server;
  if (!reached) {
    const access = await reachProfile(message.profileId, deps.client);
    if (!access.ok) {
      return (await updateScheduled(message.id, (m) => (m.state === from ? markUnconfirmed(m, deps.now(), t('schedUnknownNoChat', { reason: access.error.message })) : null)))?.message;
    }
    reached = access.value;
  }
  const check = await checkDelivery(readerFor(reached, await requestTimeoutMs()), {
    sessionId: message.sessionId,
    to: message.to,
    text: message.message,
    since: message.sendingSince ?? message.updatedAt,
  });
  const settle = (m: ScheduledMessage): ScheduledMessage | null => {
    if (m.state !== from) return null;
    if (check.state === 'sent') return markSent(m, deps.now(), check.messageId, true);
    if (check.state === 'not-found') {
      return markUnconfirmed(m, deps.now(), t('schedNotInChat'));
    }
    return markUnconfirmed(m, deps.now(), t('schedUnknown', { reason: check.reason }));
  };
  return (await updateScheduled(message.id, settle))?.message;
}

type SendMode = 'due' | 'now' | 'anyway';
const ALLOWED: Record<SendMode, (m: ScheduledMessage) => boolean> = {
  due: (m) => m.state === 'scheduled',
  now: canSendNow,
  anyway: canSendAnyway,
};

/** Sends one message: marked before, settled after; an unknown outcome is looked for, not resent. */
async function send(id: string, mode: SendMode): Promise<ScheduledMessage | undefined> {
  if (inFlight.has(id)) return (await readScheduled()).messages.find((m) => m.id === id);
  inFlight.add(id);
  try {
    const marked = await updateScheduled(id, (m) => (ALLOWED[mode](m) ? markSending(m, deps.now()) : null));
    if (!marked?.changed) return marked?.message;
    await disarm(id);
    const message = marked.message;
    const settle = (step: (m: ScheduledMessage) => ScheduledMessage) => updateScheduled(id, (m) => (m.state === 'sending' ? step(m) : null)).then((r) => r?.message);
    const access = await reachProfile(message.profileId, deps.client);
    // Nothing went out: no key, no access, or the server is gone from the options.
    if (!access.ok) return settle((m) => markFailed(m, deps.now(), access.error.message));
    const inputs: Record<string, unknown> = { sessionId: message.sessionId, to: message.to, message: message.message };
    if (message.replyMessageId) inputs.replyMessageId = message.replyMessageId;
    if (message.presence) inputs.presence = true;
    const timeoutMs = await requestTimeoutMs();
    const result = await access.value.call('postMessagesSendText', inputs, { timeoutMs });
    if (result.ok) return settle((m) => markSent(m, deps.now(), readSent(result).messageIds[0]));
    if (isOutcomeUnknown(result.error)) return verify(message, access.value);
    const reason = isSessionNotFound(result.error) ? explainSessionNotFound(result.error, message.sessionId, undefined).message : result.error.message;
    return settle((m) => markFailed(m, deps.now(), reason));
  } catch (error) {
    // A send that threw after its mark stays `sending`: the next start looks for it in the chat.
    console.error('WARest Companion: scheduled send failed', say(error));
    return undefined;
  } finally {
    inFlight.delete(id);
  }
}

const NOTIFICATION_PREFIX = 'warest-scheduled:';

/**
 * What happened to a message nobody was watching (its alarm, a start), as a desktop notification:
 * sent, or what needs the person. A click opens the popup, where the list is.
 */
async function announce(message: ScheduledMessage | undefined): Promise<void> {
  if (!message || message.state === 'scheduled' || message.state === 'sending') return;
  const words: [title: string, text: string] = {
    sent: [t('schedSentTitle', { to: message.label }), t('schedSent', { text: message.message.slice(0, 80), session: message.sessionId })],
    failed: [t('schedFailedTitle', { to: message.label }), message.reason ?? t('schedRefused')],
    unconfirmed: [t('schedUnconfTitle', { to: message.label }), t('schedUnconf')],
    missed: [t('schedMissedTitle', { to: message.label }), t('schedMissed')],
  }[message.state] as [string, string];
  try {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${message.state}:${message.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: words[0],
      message: words[1],
      priority: message.state === 'sent' ? 0 : 1,
    });
  } catch (error) {
    console.warn('WARest Companion: could not show a notification', say(error));
  }
}

async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(id).catch(() => undefined);
  // No focused window, or a browser that cannot open the popup from here: a tab shows the same page.
  await browser.action.openPopup().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
}

async function act(message: ScheduledMessage, decision: Decision): Promise<void> {
  if (decision === 'arm') return arm(message);
  if (decision === 'send') return announce(await send(message.id, 'due'));
  if (decision === 'ask') {
    const missed = await updateScheduled(message.id, (m) => (m.state === 'scheduled' ? markMissed(m, deps.now()) : null));
    await disarm(message.id);
    if (missed?.changed) await announce(missed.message);
    return;
  }
  if (decision === 'verify' && !inFlight.has(message.id)) {
    inFlight.add(message.id);
    try {
      await announce(await verify(message));
    } finally {
      inFlight.delete(message.id);
    }
  }
}

async function decideFor(message: ScheduledMessage): Promise<Decision> {
  const { onMissed } = await readScheduled();
  return decide(message, { now: deps.now(), missedBefore: await missedBefore(), onMissed });
}

let resuming: Promise<void> | undefined;

/**
 * At worker start and browser start: every stored message armed, sent, asked about or verified
 * (see decide), and alarms of messages no longer waiting removed. Calls while one runs share it.
 */
export function resumeScheduled(): Promise<void> {
  return (resuming ??= (async () => {
    try {
      const { messages } = await readScheduled();
      const waiting = new Set(messages.filter((m) => m.state === 'scheduled').map((m) => alarmName(m.id)));
      for (const alarm of await browser.alarms.getAll()) if (idFromAlarm(alarm.name) && !waiting.has(alarm.name)) await disarm(idFromAlarm(alarm.name)!);
      const work: Promise<void>[] = [];
      for (const message of messages) work.push(act(message, await decideFor(message)));
      await Promise.all(work);
    } catch (error) {
      console.error('WARest Companion: resuming scheduled messages failed', say(error));
    } finally {
      resuming = undefined;
    }
  })());
}

async function onAlarm(name: string): Promise<void> {
  const id = idFromAlarm(name);
  if (!id) return;
  const message = (await readScheduled()).messages.find((m) => m.id === id);
  if (message) await act(message, await decideFor(message));
}

// ---- The pages' requests ----------------------------------------------------------------------

function checkText(message: string): string | null {
  if (!message.trim()) return t('writeMessage');
  if (message.length > TEXT_LIMIT) return t('tooLong', { length: message.length, max: TEXT_LIMIT });
  return null;
}

function checkTimeZone(timeZone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return null;
  } catch {
    return t('badZone', { zone: timeZone });
  }
}

const gone = (): Reply<never> => failure('not-found', t('schedGone'));

async function create(request: RequestOf<'scheduled.create'>): Promise<Reply<ScheduledMessage>> {
  const resolved = await resolveProfile(request.profileId);
  if (!resolved.ok) return resolved;
  const sessionId = request.sessionId.trim();
  if (!sessionId) return failure('invalid-input', t('chooseSender'));
  if (!request.to.trim()) return failure('invalid-input', t('chooseRecipient'));
  const problem = checkText(request.message) ?? dueTimeProblem(request.dueAt, deps.now()) ?? checkTimeZone(request.timeZone);
  if (problem) return failure('invalid-input', problem);
  const now = deps.now();
  const message: ScheduledMessage = {
    id: deps.newId(),
    profileId: resolved.value.profile.id,
    sessionId,
    to: request.to.trim(),
    label: request.label.trim() || request.to.trim(),
    message: request.message,
    ...(request.replyMessageId && { replyMessageId: request.replyMessageId }),
    ...(request.presence && { presence: true }),
    dueAt: request.dueAt,
    timeZone: request.timeZone,
    createdAt: now,
    updatedAt: now,
    state: 'scheduled',
  };
  const added = await changeScheduled((state) => {
    const messages = withScheduled(state.messages, message);
    return { next: messages && { ...state, messages }, answer: !!messages };
  });
  if (!added) return failure('invalid-input', t('schedFull', { max: MAX_SCHEDULED }));
  await arm(message);
  return { ok: true, data: message };
}

async function update(request: RequestOf<'scheduled.update'>): Promise<Reply<ScheduledMessage>> {
  const problem = (request.message !== undefined ? checkText(request.message) : null)
    ?? (request.dueAt !== undefined ? dueTimeProblem(request.dueAt, deps.now()) : null)
    ?? (request.timeZone !== undefined ? checkTimeZone(request.timeZone) : null);
  if (problem) return failure('invalid-input', problem);
  let refused: string | undefined;
  const changed = await updateScheduled(request.id, (m) => {
    if (!canEdit(m)) {
      refused = m.state === 'sending' ? t('beingSent') : m.state === 'sent' ? t('sentAlready') : t('notConfirmedYet');
      return null;
    }
    return editScheduled(m, { message: request.message, dueAt: request.dueAt, timeZone: request.timeZone }, deps.now());
  });
  if (!changed) return gone();
  if (refused) return failure('invalid-input', t('cannotChange', { reason: refused }));
  await arm(changed.message);
  return { ok: true, data: changed.message };
}

async function sendNow(request: RequestOf<'scheduled.sendNow'>): Promise<Reply<ScheduledMessage>> {
  const before = (await readScheduled()).messages.find((m) => m.id === request.id);
  if (!before) return gone();
  const mode: SendMode = request.anyway ? 'anyway' : 'now';
  if (!ALLOWED[mode](before)) {
    if (before.state === 'unconfirmed') return failure('invalid-input', t('earlierUnconfirmed'));
    return failure('invalid-input', before.state === 'sending' ? t('beingSent') : t('sentAlready'));
  }
  const after = await send(request.id, mode);
  return after ? { ok: true, data: after } : gone();
}

async function checkAgain(id: string): Promise<Reply<ScheduledMessage>> {
  const message = (await readScheduled()).messages.find((m) => m.id === id);
  if (!message) return gone();
  if (message.state !== 'unconfirmed') return { ok: true, data: message };
  if (inFlight.has(id)) return { ok: true, data: message };
  inFlight.add(id);
  try {
    return { ok: true, data: (await verify(message)) ?? message };
  } finally {
    inFlight.delete(id);
  }
}

async function remove(id: string): Promise<Reply<{ removed: true }>> {
  const refused = await changeScheduled((state) => {
    const message = state.messages.find((m) => m.id === id);
    if (!message) return { next: null, answer: false };
    if (!canRemove(message)) return { next: null, answer: true };
    return { next: { ...state, messages: state.messages.filter((m) => m.id !== id) }, answer: false };
  });
  if (refused) return failure('invalid-input', t('beingSentWait'));
  await disarm(id);
  return { ok: true, data: { removed: true } };
}

/** Registers the handlers, the alarm and browser-start listeners, and resumes now. `overrides` are for tests. */
export function registerScheduled(overrides: Partial<ScheduledDeps> = {}): void {
  deps = { ...deps, ...overrides };
  // Read now, at the worker's start: asked first when an alarm fires, "now" would be later than
  // the message's time, and a message that came due while the browser ran would count as missed.
  sessionStart = undefined;
  void missedBefore();
  registerHandler('scheduled.create', create);
  registerHandler('scheduled.update', update);
  registerHandler('scheduled.sendNow', sendNow);
  registerHandler('scheduled.check', ({ id }) => checkAgain(id));
  registerHandler('scheduled.remove', ({ id }) => remove(id));
  registerHandler('scheduled.setOnMissed', async ({ onMissed }) => {
    await changeScheduled((state) => ({ next: { ...state, onMissed }, answer: undefined }));
    return { ok: true, data: { onMissed } };
  });
  browser.alarms.onAlarm.addListener((alarm) => track(onAlarm(alarm.name).catch((error: unknown) => console.error('WARest Companion: scheduled alarm', say(error)))));
  browser.runtime.onStartup.addListener(() => track(resumeScheduled()));
  browser.notifications.onClicked.addListener((id: string) => void onNotificationClicked(id));
  track(resumeScheduled());
}

/** For tests: resolves once the sends and checks started so far have finished. */
export async function settleScheduled(): Promise<void> {
  while (pending.size || inFlight.size) {
    await Promise.all([...pending]);
    if (inFlight.size) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
