import { textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * When a campaign's next message may go: a random delay between messages (a minimum and a
 * maximum, never below WARest's 3 s anti-spam cooldown), an optional daily cap, and an optional
 * sending window (hours and days in the person's time zone; a window may run past midnight).
 * Pure: the clock, the random source and the count of messages sent per day are passed in.
 */

/** WARest's anti-spam guard allows one message per key and recipient every 3 s; campaigns never go faster. */
export const MIN_DELAY_SEC = 3;
export const DEFAULT_PACING = { minDelaySec: 8, maxDelaySec: 20 } as const;

export interface SendingWindow {
  /** Days the window opens on, 0 = Sunday … 6 = Saturday (a window past midnight belongs to the day it opened). */
  days: readonly number[];
  /** Minutes after local midnight, 0–1439. */
  startMinute: number;
  /** Minutes after local midnight; at or before `startMinute`, the window runs past midnight. */
  endMinute: number;
}

export interface Pacing {
  minDelaySec: number;
  maxDelaySec: number;
  dailyCap?: number;
  window?: SendingWindow;
  /** IANA time zone the window and the cap's days are in, e.g. "Asia/Jakarta". */
  timeZone: string;
}

/** Why a pacing cannot be used, or null. */
export function pacingProblem(pacing: Pacing, floorSec: number = MIN_DELAY_SEC): string | null {
  if (!Number.isFinite(pacing.minDelaySec) || pacing.minDelaySec < floorSec) return t('minDelay', { sec: floorSec });
  if (!Number.isFinite(pacing.maxDelaySec) || pacing.maxDelaySec < pacing.minDelaySec) return t('maxDelay');
  if (pacing.dailyCap !== undefined && (!Number.isInteger(pacing.dailyCap) || pacing.dailyCap < 1)) return t('dailyCap');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: pacing.timeZone });
  } catch {
    return t('badZone', { zone: pacing.timeZone });
  }
  const w = pacing.window;
  if (w) {
    if (w.days.length === 0 || w.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) return t('winDays');
    const minute = (m: number) => Number.isInteger(m) && m >= 0 && m < 1440;
    if (!minute(w.startMinute) || !minute(w.endMinute)) return t('winTimes');
    if (w.startMinute === w.endMinute) return t('winSame');
  }
  return null;
}

interface LocalTime {
  /** 0 = Sunday */
  weekday: number;
  minute: number;
  /** YYYY-MM-DD in the time zone: the day a daily cap counts in. */
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function partsOf(ms: number, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute!, second: +parts.second!, weekday: WEEKDAYS.indexOf(parts.weekday!) };
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const p = partsOf(ms, timeZone);
  return { weekday: p.weekday, minute: p.hour * 60 + p.minute, date: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}` };
}

/** The instant a local wall-clock time happens in `timeZone` (the first one, across a DST change). */
function instantOf(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = partsOf(guess, timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wall - shown;
  }
  return guess;
}

/** Whether `ms` is inside the window. */
export function inWindow(ms: number, window: SendingWindow, timeZone: string): boolean {
  const local = localTime(ms, timeZone);
  const overnight = window.endMinute <= window.startMinute;
  if (!overnight) return window.days.includes(local.weekday) && local.minute >= window.startMinute && local.minute < window.endMinute;
  if (local.minute >= window.startMinute) return window.days.includes(local.weekday);
  // After midnight: the window opened the day before.
  return local.minute < window.endMinute && window.days.includes((local.weekday + 6) % 7);
}

/** The next moment at or after `ms` when the window is open. */
export function nextWindowOpening(ms: number, window: SendingWindow, timeZone: string): number {
  if (inWindow(ms, window, timeZone)) return ms;
  const today = partsOf(ms, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const start = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), window.startMinute, timeZone);
    if (start > ms && window.days.includes(localTime(start, timeZone).weekday)) return start;
  }
  return ms; // unreachable with at least one day chosen
}

/** Local midnight after `ms`: when a daily cap opens again. */
function nextLocalMidnight(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 0, timeZone);
}

/** The delay before the next message, in ms: uniform between the minimum and the maximum. */
export function nextDelayMs(pacing: Pick<Pacing, 'minDelaySec' | 'maxDelaySec'>, random: () => number, floorSec: number = MIN_DELAY_SEC): number {
  const min = Math.max(floorSec, pacing.minDelaySec);
  const max = Math.max(min, pacing.maxDelaySec);
  return Math.round((min + (max - min) * random()) * 1000);
}

/**
 * When the next message may go: after the delay since the last one, inside the window, and on
 * a day whose cap is not reached (`sentOn(date)` counts the messages sent on a local date).
 */
export function nextSendAt(input: { now: number; lastSentAt?: number; delayMs: number; pacing: Pacing; sentOn(date: string): number }): number {
  const { pacing } = input;
  let at = Math.max(input.now, input.lastSentAt !== undefined ? input.lastSentAt + input.delayMs : input.now);
  for (let guard = 0; guard < 400; guard++) {
    if (pacing.window && !inWindow(at, pacing.window, pacing.timeZone)) {
      at = nextWindowOpening(at, pacing.window, pacing.timeZone);
      continue;
    }
    if (pacing.dailyCap !== undefined && input.sentOn(localTime(at, pacing.timeZone).date) >= pacing.dailyCap) {
      at = nextLocalMidnight(at, pacing.timeZone);
      continue;
    }
    return at;
  }
  return at;
}

/** The least time `count` messages take with this pacing, ignoring windows and caps (the mean delay between them). */
export function expectedDurationMs(count: number, pacing: Pick<Pacing, 'minDelaySec' | 'maxDelaySec'>, floorSec: number = MIN_DELAY_SEC): number {
  const min = Math.max(floorSec, pacing.minDelaySec);
  const max = Math.max(min, pacing.maxDelaySec);
  return Math.max(0, count - 1) * ((min + max) / 2) * 1000;
}
