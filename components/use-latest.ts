import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { latestAnswers, type Latest, type LatestRequest } from '@/lib/ui/latest';

export type { Latest, LatestRequest };

export interface LatestHandle<T> extends Latest<T> {
  /** Runs `load` again (a refresh button, after an action). */
  reload(): Promise<boolean>;
  /** Runs another request for the same thing, e.g. the next page (given the data shown now, to add to). */
  run(request: LatestRequest<T>): Promise<boolean>;
  /** Changes the data without a request (a local edit the server confirmed). */
  patch(change: (data: T | null) => T | null): void;
}

/**
 * Loads one thing when the view opens and whenever `deps` change, under the pages' one rule for
 * late answers: the newest request wins (lib/ui/latest.ts). Leaving the view drops the answers
 * still on their way. `load` may be a new function every render; `deps` say when to load again.
 */
export function useLatest<T>(load: LatestRequest<T>, deps: DependencyList): LatestHandle<T> {
  const [state, setState] = useState<Latest<T>>({ data: null, error: null, loading: true });
  const answers = useRef<ReturnType<typeof latestAnswers<T>> | null>(null);
  answers.current ??= latestAnswers<T>(setState);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    void answers.current!.run((current, isNewest) => latestLoad.current(current, isNewest));
    return answers.current!.drop;
    // `deps` are the caller's: they say when what `load` asks for has changed.
  }, deps);

  const reload = useCallback(() => answers.current!.run((current, isNewest) => latestLoad.current(current, isNewest)), []);
  const run = useCallback((request: LatestRequest<T>) => answers.current!.run(request), []);
  const patch = useCallback((change: (data: T | null) => T | null) => answers.current!.patch(change), []);
  return { ...state, reload, run, patch };
}
