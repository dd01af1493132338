import { failure, type ApiError, type ApiResult } from './api-result';
import { findOperation, type Operation } from './catalog';
import { RatePacer, realClock, type PacerClock } from './rate-pacer';
import { buildRequest, type OperationInputs } from './request-builder';
import { interpretResponse, isWindowSpent, readRateLimit } from './response';
import { displayHost } from './server-url';
import { textsOf } from '../i18n';

export { isOutcomeUnknown } from './api-result';

/**
 * Calls WARest operations by catalog id. The only code that talks to a server; it runs in the
 * background service worker, which alone holds API keys.
 */

export interface ServerCredentials {
  baseUrl: string;
  apiKey: string;
}

export interface CallOptions {
  /** Milliseconds to wait for an answer once the request has left; clamped to what a timer can wait. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Retry a 429 once. A read is retried after the window resets. A send refused by WARest's
   * recipient cooldown is retried after its Retry-After: that refusal comes from the anti-spam
   * guard before the message is handed to WhatsApp, so it is a known outcome (nothing was sent)
   * and sending again cannot deliver it twice. No other write is ever retried. Default true.
   */
  retryRateLimited?: boolean;
  /**
   * Wait for the key's rate-limit window when it is spent (default true). False answers
   * `rate-limited` at once instead, sending nothing: for a person waiting on a test or a refresh.
   */
  waitForRateLimit?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** The longest a timer can wait (setTimeout takes a signed 32-bit count of ms; past it, it fires at once). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** A rate-limited read is retried only when the wait is short enough to be worth it. */
const MAX_RATE_LIMIT_WAIT_MS = 65_000;
/** A send refused by the recipient cooldown is retried only after a short wait like the guard's own. */
const MAX_COOLDOWN_RETRY_WAIT_MS = 10_000;

export interface ClientDeps {
  fetch?: typeof fetch;
  pacer?: RatePacer;
  clock?: PacerClock;
}

/**
 * What an HTTP header value, and so an API key, may hold here: visible ASCII and plain spaces.
 * fetch refuses characters past U+00FF (a zero-width space, curly quotes) with a TypeError, and
 * an invisible one it would accept (a no-break space) can't be part of a real key either.
 */
const KEY_CHARACTERS = /^[\x20-\x7e]*$/;

const t = textsOf('errors');

/** A timeout a timer can keep: positive, finite, at most MAX_TIMEOUT_MS. */
export function clampTimeout(timeoutMs: number | undefined): number {
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return DEFAULT_TIMEOUT_MS;
  return Math.min(Math.max(1, Math.round(timeoutMs)), MAX_TIMEOUT_MS);
}

/** Whether a key can go in a request header as it is. */
export function isUsableApiKey(apiKey: string): boolean {
  return KEY_CHARACTERS.test(apiKey);
}

/**
 * The recipients of a send, in the form the server's anti-spam guard tells apart: a phone number
 * by its digits (with or without +, spaces or @s.whatsapp.net), other ids (groups, LIDs) as written.
 */
export function recipientKeys(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\n,;]+/) : [];
  const keys = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const text = item.trim().toLowerCase();
    if (!text) continue;
    const at = text.indexOf('@');
    const local = (at < 0 ? text : text.slice(0, at)).replace(/:\d+$/, '');
    const domain = at < 0 ? '' : text.slice(at + 1);
    const digits = local.replace(/[^\d]/g, '');
    const isPhone = (domain === '' || domain === 's.whatsapp.net' || domain === 'c.us') && digits !== '' && /^[\d\s+().-]+$/.test(local);
    keys.add(isPhone ? digits : `${local}@${domain}`);
  }
  return [...keys];
}

function durationText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/**
 * The most of an answer that is read. WARest's largest answers (a long session or chat list) are
 * a few MB; anything far larger is not WARest, and reading it whole would only stall the worker.
 */
export const MAX_ANSWER_BYTES = 32_000_000;

