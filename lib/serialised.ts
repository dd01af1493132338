/**
 * A promise queue: tasks run one at a time, in the order they were given. Used where several
 * callers change one stored value by reading it first (a read-modify-write that interleaved with
 * another would lose a change), and where the last of several updates must win.
 *
 * A task that fails rejects only its own promise; the tasks after it still run. Each call of
 * `serialised()` makes its own queue, so one concern never waits for another's.
 */

export interface Serialised {
  /** Runs `task` once every task given before it has finished; answers what `task` answers. */
  <T>(task: () => T | PromiseLike<T>): Promise<T>;
  /** Resolves once every task given so far has finished, however it ended. */
  settled(): Promise<void>;
}

export function serialised(): Serialised {
  // Never rejects: it stands for "everything so far has finished".
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(task: () => T | PromiseLike<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
  return Object.assign(run, { settled: () => tail.then(() => undefined) });
}
