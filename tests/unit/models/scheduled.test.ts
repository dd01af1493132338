import { describe, expect, it } from 'vitest';
import {
  alarmName,
  decide,
  describeDue,
  dueTimeProblem,
  editScheduled,
  idFromAlarm,
  KEEP_FINISHED,
  listOrder,
  localDateTime,
  markSending,
  markSent,
  MAX_SCHEDULED,
  toLocalInputs,
  utcOffset,
  withScheduled,
} from '@/lib/scheduled';
import type { ScheduledMessage } from '@/lib/storage';

/** Scheduled messages without a browser: the chosen time, what each start and alarm does, the state steps. */

const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);
const message = (over: Partial<ScheduledMessage> = {}): ScheduledMessage => ({
  id: 'm1',
  profileId: 'home',
  sessionId: 'main',
  to: '6281234567890',
  label: '+62 812-3456-7890',
  message: 'Happy birthday!',
  dueAt: NOW + 60_000,
  timeZone: 'Asia/Jakarta',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  state: 'scheduled',
  ...over,
});

describe('decide: at a start or an alarm', () => {
  const running = { now: NOW, missedBefore: Number.NEGATIVE_INFINITY, onMissed: 'ask' as const };
  const justStarted = { now: NOW, missedBefore: NOW - 5_000, onMissed: 'ask' as const };

  it('arms a message still to come, whatever the start', () => {
    expect(decide(message(), running)).toBe('arm');
    expect(decide(message(), justStarted)).toBe('arm');
  });

  it('sends one that is due while the browser ran (its alarm fired, or fired late)', () => {
    expect(decide(message({ dueAt: NOW }), running)).toBe('send');
    expect(decide(message({ dueAt: NOW - 3600_000 }), running)).toBe('send');
    // Due after this browser session began: not missed, just due.
    expect(decide(message({ dueAt: NOW - 1_000 }), justStarted)).toBe('send');
  });

  it('asks about, or sends, one that came due while the browser was closed, as the setting says', () => {
    const missed = message({ dueAt: NOW - 3600_000 });
    expect(decide(missed, justStarted)).toBe('ask');
    expect(decide(missed, { ...justStarted, onMissed: 'send' })).toBe('send');
  });

  it('looks in the chat for one left sending (the worker stopped mid-send), never sends it again', () => {
    expect(decide(message({ state: 'sending', dueAt: NOW - 10_000 }), running)).toBe('verify');
    expect(decide(message({ state: 'sending', dueAt: NOW - 10_000 }), { ...justStarted, onMissed: 'send' })).toBe('verify');
  });

  it('leaves every other state alone', () => {
    for (const state of ['sent', 'failed', 'unconfirmed', 'missed'] as const) expect(decide(message({ state, dueAt: NOW - 1 }), { ...justStarted, onMissed: 'send' })).toBe('none');
  });
});

describe('the chosen time', () => {
  it('reads the date and time inputs as local time, seconds optional', () => {
    const at = localDateTime('2026-12-24', '08:30');
    expect(at).toEqual({ ok: true, at: new Date(2026, 11, 24, 8, 30, 0).getTime() });
    expect(localDateTime('2026-12-24', '08:30:15')).toEqual({ ok: true, at: new Date(2026, 11, 24, 8, 30, 15).getTime() });
    expect(toLocalInputs(new Date(2026, 11, 24, 8, 30, 15).getTime())).toEqual({ date: '2026-12-24', time: '08:30:15' });
  });

  it('says what is wrong with a missing or impossible date', () => {
    expect(localDateTime('', '08:30')).toEqual({ ok: false, message: 'Choose the day to send it.' });
    expect(localDateTime('2026-12-24', '')).toEqual({ ok: false, message: 'Choose the time to send it.' });
    expect(localDateTime('2026-02-30', '08:30')).toEqual({ ok: false, message: '2026-02-30 08:30 is not a date and time that exists.' });
  });

  it('refuses the past and more than a year ahead', () => {
    expect(dueTimeProblem(NOW - 1, NOW)).toContain('That time has passed');
    expect(dueTimeProblem(NOW, NOW)).toContain('That time has passed');
    expect(dueTimeProblem(NOW + 400 * 24 * 3600_000, NOW)).toContain('more than a year ahead');
    expect(dueTimeProblem(NOW + 60_000, NOW)).toBeNull();
  });

  it('shows the time in the zone it was scheduled in, with its offset', () => {
    expect(utcOffset(NOW, 'Asia/Jakarta')).toBe('UTC+07:00');
    expect(utcOffset(NOW, 'UTC')).toBe('UTC+00:00');
    expect(describeDue(NOW, 'Asia/Jakarta')).toBe('Wed, 2 Dec 2026, 15:00 (Asia/Jakarta, UTC+07:00)');
    // Daylight saving: New York is UTC-5 in December, UTC-4 in July.
    expect(utcOffset(NOW, 'America/New_York')).toBe('UTC-05:00');
    expect(utcOffset(Date.UTC(2026, 6, 1), 'America/New_York')).toBe('UTC-04:00');
  });
});

describe('alarms and state steps', () => {
  it('names one alarm per message and reads its id back', () => {
    expect(idFromAlarm(alarmName('abc'))).toBe('abc');
    expect(idFromAlarm('warest-jobs-keepalive')).toBeUndefined();
  });

  it('marks the start of a send, then its outcome, clearing what no longer holds', () => {
    const sending = markSending(message({ state: 'failed', reason: 'Session closed' }), NOW);
    expect(sending).toMatchObject({ state: 'sending', sendingSince: NOW, updatedAt: NOW });
    expect(sending.reason).toBeUndefined();
    expect(markSent(sending, NOW + 5, 'ABC123', true)).toMatchObject({ state: 'sent', sentAt: NOW + 5, messageId: 'ABC123', confirmedFromChat: true });
  });

  it('schedules an edited one again, with its new text and time', () => {
    const edited = editScheduled(message({ state: 'missed' }), { message: 'Later!', dueAt: NOW + 7200_000, timeZone: 'UTC' }, NOW);
    expect(edited).toMatchObject({ state: 'scheduled', message: 'Later!', dueAt: NOW + 7200_000, timeZone: 'UTC', updatedAt: NOW });
  });
});

describe('the list', () => {
  it('makes room by forgetting the oldest sent ones, and refuses when only unsent ones fill it', () => {
    const sent = Array.from({ length: KEEP_FINISHED + 5 }, (_, i) => message({ id: `s${i}`, state: 'sent', sentAt: i }));
    const next = withScheduled(sent, message({ id: 'new' }))!;
    expect(next.filter((m) => m.state === 'sent')).toHaveLength(KEEP_FINISHED);
    expect(next.some((m) => m.id === 's0')).toBe(false);
    expect(next.at(-1)!.id).toBe('new');
    const full = Array.from({ length: MAX_SCHEDULED }, (_, i) => message({ id: `w${i}` }));
    expect(withScheduled(full, message({ id: 'one more' }))).toBeNull();
  });

  it('shows what needs the person first, then the next to go, then the sent ones', () => {
    const order = listOrder([
      message({ id: 'sent-old', state: 'sent', sentAt: 1 }),
      message({ id: 'later', dueAt: NOW + 9000 }),
      message({ id: 'sent-new', state: 'sent', sentAt: 2 }),
      message({ id: 'sooner', dueAt: NOW + 10 }),
      message({ id: 'missed', state: 'missed' }),
    ]);
    expect(order.map((m) => m.id)).toEqual(['missed', 'sooner', 'later', 'sent-new', 'sent-old']);
  });
});
