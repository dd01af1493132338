/**
 * One result type for every call, whatever happened on the way: a success with the envelope's
 * `results`, or an error of a kind the UI can act on, with a message a person understands.
 */

export type ErrorKind =
  | 'invalid-input' // the caller's inputs don't fit the operation; nothing was sent
  | 'no-profile' // no server is configured, or the profile is gone
  | 'permission' // the browser hasn't been given access to the server's address
  | 'network' // unreachable, DNS, refused
  | 'timeout'
  | 'aborted'
  | 'auth' // 401: the key is rejected
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'rate-limited' // 429
  | 'not-logged-in' // code 1106: the WhatsApp session needs a QR scan or pairing
  | 'validation' // other 4xx: the server rejected the input
  | 'origin-blocked' // the server's CORS check refused the extension's Origin header
  | 'server' // 5xx
  | 'bad-response'; // HTML, truncated or non-JSON where JSON was due

export interface ApiError {
  kind: ErrorKind;
  /** What happened and what to do, in plain words. Never contains the API key. */
  message: string;
  /** The server's own words, when it sent any. */
  serverMessage?: string;
  status?: number;
  code?: number;
  /** When a retry can succeed (epoch ms), for rate limits. */
  retryAt?: number;
  /**
   * For `rate-limited`: what the refusal is about. `recipient` is WARest's anti-spam guard (one
   * message per key and recipient every 3 s): only sends to that one recipient must wait until
   * `retryAt`; the key's rate-limit window is not spent and other calls may go on.
   */
  scope?: 'recipient';
  /**
   * True when the request may have reached the server and been carried out, but no answer came
   * that says so: a write (POST, DELETE) that timed out, lost its connection or was cancelled
   * after it had been sent, or whose answer could not be read. Never report such an error as
   * "failed" or "not sent", and never resend it blindly: the person should check first (the
   * chat, the group), or the message or change may happen twice. Reads (GET) are never
   * outcome-unknown, and an error from before the request left (invalid input, a cancelled
   * wait, no host access, a malformed key) is known not to have been sent. A page whose
   * background stopped mid-call sets it too (lib/messaging/ask-background.ts).
   */
  outcomeUnknown?: boolean;
}

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Epoch ms when the window resets. */
  resetAt: number;
}

export interface ApiSuccess {
  ok: true;
  status: number;
  code?: number;
  message?: string;
  /** The envelope's `results` (empty when the server sent none). */
  results: unknown[];
  /** Routes that answer with a single `result` object (chats) put it here. */
  result?: unknown;
  rateLimit?: RateLimitInfo;
  /**
   * The recipient cooldown the server announces (`X-Recipient-Cooldown-Ms`). A stock WARest sends
   * none (its cooldown is 3 s); only a server that says so (the test server with a shorter one) has it.
   */
  recipientCooldownMs?: number;
  /** Round-trip time of the request that succeeded. */
  latencyMs: number;
}

export type ApiResult = ApiSuccess | { ok: false; error: ApiError };

export function failure(kind: ErrorKind, message: string, extra: Omit<ApiError, 'kind' | 'message'> = {}): { ok: false; error: ApiError } {
  return { ok: false, error: { kind, message, ...extra } };
}

/** Whether an error leaves open whether the request was carried out (see `ApiError.outcomeUnknown`). */
export function isOutcomeUnknown(error: Pick<ApiError, 'outcomeUnknown'> | null | undefined): boolean {
  return error?.outcomeUnknown === true;
}

/** The first result object, which is where WARest puts the useful answer. */
export function firstResult<T = Record<string, unknown>>(success: ApiSuccess): T | undefined {
  return (success.results[0] ?? success.result) as T | undefined;
}
