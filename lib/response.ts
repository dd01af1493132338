import { failure, type ApiError, type ApiResult, type RateLimitInfo } from './api-result';

/**
 * Reads an HTTP answer from WARest, or from whatever stands in front of it. The HTTP status
 * decides success and the error kind first; the body is read for whatever it holds, because
 * middleware and proxies answer with other JSON shapes or HTML (../shared/warest/README.md §2).
 */

const NOT_LOGGED_IN = 1106;

const FORBIDDEN_FOR_KEY = "This API key isn't allowed to do that: the session may belong to another key, or the action needs an admin key.";
/**
 * WARest answers 403 for refusals by WhatsApp too, not only for the key's rights: these codes
 * say the key is fine and name what was refused instead.
 */
const FORBIDDEN_BY_CODE: Partial<Record<number, string>> = {
  3005: 'WhatsApp did not allow sending to this recipient (in an announcement group, only admins can send).',
  3006: 'The recipient is blocked, or has blocked this account.',
  4001: 'WhatsApp does not allow editing this message: only your own text messages can be edited, within 15 minutes of sending.',
  4003: 'WhatsApp did not allow this pin change. At most 3 chats can be pinned: unpin another chat first, then try again.',
  5008: 'This needs group admin rights, which this WhatsApp account does not have in the group.',
  8006: 'This feature is switched off on the server.',
};
const MAX_SERVER_MESSAGE = 300;

export interface ResponseContext {
  /** Host shown in messages, e.g. "warest.example.com:4001". */
  host: string;
  /** The session the call was about, to name it in messages. */
  sessionId?: string;
  latencyMs: number;
  now?: number;
}

export function readRateLimit(headers: Headers, now = Date.now()): RateLimitInfo | undefined {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  const reset = Number(headers.get('x-ratelimit-reset'));
  const names = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
  if (!names.every((name) => headers.has(name)) || !Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(reset)) {
    return undefined;
  }
  // WARest sends Unix seconds; some proxies send seconds-to-wait instead. Small numbers are the latter.
  const resetAt = reset > 1e9 ? reset * 1000 : now + reset * 1000;
  return { limit, remaining, resetAt };
}

function retryAtFrom(headers: Headers, rateLimit: RateLimitInfo | undefined, now: number): number {
  if (rateLimit && rateLimit.resetAt > now) return rateLimit.resetAt;
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return now + retryAfter * 1000;
  return now + 5_000;
}

type Body = { kind: 'json'; value: unknown } | { kind: 'html' } | { kind: 'text'; value: string } | { kind: 'empty' };

function parseBody(text: string, contentType: string): Body {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  if (/^</.test(trimmed) || contentType.includes('text/html')) return { kind: 'html' };
  try {
    return { kind: 'json', value: JSON.parse(trimmed) };
  } catch {
    return { kind: 'text', value: trimmed };
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The server's own words from any of the shapes seen in the wild. */
function serverWords(body: Body): string | undefined {
  let words: unknown;
  if (body.kind === 'json') {
    const record = asRecord(body.value);
    words = record?.message ?? record?.error ?? record?.msg ?? record?.detail;
    if (asRecord(words)) words = asRecord(words)?.message;
  } else if (body.kind === 'text') {
    words = body.value;
  }
  if (typeof words !== 'string' || !words.trim()) return undefined;
  const clean = words.trim();
  return clean.length > MAX_SERVER_MESSAGE ? `${clean.slice(0, MAX_SERVER_MESSAGE)}…` : clean;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export function interpretResponse(
  status: number,
  headers: Headers,
  text: string,
  context: ResponseContext,
): ApiResult {
  const now = context.now ?? Date.now();
  const body = parseBody(text, headers.get('content-type') ?? '');
  const record = body.kind === 'json' ? asRecord(body.value) : undefined;
  const code = typeof record?.code === 'number' ? record.code : undefined;
  const rateLimit = readRateLimit(headers, now);
  const serverMessage = serverWords(body);
  const extra: Omit<ApiError, 'kind' | 'message'> = { status, ...(code !== undefined && { code }), ...(serverMessage && { serverMessage }) };
  const { host } = context;
  const session = context.sessionId ? `Session “${context.sessionId}”` : 'This session';

  if (status >= 200 && status < 300) {
    if (body.kind === 'html') {
      return failure('bad-response', `${host} answered with a web page instead of WARest data. Check the server URL: it may point at a dashboard, a proxy login page or another service.`, extra);
    }
    if (body.kind === 'text' || (body.kind === 'json' && !record)) {
      return failure('bad-response', `${host} sent an answer that isn't WARest JSON (it may have been cut off). Try again; if it persists, check the server URL and any proxy in front of the server.`, extra);
    }
    return {
      ok: true,
      status,
      ...(code !== undefined && { code }),
      ...(typeof record?.message === 'string' && { message: record.message }),
      results: Array.isArray(record?.results) ? record.results : [],
      ...(record && 'result' in record && { result: record.result }),
      ...(rateLimit && { rateLimit }),
      latencyMs: context.latencyMs,
    };
  }

  if (code === NOT_LOGGED_IN) {
    return failure('not-logged-in', `${session} isn't logged in to WhatsApp. Scan its QR code or use a pairing code, then try again.`, extra);
  }
  const looksLikeWarest = body.kind === 'json';
  const said = serverMessage ? ` The server said: “${serverMessage}”.` : '';
  switch (true) {
    case status === 401:
      return failure('auth', `The server rejected the API key. A key changes each time its user signs in to the WARest dashboard: copy the current key and enter it again in the options page.`, extra);
    case status === 403:
      return failure('forbidden', `${(code !== undefined && FORBIDDEN_BY_CODE[code]) || FORBIDDEN_FOR_KEY}${said}`, extra);
    case status === 404:
      return looksLikeWarest
        ? failure('not-found', `Not found.${said || ' The item may have been deleted.'}`, extra)
        : failure('not-found', `${host} has no WARest API at this address (404). Check the server URL, including any path prefix of a reverse proxy.`, extra);
    case status === 429: {
      const retryAt = retryAtFrom(headers, rateLimit, now);
      const limit = rateLimit ? ` (this key may make ${rateLimit.limit} requests per window)` : '';
      return failure('rate-limited', `Too many requests to the server${limit}. Try again in ${seconds(retryAt - now)} s.`, { ...extra, retryAt });
    }
    case status >= 400 && status < 500:
      return failure('validation', `The server did not accept the request (HTTP ${status}).${said || ' Check the values you entered.'}`, extra);
    case status >= 500 && /CORS not allowed/i.test(serverMessage ?? ''):
      return failure('origin-blocked', `The server refused the request because of the browser's Origin header. Open the extension's options and save this server again so the extension can set up its access; if that does not help, allow origin * in the server's CORS settings.`, extra);
    case status >= 500 && !looksLikeWarest && (status === 502 || status === 503 || status === 504):
      return failure('server', `A proxy in front of the server answered HTTP ${status}: the WARest server behind it is probably down or restarting. Start it, or try again in a minute.`, extra);
    case status >= 500:
      return failure('server', `The server had an error (HTTP ${status}).${said} Try again; if it keeps happening, look at the server's logs.`, extra);
    default:
      return failure('bad-response', `Unexpected answer from ${host} (HTTP ${status}).${said}`, extra);
  }
}

/** Whether a refusal is about the API key's rights (not a WhatsApp or server refusal that comes as 403 too). */
export function isKeyRefusal(error: { kind: string; code?: number }): boolean {
  return error.kind === 'forbidden' && !(error.code !== undefined && FORBIDDEN_BY_CODE[error.code]);
}
