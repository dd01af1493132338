import { beforeEach, describe, expect, it } from 'vitest';
import { RatePacer } from '@/lib/warest/rate-pacer';
import { ManualClock, settleMicrotasks } from '../helpers/clocks';

const BUCKET = 'https://warest.example.com\u0000key-1';
const SLACK = 250; // the pacer waits this long past a reset, for clock skew

let clock: ManualClock;
let pacer: RatePacer;

beforeEach(() => {
  clock = new ManualClock();
  pacer = new RatePacer(clock);
});

/** Starts an acquire and exposes whether it has got through yet. */
function track(promise: Promise<void>) {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => {
      state.done = true;
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return state;
}

function burst(count: number, bucket = BUCKET, signal?: AbortSignal) {
  return Array.from({ length: count }, () => track(pacer.acquire(bucket, signal)));
}

const through = (calls: { done: boolean }[]) => calls.filter((c) => c.done).length;

/** What the server's headers said, with a reset `inMs` from the clock's now. */
function serverSays(limit: number, remaining: number, inMs: number) {
  return { limit, remaining, resetAt: clock.now() + inMs };
}

describe('RatePacer', () => {
  it('lets the first call through at once, knowing nothing yet', async () => {
    const first = track(pacer.acquire(BUCKET));
    await settleMicrotasks();
    expect(first.done).toBe(true);
    expect(clock.sleeps).toEqual([]);
  });

  it('after an answer saying remaining=2, lets exactly 2 through and holds the 3rd until the reset', async () => {
    await pacer.acquire(BUCKET);
    pacer.settle(BUCKET, serverSays(120, 2, 10_000));

    const calls = burst(3);
    await settleMicrotasks();
    expect(calls.map((c) => c.done)).toEqual([true, true, false]);

    await clock.advance(10_000 + SLACK - 1);
    expect(calls[2]?.done).toBe(false);
    await clock.advance(1);
    expect(calls[2]?.done).toBe(true);
  });

  it('never lets more than the remaining count of a concurrent burst through before the reset', async () => {
    pacer.settle(BUCKET, serverSays(10, 3, 5_000));

    const calls = burst(8);
    await settleMicrotasks();
    expect(through(calls)).toBe(3);

    await clock.advance(5_000 + SLACK - 1);
    expect(through(calls)).toBe(3);

    await clock.advance(1);
    expect(through(calls)).toBe(8); // the new window allows 10
  });

  it('in a new window, lets the full limit through and holds the rest until an answer tells the new count', async () => {
    pacer.settle(BUCKET, serverSays(4, 0, 1_000));

    const calls = burst(6);
    await settleMicrotasks();
    expect(through(calls)).toBe(0);

    await clock.advance(1_000 + SLACK);
    expect(through(calls)).toBe(4); // the limit, no more
    await clock.advance(5_000);
    expect(through(calls)).toBe(4); // the window's reset is unknown: keep waiting, don't guess

    // The first answer of the new window: the server says 3 left, one more of ours is still in flight.
    pacer.settle(BUCKET, serverSays(4, 3, 60_000));
    await clock.advance(200);
    // 3 left, less 3 requests still on their way (4 sent, 1 answered): none may go yet.
    expect(through(calls)).toBe(4);
  });

  it('releases waiters when the new window’s first answer reports room', async () => {
    pacer.settle(BUCKET, serverSays(2, 0, 1_000));
    const calls = burst(4);
    await clock.advance(1_000 + SLACK);
    expect(through(calls)).toBe(2);

    // Both answers come back: the server saw 2 of 10 used.
    pacer.settle(BUCKET, serverSays(10, 9, 60_000));
    pacer.settle(BUCKET, serverSays(10, 8, 60_000));
    await clock.advance(200);
    expect(through(calls)).toBe(4);
  });

  it('restores the whole limit when a new window begins', async () => {
    pacer.settle(BUCKET, serverSays(5, 0, 1_000));
    const waiting = track(pacer.acquire(BUCKET));
    await clock.advance(1_000 + SLACK);
    expect(waiting.done).toBe(true);

    const more = burst(5);
    await settleMicrotasks();
    expect(through(more)).toBe(4); // 5 per window, one already used by `waiting`
  });

  it('keeps the lowest count when answers of one window arrive out of order', async () => {
    pacer.settle(BUCKET, serverSays(120, 5, 30_000));
    await pacer.acquire(BUCKET);
    await pacer.acquire(BUCKET);
    pacer.settle(BUCKET, serverSays(120, 3, 30_000)); // the later request's answer, first
    pacer.settle(BUCKET, serverSays(120, 4, 30_000)); // the earlier request's answer, late

    const calls = burst(4);
    await settleMicrotasks();
    expect(through(calls)).toBe(2);
  });

  it('treats a 429 as nothing left in the window, whatever the remaining header says', async () => {
    pacer.settle(BUCKET, serverSays(120, 50, 10_000));
    await pacer.acquire(BUCKET);
    pacer.settle(BUCKET, serverSays(120, 49, 10_000), true);

    const next = track(pacer.acquire(BUCKET));
    await settleMicrotasks();
    expect(next.done).toBe(false);
    await clock.advance(10_000 + SLACK);
    expect(next.done).toBe(true);
  });

  it('treats a 429 without rate-limit headers as nothing left', async () => {
    pacer.settle(BUCKET, serverSays(120, 50, 10_000));
    await pacer.acquire(BUCKET);
    pacer.settle(BUCKET, undefined, true);

    const next = track(pacer.acquire(BUCKET));
    await settleMicrotasks();
    expect(next.done).toBe(false);
  });

  it('does not count a request that ended without an answer (release) against the next window', async () => {
    pacer.settle(BUCKET, serverSays(10, 5, 1_000));
    await pacer.acquire(BUCKET); // A: fails on the network
    await pacer.acquire(BUCKET); // B: gets an answer
    pacer.release(BUCKET);

    await clock.advance(2_000);
    // B's answer, from the next window: the server counts 1 request (B). A never reached it.
    pacer.settle(BUCKET, serverSays(10, 9, 60_000));

    const calls = burst(10);
    await settleMicrotasks();
    expect(through(calls)).toBe(9);
  });

  it('without release, a lost request would keep counting as in flight (contrast)', async () => {
    pacer.settle(BUCKET, serverSays(10, 5, 1_000));
    await pacer.acquire(BUCKET);
    await pacer.acquire(BUCKET);

    await clock.advance(2_000);
    pacer.settle(BUCKET, serverSays(10, 9, 60_000));

    const calls = burst(10);
    await settleMicrotasks();
    expect(through(calls)).toBe(8);
  });

  it('caps a far-future reset (clock skew) at two minutes of waiting', async () => {
    pacer.settle(BUCKET, serverSays(10, 0, 3_600_000));
    const next = track(pacer.acquire(BUCKET));

    await clock.advance(120_000 + SLACK - 1);
    expect(next.done).toBe(false);
    await clock.advance(1);
    expect(next.done).toBe(true);
  });

  it('rejects an acquire whose signal is aborted while it waits, without using a slot', async () => {
    pacer.settle(BUCKET, serverSays(1, 0, 1_000));
    const controller = new AbortController();
    const aborted = track(pacer.acquire(BUCKET, controller.signal));
    await settleMicrotasks();
    expect(aborted.done).toBe(false);

    controller.abort(new Error('stop'));
    await settleMicrotasks();
    expect(aborted.error).toEqual(new Error('stop'));
    expect(aborted.done).toBe(false);

    await clock.advance(1_000 + SLACK);
    const next = track(pacer.acquire(BUCKET));
    await settleMicrotasks();
    expect(next.done).toBe(true); // the aborted call did not take the new window's only slot
  });

  it('rejects at once when the signal is already aborted and it would have to wait', async () => {
    pacer.settle(BUCKET, serverSays(1, 0, 1_000));
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(pacer.acquire(BUCKET, controller.signal)).rejects.toThrow('gone');
  });

  it('keeps one bucket per server and key', async () => {
    pacer.settle(BUCKET, serverSays(10, 0, 10_000));
    const other = track(pacer.acquire('https://warest.example.com\u0000key-2'));
    const same = track(pacer.acquire(BUCKET));
    await settleMicrotasks();
    expect(other.done).toBe(true);
    expect(same.done).toBe(false);
  });
});

describe('RatePacer: the recipient cooldown', () => {
  const COOLDOWN = 3_000;
  const COOLDOWN_SLACK = 250;

  it('holds a second send to the same recipient until the first is answered and 3 s have passed', async () => {
    await pacer.acquire(BUCKET, undefined, ['6281']);
    const second = track(pacer.acquire(BUCKET, undefined, ['6281']));
    await clock.advance(5_000);
    expect(second.done).toBe(false); // the first has not been answered yet

    pacer.finishSend(BUCKET, ['6281']);
    await clock.advance(COOLDOWN + COOLDOWN_SLACK - 100);
    expect(second.done).toBe(false);
    await clock.advance(200);
    expect(second.done).toBe(true);
  });

  it('holds nothing else: other recipients and calls without a recipient go at once', async () => {
    await pacer.acquire(BUCKET, undefined, ['6281']);
    pacer.finishSend(BUCKET, ['6281']);
    const other = track(pacer.acquire(BUCKET, undefined, ['6282']));
    const read = track(pacer.acquire(BUCKET));
    const otherKey = track(pacer.acquire('https://warest.example.com\u0000key-2', undefined, ['6281']));
    await settleMicrotasks();
    expect([other.done, read.done, otherKey.done]).toEqual([true, true, true]);
  });

  it('waits what a Retry-After taught it, and keeps that longer cooldown for later sends', async () => {
    await pacer.acquire(BUCKET, undefined, ['6281']);
    pacer.finishSend(BUCKET, ['6281'], 5_000);
    expect(pacer.recipientReadyAt(BUCKET, '6281')).toBe(clock.now() + 5_000 + COOLDOWN_SLACK);

    const retry = track(pacer.acquire(BUCKET, undefined, ['6281']));
    await clock.advance(5_000);
    expect(retry.done).toBe(false);
    await clock.advance(COOLDOWN_SLACK);
    expect(retry.done).toBe(true);

    pacer.finishSend(BUCKET, ['6281']);
    expect(pacer.recipientReadyAt(BUCKET, '6281')).toBe(clock.now() + 5_000 + COOLDOWN_SLACK);
  });

  it('waits for every recipient of a send to several', async () => {
    await pacer.acquire(BUCKET, undefined, ['6281']);
    pacer.finishSend(BUCKET, ['6281']);
    await clock.advance(1_000);
    await pacer.acquire(BUCKET, undefined, ['6282']);
    pacer.finishSend(BUCKET, ['6282']);

    const both = track(pacer.acquire(BUCKET, undefined, ['6281', '6282']));
    await clock.advance(COOLDOWN + COOLDOWN_SLACK - 1_000);
    expect(both.done).toBe(false); // 6281 is free, 6282 not yet
    await clock.advance(1_000);
    expect(both.done).toBe(true);
  });

  it('takes no slot of the window while a send waits for its recipient', async () => {
    pacer.settle(BUCKET, serverSays(120, 2, 60_000));
    await pacer.acquire(BUCKET, undefined, ['6281']);
    pacer.settle(BUCKET, serverSays(120, 1, 60_000)); // its answer: one request left in the window
    pacer.finishSend(BUCKET, ['6281']);

    const waiting = track(pacer.acquire(BUCKET, undefined, ['6281']));
    const read = track(pacer.acquire(BUCKET));
    await settleMicrotasks();
    expect(read.done).toBe(true); // the one slot went to the read, not to the waiting send
    expect(waiting.done).toBe(false);
  });

  it('rejects a recipient wait whose signal aborts, leaving the recipient free', async () => {
    await pacer.acquire(BUCKET, undefined, ['6281']);
    pacer.finishSend(BUCKET, ['6281']);
    const controller = new AbortController();
    const aborted = track(pacer.acquire(BUCKET, controller.signal, ['6281']));
    await settleMicrotasks();
    controller.abort(new Error('stop'));
    await settleMicrotasks();
    expect(aborted.error).toEqual(new Error('stop'));

    await clock.advance(COOLDOWN + COOLDOWN_SLACK);
    const next = track(pacer.acquire(BUCKET, undefined, ['6281']));
    await settleMicrotasks();
    expect(next.done).toBe(true);
  });

  it('does not hold a recipient forever for a send that was never finished', async () => {
    await pacer.acquire(BUCKET, undefined, ['6281']);
    const next = track(pacer.acquire(BUCKET, undefined, ['6281']));
    await clock.advance(10 * 60_000);
    expect(next.done).toBe(false);
    await clock.advance(60_000 + 200);
    expect(next.done).toBe(true);
  });
});
