import type { PacerClock } from '@/lib/warest/rate-pacer';

/** Lets every pending promise callback run (several rounds of microtasks and one macrotask). */
export async function settleMicrotasks(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/**
 * A clock that only moves when the test says so. `sleep` resolves once `advance` has moved time
 * past its wake-up point; an abort signal rejects it with the signal's reason, like the real clock.
 */
export class ManualClock implements PacerClock {
  private sleepers: Sleeper[] = [];
  /** Every duration passed to sleep, in order. */
  readonly sleeps: number[] = [];

  constructor(public time = 1_750_000_000_000) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper: Sleeper = { wakeAt: this.time + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Moves time forward, waking sleepers in order and letting them react before the next one. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settleMicrotasks();
    for (;;) {
      const due = this.sleepers.filter((s) => s.wakeAt <= target).sort((a, b) => a.wakeAt - b.wakeAt)[0];
      if (!due) break;
      this.time = Math.max(this.time, due.wakeAt);
      this.sleepers = this.sleepers.filter((s) => s !== due);
      due.resolve();
      await settleMicrotasks();
    }
    this.time = target;
    await settleMicrotasks();
  }
}

/** A clock whose sleep passes the time at once: for code that waits but whose waiting is not under test. */
export class SteppingClock implements PacerClock {
  readonly sleeps: number[] = [];

  constructor(public time = 1_750_000_000_000) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }
}