/** The body as text, or null when it is larger than `maxBytes` (then the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export function createClient(deps: ClientDeps = {}) {
  const clock = deps.clock ?? realClock;
  const pacer = deps.pacer ?? new RatePacer(clock);
  const doFetch = deps.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function attempt(server: ServerCredentials, operation: Operation, inputs: OperationInputs, options: CallOptions): Promise<ApiResult> {
    const built = buildRequest(server.baseUrl, operation, inputs);
    if (!built.ok) return built;
    const { request } = built;
    // Checked for every call (ping too, which a connection test calls first): fetch would refuse such a key as if the server were unreachable.
    if (!isUsableApiKey(server.apiKey)) return failure('auth', t('badKey'));
    // fetch refuses an address it can't parse before anything leaves: say so, rather than "may have gone through".
    if (!URL.canParse(request.url)) {
      return failure('invalid-input', t('badUrl', { url: server.baseUrl }));
    }
    const host = displayHost(server.baseUrl);
    const timeoutMs = clampTimeout(options.timeoutMs);
    const isWrite = operation.method !== 'GET';
    const bucket = `${server.baseUrl}\u0000${server.apiKey}`;
    // ping needs no key and answers without rate-limit headers: it counts against no window, so it is not paced.
    // (It still carries the key: a stock server ignores it there, and proxies or other builds may want it.)
    const paced = operation.auth !== 'none';
    const recipients = operation.recipientInput ? recipientKeys(inputs[operation.recipientInput]) : [];

    // An already-aborted signal never fires 'abort': check it, or a cancelled send would still go out.
    if (options.signal?.aborted) return failure('aborted', t('cancelledBefore'));
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    if (paced && options.waitForRateLimit === false) {
      const wait = pacer.windowWait(bucket);
      if (wait > 0) {
        options.signal?.removeEventListener('abort', onCallerAbort);
        return failure('rate-limited', t('windowSpent', { seconds: Math.max(1, Math.ceil(wait / 1000)) }), { retryAt: clock.now() + wait });
      }
    }
    if (paced) {
      try {
        await pacer.acquire(bucket, controller.signal, recipients);
      } catch {
        options.signal?.removeEventListener('abort', onCallerAbort);
        return failure('aborted', t('cancelledBefore'));
      }
    }
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    const started = clock.now();
    let cooldownWaitMs: number | undefined;
    try {
      const headers: Record<string, string> = { 'X-WAREST-API-KEY': server.apiKey, Accept: 'application/json' };
      if (request.contentType) headers['Content-Type'] = request.contentType;
      const response = await doFetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      const text = await readCapped(response, MAX_ANSWER_BYTES);
      if (text === null) {
        if (paced) pacer.settle(bucket, readRateLimit(response.headers, clock.now()), false);
        const tooLarge = t('tooLarge', { host, mb: Math.round(MAX_ANSWER_BYTES / 1_000_000) });
        return failure('bad-response', isWrite && response.ok ? t('maybeDone', { message: tooLarge }) : tooLarge, { status: response.status, ...(isWrite && response.ok && { outcomeUnknown: true }) });
      }
      const sessionId = typeof inputs.sessionId === 'string' ? inputs.sessionId : undefined;
      const now = clock.now();
      const result = interpretResponse(response.status, response.headers, text, {
        host,
        latencyMs: now - started,
        now,
        // The key is taken out of the whole body before anything is read, cut or quoted, on every status.
        secret: server.apiKey,
        adminOnly: operation.adminOnly,
        ...(sessionId && { sessionId }),
      });
      if (paced) pacer.settle(bucket, readRateLimit(response.headers, now), isWindowSpent(response.status, response.headers, result.ok ? undefined : result.error));
      if (!result.ok) {
        const { error } = result;
        if (error.scope === 'recipient') cooldownWaitMs = Math.max(0, (error.retryAt ?? now) - now);
        if (isWrite && answerLeavesOutcomeOpen(response.status, error)) {
          error.outcomeUnknown = true;
          error.message = t('maybeDone', { message: error.message });
        }
        // The message quotes the server's words too.
        error.message = redact(error.message, server.apiKey);
        if (error.serverMessage !== undefined) error.serverMessage = redact(error.serverMessage, server.apiKey);
      }
      return result;
    } catch {
      if (paced) pacer.release(bucket);
      // Once fetch has started, a write may have reached the server: its outcome is unknown.
      const unknown = isWrite ? { outcomeUnknown: true } : {};
      if (timedOut) {
        return isWrite
          ? failure('timeout', t('timeoutWrite', { host, time: durationText(timeoutMs) }), unknown)
          : failure('timeout', t('timeoutRead', { host, time: durationText(timeoutMs) }));
      }
      if (options.signal?.aborted) {
        return isWrite
          ? failure('aborted', t('abortedWrite'), unknown)
          : failure('aborted', t('cancelled'));
      }
      return isWrite
        ? failure('network', t('networkWrite', { host }), unknown)
        : failure('network', t('networkRead', { host }));
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
      if (paced) pacer.finishSend(bucket, recipients, cooldownWaitMs);
    }
  }

  async function call(server: ServerCredentials, operationId: string, inputs: OperationInputs = {}, options: CallOptions = {}): Promise<ApiResult> {
    const operation = findOperation(operationId);
    if (!operation) return failure('invalid-input', t('noOperation', { id: operationId }));
    const result = await attempt(server, operation, inputs, options);
    if (result.ok || result.error.kind !== 'rate-limited' || options.retryRateLimited === false) return result;
    const wait = (result.error.retryAt ?? clock.now()) - clock.now();
    if (result.error.scope === 'recipient' && operation.recipientInput) {
      // The anti-spam guard refused the send before anything went out: sending it once more is safe.
      // The pacer holds this send (and only sends to this recipient) until the cooldown has passed.
      return wait <= MAX_COOLDOWN_RETRY_WAIT_MS ? attempt(server, operation, inputs, options) : result;
    }
    // Only reads are retried after the window: repeating a send or a change could do it twice.
    if (operation.method === 'GET' && wait <= MAX_RATE_LIMIT_WAIT_MS) {
      try {
        await clock.sleep(Math.max(wait, 0), options.signal);
      } catch {
        return failure('aborted', t('cancelled'));
      }
      return attempt(server, operation, inputs, options);
    }
    return result;
  }

  return { call, pacer };
}

/**
 * Whether an answer to a write leaves open whether it was carried out: a 2xx whose body could
 * not be read (the server said yes, but not what it did), or a proxy's 502/504 (the server behind
 * it may have acted before the connection or the proxy's patience ran out).
 */
function answerLeavesOutcomeOpen(status: number, error: ApiError): boolean {
  if (status >= 200 && status < 300) return error.kind === 'bad-response';
  return error.kind === 'server' && error.code === undefined && (status === 502 || status === 504);
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join(t('keyMark')) : text;
}

export type WarestClient = ReturnType<typeof createClient>;
