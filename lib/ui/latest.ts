import type { ApiError } from '../warest/api-result';
import type { Reply } from '../messaging/protocol';

/**
 * The one rule for late answers in the pages: the newest request wins. Answers come back in any
 * order (a slow search overtaken by the next keystroke, a reload after an action, another chat
 * opened meanwhile); an answer to a request that is no longer the newest is dropped, so a stale
 * answer never replaces a newer one.
 */
export function newestWins() {
  let newest = 0;
  return {
    /** Starts a request; the answer it gives says, when the answer comes, whether it still counts. */
    begin(): () => boolean {
      const ticket = ++newest;
      return () => ticket === newest;
    },
    /** What the page shows changed (or is gone): no answer on its way counts any more. */
    drop(): void {
      newest += 1;
    },
  };
}

/** What a page shows of requests that load one thing. */
export interface Latest<T> {
  /** The last answer that succeeded; kept while a newer request loads, and when it fails. */
  data: T | null;
  /** Why the newest answer failed; null once one succeeds. */
  error: ApiError | null;
  /** Whether the newest request is still on its way. */
  loading: boolean;
}

/**
 * A request for the thing. It is given what is shown now, to add to (the next page of a list),
 * and `isNewest`, for what it reports along the way (progress) while it is still the newest.
 */
export type LatestRequest<T> = (current: T | null, isNewest: () => boolean) => Promise<Reply<T>>;

/**
 * Requests for one thing (a list, an answer) under the newest-wins rule, and what to show of
 * them, handed to `show` on every change. The state machine of useLatest, without React.
 */
export function latestAnswers<T>(show: (state: Latest<T>) => void, initial: Latest<T> = { data: null, error: null, loading: true }) {
  const gate = newestWins();
  let state = initial;
  const update = (next: Partial<Latest<T>>) => {
    state = { ...state, ...next };
    show(state);
  };
  return {
    /** Runs a request; answers whether its answer was shown (false when it failed or was overtaken). */
    async run(request: LatestRequest<T>): Promise<boolean> {
      const current = gate.begin();
      if (!state.loading) update({ loading: true });
      const reply = await request(state.data, current);
      if (!current()) return false;
      update(reply.ok ? { data: reply.data, error: null, loading: false } : { error: reply.error, loading: false });
      return reply.ok;
    },
    /** Changes what is shown without a request (a local edit the server confirmed). */
    patch(change: (data: T | null) => T | null): void {
      update({ data: change(state.data) });
    },
    drop: gate.drop,
  };
}
