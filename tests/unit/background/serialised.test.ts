import { describe, expect, it } from 'vitest';
import { serialised } from '@/lib/serialised';

/** A promise the test settles by hand. */
function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('serialised', () => {
  it('runs tasks one at a time, in call order, each answering its own value', async () => {
    const queue = serialised();
    const log: string[] = [];
    const first = deferred();
    const a = queue(async () => {
      log.push('a starts');
      await first.promise;
      log.push('a ends');
      return 1;
    });
    const b = queue(() => {
      log.push('b runs');
      return 'two';
    });
    await tick();
    // b waits for a, however long a takes.
    expect(log).toEqual(['a starts']);
    first.resolve();
    const results: [number, string] = await Promise.all([a, b]);
    expect(results).toEqual([1, 'two']);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('a failing task rejects its own promise only; the next one still runs', async () => {
    const queue = serialised();
    const failed = queue(async () => {
      throw new Error('boom');
    });
    const threw = queue(() => {
      throw new Error('sync boom');
    });
    const after = queue(async () => 'still runs');
    await expect(failed).rejects.toThrow('boom');
    await expect(threw).rejects.toThrow('sync boom');
    await expect(after).resolves.toBe('still runs');
  });

  it('never runs two tasks at once, whatever order they finish in', async () => {
    const queue = serialised();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [30, 0, 10, 0, 20].map((ms, index) =>
        queue(async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, ms));
          order.push(index);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('settled() waits for every task given so far, failed ones included, and never rejects', async () => {
    const queue = serialised();
    const gate = deferred();
    const done: string[] = [];
    void queue(async () => {
      await gate.promise;
      done.push('slow');
    });
    queue(async () => {
      throw new Error('ignored here');
    }).catch(() => done.push('failed'));
    let settled = false;
    const waiting = queue.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    gate.resolve();
    await waiting;
    expect(done).toEqual(['slow', 'failed']);
    await expect(serialised().settled()).resolves.toBeUndefined();
  });

  it('separate queues do not wait for each other', async () => {
    const one = serialised();
    const other = serialised();
    const gate = deferred();
    void one(() => gate.promise);
    await expect(other(async () => 'free')).resolves.toBe('free');
    gate.resolve();
  });
});
