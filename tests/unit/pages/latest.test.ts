import { describe, expect, it } from 'vitest';
import type { Reply } from '@/lib/messaging/protocol';
import { latestAnswers, newestWins, type Latest } from '@/lib/ui/latest';

/**
 * The pages' one rule for late answers (useLatest, the explorer's Run): the newest request
 * wins, whatever order the answers come back in.
 */

/** A request whose answer the test gives when it wants. */
function deferred<T>() {
  let answer!: (reply: Reply<T>) => void;
  const promise = new Promise<Reply<T>>((resolve) => (answer = resolve));
  return { request: () => promise, answer };
}

const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
const failed = (message: string): Reply<never> => ({ ok: false, error: { kind: 'server', message } });

function watch<T>() {
  const shown: Latest<T>[] = [];
  const answers = latestAnswers<T>((state) => shown.push(state));
  // Nothing is shown until something changes: until then it is the initial state, loading.
  return { answers, shown, now: () => shown.at(-1) ?? { data: null, error: null, loading: true } };
}

describe('newestWins', () => {
  it('counts only the newest request, and none after a drop', () => {
    const gate = newestWins();
    const first = gate.begin();
    const second = gate.begin();
    expect([first(), second()]).toEqual([false, true]);
    gate.drop();
    expect(second()).toBe(false);
    expect(gate.begin()()).toBe(true);
  });
});

describe('latestAnswers', () => {
  it('drops an older answer that comes after a newer one', async () => {
    const { answers, now } = watch<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = answers.run(slow.request);
    const second = answers.run(fast.request);
    fast.answer(ok('new search'));
    expect(await second).toBe(true);
    expect(now()).toEqual({ data: 'new search', error: null, loading: false });
    slow.answer(ok('old search'));
    expect(await first).toBe(false);
    expect(now()).toEqual({ data: 'new search', error: null, loading: false });
  });

  it('drops an older answer that comes before the newer one, and keeps loading until the newer comes', async () => {
    const { answers, now } = watch<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = answers.run(slow.request);
    const second = answers.run(fast.request);
    slow.answer(ok('old'));
    expect(await first).toBe(false);
    expect(now()).toMatchObject({ data: null, loading: true });
    fast.answer(failed('The server is down.'));
    expect(await second).toBe(false);
    expect(now()).toEqual({ data: null, error: { kind: 'server', message: 'The server is down.' }, loading: false });
  });

  it('keeps the last data while a newer request loads and when it fails; a success clears the error', async () => {
    const { answers, now } = watch<number[]>();
    await answers.run(async () => ok([1, 2]));
    const more = deferred<number[]>();
    const loading = answers.run(async (current) => {
      const reply = await more.request();
      return reply.ok ? ok([...(current ?? []), ...reply.data]) : reply;
    });
    expect(now()).toEqual({ data: [1, 2], error: null, loading: true });
    more.answer(failed('timeout'));
    await loading;
    expect(now()).toMatchObject({ data: [1, 2], loading: false, error: { message: 'timeout' } });
    await answers.run(async (current) => ok([...(current ?? []), 3]));
    expect(now()).toEqual({ data: [1, 2, 3], error: null, loading: false });
  });

  it('shows no answer once dropped (the view changed or closed)', async () => {
    const { answers, shown } = watch<string>();
    const pending = deferred<string>();
    const run = answers.run(pending.request);
    answers.drop();
    const count = shown.length;
    pending.answer(ok('too late'));
    expect(await run).toBe(false);
    expect(shown).toHaveLength(count);
  });

  it('patches the data shown without a request', async () => {
    const { answers, now } = watch<{ subject: string }>();
    await answers.run(async () => ok({ subject: 'Old name' }));
    answers.patch((group) => (group ? { ...group, subject: 'New name' } : group));
    expect(now()?.data).toEqual({ subject: 'New name' });
  });
});
