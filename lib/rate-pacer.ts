import type { RateLimitInfo } from './api-result';

/**
 * Paces calls to stay inside the server's rate limit, per API key, so a burst never earns a 429
 * that waiting would have avoided. It learns the window from the X-RateLimit-* headers of each
 * answer and counts its own requests between answers.
 */

interface Bucket {
  limit: number;
  /** Requests this window still allows, after the ones already sent. */
  remaining: number;
  resetAt: number;
  inFlight: number;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Past a window's reset, a little slack covers clock skew between us and the server. */
const RESET_SLACK_MS = 250;
/** A reset further away than this is clock skew, not a real window. */
const MAX_WAIT_MS = 120_000;
const UNKNOWN_WINDOW_POLL_MS = 200;

export class RatePacer {
  private buckets = new Map<string, Bucket>();

  constructor(private clock: PacerClock = realClock) {}

  /** Waits until the bucket allows one more request, then counts it. */
  async acquire(bucketId: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const bucket = this.buckets.get(bucketId);
      if (!bucket) return; // nothing known yet: the first answer will teach us the window
      const now = this.clock.now();
      if (now >= bucket.resetAt + RESET_SLACK_MS) {
        // A new window began; it allows the full limit, and its reset time comes with the next answer.
        bucket.remaining = bucket.limit;
        bucket.resetAt = Number.POSITIVE_INFINITY;
      }
      if (bucket.remaining > 0) {
        bucket.remaining -= 1;
        bucket.inFlight += 1;
        return;
      }
      // Spent: wait for the reset, or, in a window whose reset we don't know yet, for an answer.
      const wait = Number.isFinite(bucket.resetAt) ? bucket.resetAt + RESET_SLACK_MS - now : UNKNOWN_WINDOW_POLL_MS;
      await this.clock.sleep(wait, signal);
    }
  }

  /** Records what the server said about the window, from an answer to a request we sent. */
  settle(bucketId: string, info: RateLimitInfo | undefined, rateLimited = false): void {
    const bucket = this.buckets.get(bucketId);
    if (bucket) bucket.inFlight = Math.max(0, bucket.inFlight - 1);
    if (!info) {
      if (rateLimited && bucket) bucket.remaining = 0;
      return;
    }
    const inFlight = bucket?.inFlight ?? 0;
    const serverRemaining = rateLimited ? 0 : info.remaining;
    info = { ...info, resetAt: Math.min(info.resetAt, this.clock.now() + MAX_WAIT_MS) };
    if (!bucket || info.resetAt > bucket.resetAt + 1000 || !Number.isFinite(bucket.resetAt)) {
      // First answer, or one from a new window: the server's count is the truth, less what is still on its way.
      this.buckets.set(bucketId, { limit: info.limit, remaining: Math.max(0, serverRemaining - inFlight), resetAt: info.resetAt, inFlight });
      return;
    }
    // Same window: answers arrive out of order, so the lowest count seen is the safest.
    bucket.limit = info.limit;
    bucket.remaining = Math.max(0, Math.min(bucket.remaining, serverRemaining - inFlight));
    bucket.resetAt = Math.max(bucket.resetAt, info.resetAt);
  }

  /** Call when a request ends without an answer (network error, timeout). */
  release(bucketId: string): void {
    const bucket = this.buckets.get(bucketId);
    if (bucket) bucket.inFlight = Math.max(0, bucket.inFlight - 1);
  }
}
