import { describe, expect, it } from 'vitest';
import { expectedDurationMs, inWindow, localTime, nextDelayMs, nextSendAt, nextWindowOpening, pacingProblem, type Pacing } from '@/lib/campaigns/pacing';

const JAKARTA = 'Asia/Jakarta'; // UTC+7, no DST
const at = (iso: string) => Date.parse(iso);
const WEEKDAYS_9_TO_17 = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };
const OVERNIGHT = { days: [5], startMinute: 22 * 60, endMinute: 2 * 60 }; // Friday 22:00 → Saturday 02:00

describe('pacing a campaign', () => {
  it('never goes below the 3 s cooldown, and checks what a person set', () => {
    expect(pacingProblem({ minDelaySec: 2, maxDelaySec: 5, timeZone: JAKARTA })).toMatch(/3 s/);
    expect(pacingProblem({ minDelaySec: 10, maxDelaySec: 5, timeZone: JAKARTA })).toMatch(/longest/);
    expect(pacingProblem({ minDelaySec: 5, maxDelaySec: 9, timeZone: 'Mars/Olympus' })).toMatch(/not a time zone/);
    expect(pacingProblem({ minDelaySec: 5, maxDelaySec: 9, timeZone: JAKARTA, window: { days: [], startMinute: 0, endMinute: 60 } })).toMatch(/day/);
    expect(pacingProblem({ minDelaySec: 5, maxDelaySec: 9, timeZone: JAKARTA, dailyCap: 100, window: WEEKDAYS_9_TO_17 })).toBeNull();
    expect(nextDelayMs({ minDelaySec: 1, maxDelaySec: 1 }, () => 0.5)).toBe(3000);
    expect(nextDelayMs({ minDelaySec: 8, maxDelaySec: 20 }, () => 0)).toBe(8000);
    expect(nextDelayMs({ minDelaySec: 8, maxDelaySec: 20 }, () => 0.999999)).toBe(20000);
  });

  it('reads the window in the person’s time zone', () => {
    // Monday 2026-11-30 08:59 in Jakarta is 01:59 UTC.
    expect(localTime(at('2026-11-30T01:59:00Z'), JAKARTA)).toEqual({ weekday: 1, minute: 8 * 60 + 59, date: '2026-11-30' });
    expect(inWindow(at('2026-11-30T01:59:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toBe(false);
    expect(inWindow(at('2026-11-30T02:00:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toBe(true);
    expect(inWindow(at('2026-11-30T10:00:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toBe(false); // 17:00 local
    // Saturday: closed all day.
    expect(inWindow(at('2026-12-05T05:00:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toBe(false);
  });

  it('handles a window past midnight as part of the day it opened', () => {
    expect(inWindow(at('2026-12-04T15:30:00Z'), OVERNIGHT, JAKARTA)).toBe(true); // Fri 22:30
    expect(inWindow(at('2026-12-04T18:30:00Z'), OVERNIGHT, JAKARTA)).toBe(true); // Sat 01:30, opened Friday
    expect(inWindow(at('2026-12-04T19:30:00Z'), OVERNIGHT, JAKARTA)).toBe(false); // Sat 02:30
    expect(inWindow(at('2026-12-05T18:30:00Z'), OVERNIGHT, JAKARTA)).toBe(false); // Sun 01:30: Saturday has no window
  });

  it('waits for the next opening: later today, tomorrow, or after the weekend', () => {
    expect(new Date(nextWindowOpening(at('2026-11-30T01:00:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(new Date(nextWindowOpening(at('2026-12-04T11:00:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toISOString()).toBe('2026-12-07T02:00:00.000Z'); // Friday 18:00 → Monday 09:00
    expect(nextWindowOpening(at('2026-11-30T05:00:00Z'), WEEKDAYS_9_TO_17, JAKARTA)).toBe(at('2026-11-30T05:00:00Z'));
  });

  it('follows a time zone with daylight saving', () => {
    const berlin = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 9 * 60, endMinute: 10 * 60 };
    // 2026-03-29: clocks go forward in Berlin; 09:00 is 07:00 UTC that day, 08:00 UTC the day before.
    expect(new Date(nextWindowOpening(at('2026-03-28T12:00:00Z'), berlin, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(nextWindowOpening(at('2026-03-27T12:00:00Z'), berlin, 'Europe/Berlin')).toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  it('spaces messages by the delay, and keeps to the window and the daily cap', () => {
    const pacing: Pacing = { minDelaySec: 8, maxDelaySec: 20, dailyCap: 2, window: WEEKDAYS_9_TO_17, timeZone: JAKARTA };
    const monday10 = at('2026-11-30T03:00:00Z');
    expect(nextSendAt({ now: monday10, delayMs: 10_000, pacing, sentOn: () => 0 })).toBe(monday10);
    expect(nextSendAt({ now: monday10, lastSentAt: monday10, delayMs: 10_000, pacing, sentOn: () => 1 })).toBe(monday10 + 10_000);
    // The cap is reached on Monday: Tuesday 09:00.
    const sent: Record<string, number> = { '2026-11-30': 2 };
    expect(new Date(nextSendAt({ now: monday10, lastSentAt: monday10, delayMs: 10_000, pacing, sentOn: (d) => sent[d] ?? 0 })).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    // A delay that runs past 17:00 waits for the next opening.
    const monday1659 = at('2026-11-30T09:59:55Z');
    expect(new Date(nextSendAt({ now: monday1659, lastSentAt: monday1659, delayMs: 10_000, pacing, sentOn: () => 0 })).toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('expects the mean delay between messages', () => {
    expect(expectedDurationMs(1000, { minDelaySec: 3, maxDelaySec: 5 })).toBe(999 * 4000);
    expect(expectedDurationMs(1, { minDelaySec: 3, maxDelaySec: 5 })).toBe(0);
  });
});
