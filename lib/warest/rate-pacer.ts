import type { RateLimitInfo } from './api-result';

/**
 * Paces calls to stay inside the server's rate limit, per API key, so a burst never earns a 429
 * that waiting would have avoided. It learns the window from the X-RateLimit-* headers of each
 * answer and counts its own requests between answers. It also spaces sends to one recipient
 * (WARest's anti-spam guard), holding only those sends, never other calls.
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
/**
 * WARest's anti-spam guard allows one send per key and recipient every 3 s (README of
 * ../shared/warest, fact 3). A Retry-After on its 429 can teach a longer period, up to this cap.
 */
export const DEFAULT_RECIPIENT_COOLDOWN_MS = 3_000;
const MAX_RECIPIENT_COOLDOWN_MS = 60_000;
/** Past a recipient's cooldown, a little slack for timers that fire early. */
const COOLDOWN_SLACK_MS = 250;
/** How often to look again while an earlier send to the same recipient awaits its answer. */
const RECIPIENT_BUSY_POLL_MS = 100;
/** Recipients remembered before the ones whose cooldown is over are forgotten. */
const RECIPIENT_MEMORY = 500;
/** A send still "in flight" after this long (longer than any timeout) was never finished: stop waiting for it. */
const STALE_SEND_MS = 11 * 60_000;

interface RecipientState {
  /** Sends to this recipient that have left and not yet been answered. */
  inFlight: number;
  /** The earliest time (epoch ms) the next send to this recipient may leave. */
  notBefore: number;
  /** When the latest of the sends in flight left, so a send never finished cannot hold the recipient forever. */
  busySince: number;
}

export class RatePacer {
  private buckets = new Map<string, Bucket>();
  private recipients = new Map<string, RecipientState>();
  /** Per bucket: the recipient cooldown, when a Retry-After taught a longer one than the default. */
  private cooldowns = new Map<string, number>();

  constructor(private clock: PacerClock = realClock) {}

  /**
   * Waits until the bucket allows one more request, then counts it. With `recipients` (a send),
   * it also waits until the last send to each of them has been answered and its cooldown has
   * passed, and marks them busy until `finishSend`. Calls without recipients never wait for
   * a recipient's cooldown.
   */
  /** How long until the key's window allows one more request (0: now), without counting one. */
  windowWait(bucketId: string): number {
    const bucket = this.buckets.get(bucketId);
    if (!bucket || bucket.remaining > 0) return 0;
    const now = this.clock.now();
    if (!Number.isFinite(bucket.resetAt)) return 0;
    return Math.max(0, bucket.resetAt + RESET_SLACK_MS - now);
  }

  async acquire(bucketId: string, signal?: AbortSignal, recipients: readonly string[] = []): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const recipientWait = this.recipientWait(bucketId, recipients, now);
      if (recipientWait > 0) {
        await this.clock.sleep(recipientWait, signal);
        continue;
      }
      const bucket = this.buckets.get(bucketId);
      if (bucket) {
        if (now >= bucket.resetAt + RESET_SLACK_MS) {
          // A new window began; it allows the full limit, and its reset time comes with the next answer.
          bucket.remaining = bucket.limit;
          bucket.resetAt = Number.POSITIVE_INFINITY;
        }
        if (bucket.remaining <= 0) {
          // Spent: wait for the reset, or, in a window whose reset we don't know yet, for an answer.
          const wait = Number.isFinite(bucket.resetAt) ? bucket.resetAt + RESET_SLACK_MS - now : UNKNOWN_WINDOW_POLL_MS;
          await this.clock.sleep(wait, signal);
          continue;
        }
        bucket.remaining -= 1;
        bucket.inFlight += 1;
      }
      // Nothing known of the bucket yet: the first answer will teach us the window.
      for (const recipient of recipients) {
        const key = recipientKey(bucketId, recipient);
        const state = this.recipients.get(key) ?? { inFlight: 0, notBefore: 0, busySince: now };
        state.inFlight += 1;
        state.busySince = now;
        this.recipients.set(key, state);
      }
      return;
    }
  }

  private recipientWait(bucketId: string, recipients: readonly string[], now: number): number {
    let wait = 0;
    for (const recipient of recipients) {
      const state = this.recipients.get(recipientKey(bucketId, recipient));
      if (!state) continue;
      if (state.inFlight > 0 && now - state.busySince < STALE_SEND_MS) wait = Math.max(wait, RECIPIENT_BUSY_POLL_MS);
      else if (state.notBefore > now) wait = Math.max(wait, state.notBefore - now);
    }
    return wait;
  }

  /**
   * Call when a send acquired with recipients has ended, answered or not. The next send to the
   * same recipients waits for the cooldown from now (the server counted this send before it
   * answered), or for `retryAfterMs` when the server's cooldown refused it and said how long.
   */
  finishSend(bucketId: string, recipients: readonly string[], retryAfterMs?: number): void {
    if (!recipients.length) return;
    const now = this.clock.now();
    let cooldown = this.cooldowns.get(bucketId) ?? DEFAULT_RECIPIENT_COOLDOWN_MS;
    if (retryAfterMs !== undefined && retryAfterMs > cooldown) {
      cooldown = Math.min(retryAfterMs, MAX_RECIPIENT_COOLDOWN_MS);
      this.cooldowns.set(bucketId, cooldown);
    }
    const wait = retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RECIPIENT_COOLDOWN_MS) : cooldown;
    for (const recipient of recipients) {
      const key = recipientKey(bucketId, recipient);
      const state = this.recipients.get(key) ?? { inFlight: 0, notBefore: 0, busySince: now };
      state.inFlight = Math.max(0, state.inFlight - 1);
      state.notBefore = Math.max(state.notBefore, now + wait + COOLDOWN_SLACK_MS);
      this.recipients.set(key, state);
    }
    if (this.recipients.size > RECIPIENT_MEMORY) {
      for (const [key, state] of this.recipients) if (state.inFlight === 0 && state.notBefore <= now) this.recipients.delete(key);
    }
  }

  /** When the next send to a recipient may leave (epoch ms), or undefined when it may go now. */
  recipientReadyAt(bucketId: string, recipient: string): number | undefined {
    const state = this.recipients.get(recipientKey(bucketId, recipient));
    return state && state.notBefore > this.clock.now() ? state.notBefore : undefined;
  }

  /**
   * Records what the server said about the window, from an answer to a request we sent.
   * `rateLimited`: the answer says the window is spent (a 429 of the window, not the recipient cooldown).
   */
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

function recipientKey(bucketId: string, recipient: string): string {
  return `${bucketId}\u0000${recipient}`;
}
