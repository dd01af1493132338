import type { ScheduledMessage } from './storage';
import { textsOf } from './i18n';

const t = textsOf('tools');

/**
 * Scheduled messages, without browser APIs: checking a chosen time, what to do with each stored
 * message when the worker starts or an alarm fires (arm, send, ask, verify), and the state steps.
 * Exactly once: a message is marked `sending` before its request goes out and `sent` or `failed`
 * after; one found still `sending` (the worker stopped mid-send) is looked for in the chat, never
 * sent again by itself.
 */

/** At most this many messages are kept; the oldest finished ones make room. */
export const MAX_SCHEDULED = 200;
/** Finished messages (sent) kept for the list. */
export const KEEP_FINISHED = 30;
/** At most a year ahead: further is a typo. */
export const MAX_AHEAD_MS = 366 * 24 * 3600_000;
export const ALARM_PREFIX = 'scheduled:';

export const alarmName = (id: string) => `${ALARM_PREFIX}${id}`;
export const idFromAlarm = (name: string): string | undefined => (name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : undefined);

/**
 * "2026-12-24" and "08:30" (or "08:30:15") as the browser's local time → epoch ms, or what is
 * wrong. Local time is what the date and time inputs show.
 */
export function localDateTime(date: string, time: string): { ok: true; at: number } | { ok: false; message: string } {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!d) return { ok: false, message: t('pickDay') };
  const clock = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!clock) return { ok: false, message: t('pickTime') };
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
  const at = new Date(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(at.getTime()) || at.getMonth() !== month - 1 || at.getDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: t('noSuchTime', { date, time }) };
  }
  return { ok: true, at: at.getTime() };
}

