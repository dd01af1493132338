/**
 * Holding requests for deterministic tests (`server.hold(match)`): a matching request is kept
 * waiting as soon as it has arrived (body read, logged, labelled with its operationId), before
 * anything else happens to it, until the test lets it through, answers it with a failure or drops
 * its connection. A released request is then served as if it had just arrived (rate limit, state
 * and failNext as they are at release).
 */

/** Which requests a hold takes; every given criterion must match. */
export interface HoldMatch {
  operationId?: string;
  /** The exact path, with or without the /api/v1 prefix (e.g. '/messages/send/text'), or a pattern tested on the full path. */
  path?: string | RegExp;
  /** Case-insensitive. */
  method?: string;
  /** Hold at most this many requests (default: every matching one until released); later ones pass. */
  count?: number;
}

/** What a held request meets when the test decides. */
export type HoldOutcome<Failure> = { kind: 'serve' } | { kind: 'fail'; failure: Failure } | { kind: 'drop' };

export interface Hold<Entry, Failure> {
  /** Resolves with the first matching request once it arrives and is being held. */
  readonly arrived: Promise<Entry>;
  /** Requests held so far (including ones already let go). */
  count(): number;
  /** Lets every held request through (served normally) and stops holding. */
  release(): void;
  /** Answers every held request with this failure instead, and stops holding. */
  fail(failure: Failure): void;
  /** Destroys the held requests' connections without an answer, and stops holding. */
  drop(): void;
}

export interface HoldMatchable {
  method: string;
  path: string;
  operationId?: string;
}

export interface Holds<Entry extends HoldMatchable, Failure> {
  add(match: HoldMatch): Hold<Entry, Failure>;
  /** null when no hold takes the request; else what the test decided, once it decides. */
  gate(entry: Entry): Promise<HoldOutcome<Failure>> | null;
  /** Drops every held request and ends every hold (the server goes down). */
  dropAll(): void;
}

const API_PREFIX = '/api/v1';

function matches(match: HoldMatch, entry: HoldMatchable): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== entry.method) return false;
  if (match.operationId !== undefined && match.operationId !== entry.operationId) return false;
  if (match.path instanceof RegExp) return match.path.test(entry.path);
  if (match.path !== undefined) return match.path === entry.path || `${API_PREFIX}${match.path}` === entry.path;
  return true;
}

export function createHolds<Entry extends HoldMatchable, Failure>(): Holds<Entry, Failure> {
  interface Active {
    match: HoldMatch;
    held: number;
    waiting: Array<(outcome: HoldOutcome<Failure>) => void>;
    arrive: (entry: Entry) => void;
    settle: (outcome: HoldOutcome<Failure>) => void;
  }
  const active = new Set<Active>();

  return {
    add(match) {
      let arrive: (entry: Entry) => void = () => undefined;
      const arrived = new Promise<Entry>((resolve) => {
        arrive = resolve;
      });
      const hold: Active = {
        match,
        held: 0,
        waiting: [],
        arrive,
        settle(outcome) {
          active.delete(hold);
          for (const resume of hold.waiting.splice(0)) resume(outcome);
        },
      };
      active.add(hold);
      return {
        arrived,
        count: () => hold.held,
        release: () => hold.settle({ kind: 'serve' }),
        fail: (failure) => hold.settle({ kind: 'fail', failure }),
        drop: () => hold.settle({ kind: 'drop' }),
      };
    },
    gate(entry) {
      for (const hold of active) {
        if (hold.held >= (hold.match.count ?? Number.POSITIVE_INFINITY) || !matches(hold.match, entry)) continue;
        hold.held += 1;
        const outcome = new Promise<HoldOutcome<Failure>>((resume) => hold.waiting.push(resume));
        if (hold.held === 1) hold.arrive(entry);
        return outcome;
      }
      return null;
    },
    dropAll() {
      for (const hold of [...active]) hold.settle({ kind: 'drop' });
    },
  };
}
