/**
 * The stock server's throttles (README fact 3), on an injectable clock so tests can step time
 * instead of sleeping:
 *
 * - the per-key window (default 120 requests per 60 s). Its X-RateLimit-Reset is the window's end
 *   in Unix seconds rounded DOWN, so the window really ends up to a second after the stated one;
 *   routes the middleware runs twice for count twice, and a run that goes over the limit ends the
 *   request (the second run of a refused request does not happen);
 * - the per-key send quota (500 sends per 60 s), counted once per send;
 * - the anti-spam recipient cooldown: one send per key and recipient every 3 s.
 */

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type Clock = () => number;

export interface WindowHit {
  exceeded: boolean;
  /** X-RateLimit-* as the stock middleware sends them: the true remainder after this request. */
  headers: Record<string, string>;
}

export interface FixedWindows {
  /** Counts `weight` runs of the middleware for this key (stops at the first one over the limit). */
  hit(key: string, weight?: number): WindowHit;
  clear(): void;
}

export function createWindows(rate: () => RateLimit, clock: Clock): FixedWindows {
  const windows = new Map<string, { resetAt: number; count: number }>();
  return {
    hit(key, weight = 1) {
      const now = clock();
      const { limit, windowMs } = rate();
      let window = windows.get(key);
      if (!window || now >= window.resetAt) {
        window = { resetAt: now + windowMs, count: 0 };
        windows.set(key, window);
      }
      let exceeded = false;
      for (let run = 0; run < weight && !exceeded; run += 1) {
        window.count += 1;
        exceeded = window.count > limit;
      }
      const headers = {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, limit - window.count)),
        'x-ratelimit-reset': String(Math.floor(window.resetAt / 1000)),
      };
      return { exceeded, headers };
    },
    clear() {
      windows.clear();
    },
  };
}

export interface RecipientCooldown {
  /** Milliseconds until this key may send to all of these recipients again (0: it may now). */
  wait(key: string, recipients: readonly string[]): number;
  /** Notes a send to these recipients now. */
  note(key: string, recipients: readonly string[]): void;
  setDuration(ms: number): void;
  clear(): void;
}

const PRUNE_AT = 2048;

export function createRecipientCooldown(durationMs: number, clock: Clock): RecipientCooldown {
  let duration = durationMs;
  /** `<key>\n<recipient JID>` → when the last send to it passed. */
  const sentAt = new Map<string, number>();
  const slot = (key: string, recipient: string) => `${key}\n${recipient}`;
  return {
    wait(key, recipients) {
      const now = clock();
      let wait = 0;
      for (const recipient of recipients) {
        const last = sentAt.get(slot(key, recipient));
        if (last !== undefined) wait = Math.max(wait, last + duration - now);
      }
      return wait;
    },
    note(key, recipients) {
      const now = clock();
      if (sentAt.size > PRUNE_AT) {
        for (const [name, last] of sentAt) if (last + duration <= now) sentAt.delete(name);
      }
      for (const recipient of recipients) sentAt.set(slot(key, recipient), now);
    },
    setDuration(ms) {
      duration = ms;
      sentAt.clear();
    },
    clear() {
      sentAt.clear();
    },
  };
}

/** Seconds left as the stock guard reports them in Retry-After and `retryAfter`: rounded up, at least 1. */
export function secondsLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