/** The date and time inputs' values for an epoch ms, in local time. */
export function toLocalInputs(at: number): { date: string; time: string } {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`, time: `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}` };
}

/** Why a time cannot be a message's send time, or null. */
export function dueTimeProblem(dueAt: number, now: number): string | null {
  if (!Number.isFinite(dueAt)) return t('pickWhen');
  if (dueAt <= now) return t('timePassed');
  if (dueAt > now + MAX_AHEAD_MS) return t('tooFar');
  return null;
}

/** "UTC+07:00" for a time zone at a moment. */
export function utcOffset(at: number, timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName');
    const offset = part?.value.replace('GMT', '') ?? '';
    return `UTC${offset || '+00:00'}`;
  } catch {
    return '';
  }
}

/** "Thu, 24 Dec 2026, 08:30 (Asia/Jakarta, UTC+07:00)": the time as it was meant, with its zone. */
export function describeDue(at: number, timeZone: string): string {
  let when: string;
  try {
    when = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  } catch {
    when = new Date(at).toISOString();
  }
  return `${when} (${timeZone}, ${utcOffset(at, timeZone)})`;
}

/** What the worker does with a stored message now. */
export type Decision = 'arm' | 'send' | 'ask' | 'verify' | 'none';

export interface DecisionContext {
  now: number;
  /**
   * Messages due before this moment came due while the browser (or the extension) was not
   * running: the start of this browser session when this worker is its first, else -Infinity.
   */
  missedBefore: number;
  onMissed: 'send' | 'ask';
}

/**
 * At a worker start, at a browser start and when an alarm fires, one rule for each message:
 * a future one is armed; one due now is sent; one that came due while the browser was closed is
 * sent or asked about, as the setting says; one left `sending` is verified in the chat.
 */
export function decide(message: Pick<ScheduledMessage, 'state' | 'dueAt'>, context: DecisionContext): Decision {
  if (message.state === 'sending') return 'verify';
  if (message.state !== 'scheduled') return 'none';
  if (message.dueAt > context.now) return 'arm';
  if (message.dueAt < context.missedBefore) return context.onMissed === 'send' ? 'send' : 'ask';
  return 'send';
}

/** Which states a person may send now, edit or remove. */
export const canSendNow = (m: Pick<ScheduledMessage, 'state'>) => m.state === 'scheduled' || m.state === 'missed' || m.state === 'failed';
/** Unconfirmed may have gone out already: only "send it anyway", after a question. */
export const canSendAnyway = (m: Pick<ScheduledMessage, 'state'>) => m.state === 'unconfirmed';
export const canEdit = (m: Pick<ScheduledMessage, 'state'>) => m.state === 'scheduled' || m.state === 'missed' || m.state === 'failed';
/** Everything but a send on its way can be removed (cancelled or dismissed). */
export const canRemove = (m: Pick<ScheduledMessage, 'state'>) => m.state !== 'sending';

type Step = (m: ScheduledMessage, now: number) => ScheduledMessage;
const without = (m: ScheduledMessage, ...keys: Array<keyof ScheduledMessage>): ScheduledMessage => {
  const copy = { ...m };
  for (const key of keys) delete copy[key];
  return copy;
};

/** Marked before the request goes out: if the worker stops now, the next start verifies instead of resending. */
export const markSending: Step = (m, now) => ({ ...without(m, 'reason', 'messageId', 'confirmedFromChat'), state: 'sending', sendingSince: now, updatedAt: now });
export const markMissed: Step = (m, now) => ({ ...m, state: 'missed', updatedAt: now });
export const markSent = (m: ScheduledMessage, now: number, messageId: string | undefined, confirmedFromChat = false): ScheduledMessage => ({
  ...without(m, 'reason'),
  state: 'sent',
  sentAt: now,
  updatedAt: now,
  ...(messageId && { messageId }),
  ...(confirmedFromChat && { confirmedFromChat: true }),
});
export const markFailed = (m: ScheduledMessage, now: number, reason: string): ScheduledMessage => ({ ...m, state: 'failed', reason, updatedAt: now });
export const markUnconfirmed = (m: ScheduledMessage, now: number, reason: string): ScheduledMessage => ({ ...m, state: 'unconfirmed', reason, updatedAt: now });

/** A changed text or time: scheduled again (a missed or failed one too). */
export function editScheduled(m: ScheduledMessage, change: { message?: string; dueAt?: number; timeZone?: string }, now: number): ScheduledMessage {
  return {
    ...without(m, 'reason', 'sendingSince'),
    ...(change.message !== undefined && { message: change.message }),
    ...(change.dueAt !== undefined && { dueAt: change.dueAt }),
    ...(change.timeZone !== undefined && { timeZone: change.timeZone }),
    state: 'scheduled',
    updatedAt: now,
  };
}

/** The list with a new message; the oldest sent ones make room. Null when it is full of unsent ones. */
export function withScheduled(messages: readonly ScheduledMessage[], added: ScheduledMessage): ScheduledMessage[] | null {
  const sent = messages.filter((m) => m.state === 'sent').sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0));
  const keep = new Set(sent.slice(0, KEEP_FINISHED).map((m) => m.id));
  let next = messages.filter((m) => m.state !== 'sent' || keep.has(m.id));
  while (next.length >= MAX_SCHEDULED) {
    const oldestSent = next.filter((m) => m.state === 'sent').sort((a, b) => (a.sentAt ?? 0) - (b.sentAt ?? 0))[0];
    if (!oldestSent) return null;
    next = next.filter((m) => m.id !== oldestSent.id);
  }
  return [...next, added];
}

/** The list as the popup shows it: what needs the person first, then the next to go, then the sent ones, newest first. */
export function listOrder(messages: readonly ScheduledMessage[]): ScheduledMessage[] {
  const rank = { missed: 0, unconfirmed: 0, failed: 0, sending: 1, scheduled: 2, sent: 3 } as const;
  return [...messages].sort((a, b) => rank[a.state] - rank[b.state] || (a.state === 'sent' ? (b.sentAt ?? 0) - (a.sentAt ?? 0) : a.dueAt - b.dueAt));
}
