import { failure, type ApiError, type ApiResult, type RateLimitInfo } from './api-result';
import { record as asRecord } from '../answers/loose';
import { textsOf } from '../i18n';

/**
 * Reads an HTTP answer from WARest, or from whatever stands in front of it. The HTTP status
 * decides success and the error kind first; the body is read for whatever it holds, because
 * middleware and proxies answer with other JSON shapes or HTML (../shared/warest/README.md §2).
 */

const NOT_LOGGED_IN = 1106;

const t = textsOf('errors');
/**
 * How the server words a refusal of an admin-only route to a user key ("Admin only", "Admin
 * access required"); not WhatsApp's "only group admins can …", which is about the account.
 */
const ADMIN_ONLY_WORDS = /^admin(istrator)?s?\s+(only|access|key|rights|privileges)\b/i;
/** WARest's anti-spam guard: one message per key and recipient every 3 s (README of ../shared/warest, fact 3). */
export const RECIPIENT_COOLDOWN_MS = 3_000;
const COOLDOWN_WORDS = /recipient cooldown|cooldown/i;
/**
 * X-RateLimit-Reset is in whole Unix seconds rounded down: the window really ends up to a second
 * later, so a retry at the stated second can still be refused. Resets are read as that second's end.
 */
export const RESET_ROUNDING_MS = 1_000;
/**
 * WARest answers 403 for refusals by WhatsApp too, not only for the key's rights: these codes
 * say the key is fine and name what was refused instead.
 */
const FORBIDDEN_BY_CODE: Partial<Record<number, Parameters<typeof t>[0]>> = {
  3005: 'noSendHere',
  3006: 'blocked',
  4001: 'noEdit',
  4003: 'noPin',
  5008: 'needsGroupAdmin',
  8006: 'featureOff',
};
const MAX_SERVER_MESSAGE = 300;

export interface ResponseContext {
  /** Host shown in messages, e.g. "warest.example.com:4001". */
  host: string;
  /** The session the call was about, to name it in messages. */
  sessionId?: string;
  latencyMs: number;
  now?: number;
  /** The API key of the call: taken out of everything read from the body, before anything is cut or quoted. */
  secret?: string;
  /** Whether the operation is admin-only, so a 403 can say an admin key is needed. */
  adminOnly?: boolean;
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
  // Either is whole seconds rounded down, so the window may last up to a second longer than stated.
  const resetAt = (reset > 1e9 ? reset * 1000 : now + reset * 1000) + RESET_ROUNDING_MS;
  return { limit, remaining, resetAt };
}

/** The recipient cooldown a server announces, in ms (none from a stock WARest). */
function announcedCooldown(headers: Headers): { recipientCooldownMs?: number } {
  const raw = headers.get('x-recipient-cooldown-ms');
  const ms = raw === null ? NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? { recipientCooldownMs: ms } : {};
}

/** Retry-After in ms: seconds, or an HTTP date; undefined when absent or unreadable. */
export function readRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function retryAtFrom(retryAfterMs: number | undefined, rateLimit: RateLimitInfo | undefined, now: number): number {
  if (rateLimit && rateLimit.remaining <= 0 && rateLimit.resetAt > now) return rateLimit.resetAt;
  if (retryAfterMs !== undefined && retryAfterMs > 0) return now + retryAfterMs;
  if (rateLimit && rateLimit.resetAt > now) return rateLimit.resetAt;
  return now + 5_000;
}

/**
 * Whether a 429 is WARest's anti-spam guard refusing a second send to one recipient within 3 s
 * (`{"error":"Recipient cooldown","retryAfter":3}`, with requests left in the window), rather
 * than the key's window being spent.
 */
function isRecipientCooldown(record: Record<string, unknown> | undefined, words: string | undefined, rateLimit: RateLimitInfo | undefined): boolean {
  if (words && COOLDOWN_WORDS.test(words)) return true;
  return typeof record?.retryAfter === 'number' && !!rateLimit && rateLimit.remaining > 0;
}

/**
 * Whether an answer says the key's rate-limit window is spent: a 429 that is not the recipient
 * cooldown, and not another limiter that names its own wait (Retry-After) while the window
 * still has requests left.
 */
export function isWindowSpent(status: number, headers: Headers, error?: Pick<ApiError, 'scope'>): boolean {
  if (status !== 429 || error?.scope === 'recipient') return false;
  const rateLimit = readRateLimit(headers);
  return !(rateLimit && rateLimit.remaining > 0 && readRetryAfter(headers) !== undefined);
}

type Body = { kind: 'json'; value: unknown } | { kind: 'html' } | { kind: 'text'; value: string } | { kind: 'empty' };

/**
 * What a body holds, judged by its content, not its label: servers and proxies label JSON as
 * text/html and pages as anything. A page starts with a tag; JSON is whatever parses as JSON.
 */
function parseBody(text: string): Body {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  if (trimmed.startsWith('<')) return { kind: 'html' };
  try {
    return { kind: 'json', value: JSON.parse(trimmed) };
  } catch {
    return { kind: 'text', value: trimmed };
  }
}

/** The key as sent, and as it looks escaped in JSON or encoded in a URL. */
function keyForms(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])].filter(Boolean);
}

function redactText(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) if (result.includes(form)) result = result.split(form).join(t('keyMark'));
  return result;
}

/** Takes the key out of every string of a parsed body (keys included), so no part of it is quoted or returned. */
function redactValue(value: unknown, forms: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, forms);
  if (!value || typeof value !== 'object' || depth > 200) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, forms, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty, not assignment: a "__proto__" key stays a plain key.
    Object.defineProperty(copy, redactText(key, forms), { value: redactValue(item, forms, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function redactBody(body: Body, secret: string | undefined): Body {
  if (!secret) return body;
  const forms = keyForms(secret);
  if (body.kind === 'text') return { kind: 'text', value: redactText(body.value, forms) };
  if (body.kind !== 'json') return body;
  const json = JSON.stringify(body.value);
  return forms.some((form) => json.includes(form)) ? { kind: 'json', value: redactValue(body.value, forms) } : body;
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
  // The key comes out first, so truncating a quote can never leave part of it behind.
  const body = redactBody(parseBody(text), context.secret);
  const record = body.kind === 'json' ? asRecord(body.value) : undefined;
  const code = typeof record?.code === 'number' ? record.code : undefined;
  const rateLimit = readRateLimit(headers, now);
  const serverMessage = serverWords(body);
  const extra: Omit<ApiError, 'kind' | 'message'> = { status, ...(code !== undefined && { code }), ...(serverMessage && { serverMessage }) };
  const { host } = context;

  if (status >= 200 && status < 300) {
    if (body.kind === 'empty' && status !== 204 && status !== 205) {
      return failure('bad-response', t('emptyBody', { host, status }), extra);
    }
    if (body.kind === 'html') {
      return failure('bad-response', t('htmlBody', { host }), extra);
    }
    if (body.kind === 'text' || (body.kind === 'json' && !record)) {
      return failure('bad-response', t('notJson', { host }), extra);
    }
    return {
      ok: true,
      status,
      ...(code !== undefined && { code }),
      ...(typeof record?.message === 'string' && { message: record.message }),
      results: Array.isArray(record?.results) ? record.results : [],
      ...(record && 'result' in record && { result: record.result }),
      ...(rateLimit && { rateLimit }),
      ...announcedCooldown(headers),
      latencyMs: context.latencyMs,
    };
  }

  if (code === NOT_LOGGED_IN) {
    return failure('not-logged-in', context.sessionId ? t('notLoggedIn', { id: context.sessionId }) : t('thisNotLoggedIn'), extra);
  }
  const looksLikeWarest = body.kind === 'json';
  const said = serverMessage ? t('serverSaid', { words: serverMessage }) : '';
  switch (true) {
    case status === 401:
      return failure('auth', t('keyRejected401'), extra);
    case status === 403: {
      const byCode = code !== undefined ? FORBIDDEN_BY_CODE[code] : undefined;
      const adminOnly = !byCode && (ADMIN_ONLY_WORDS.test(serverMessage ?? '') || (context.adminOnly && code === undefined));
      return failure('forbidden', t(byCode || (adminOnly ? 'needsAdmin' : 'forbiddenKey')) + said, extra);
    }
    case status === 404:
      return looksLikeWarest
        ? failure('not-found', t('notFound', { said: said || t('mayBeDeleted') }), extra)
        : failure('not-found', t('noApiHere', { host }), extra);
    case status === 429: {
      const retryAfterMs = readRetryAfter(headers, now);
      if (isRecipientCooldown(record, serverMessage, rateLimit)) {
        const bodyWait = typeof record?.retryAfter === 'number' && record.retryAfter > 0 ? record.retryAfter * 1000 : undefined;
        const retryAt = now + (retryAfterMs ?? bodyWait ?? RECIPIENT_COOLDOWN_MS);
        return failure(
          'rate-limited',
          t('cooldown', { cooldown: RECIPIENT_COOLDOWN_MS / 1000, seconds: seconds(retryAt - now) }),
          { ...extra, retryAt, scope: 'recipient' },
        );
      }
      const retryAt = retryAtFrom(retryAfterMs, rateLimit, now);
      const wait = seconds(retryAt - now);
      if (rateLimit && rateLimit.remaining > 0 && retryAfterMs !== undefined) {
        // Another limiter than the window (which still has requests left): it names its own wait.
        return failure('rate-limited', t('otherLimiter', { remaining: rateLimit.remaining, limit: rateLimit.limit, seconds: wait }), { ...extra, retryAt });
      }
      const limit = rateLimit ? t('perWindow', { limit: rateLimit.limit }) : '';
      return failure('rate-limited', t('keySpent', { limit, seconds: wait }), { ...extra, retryAt });
    }
    case status >= 400 && status < 500:
      return failure('validation', t('notAccepted', { status, said: said || t('checkValues') }), extra);
    case status >= 500 && /CORS not allowed/i.test(serverMessage ?? ''):
      return failure('origin-blocked', t('originRefused'), extra);
    case status >= 500 && !looksLikeWarest && (status === 502 || status === 503 || status === 504):
      return failure('server', t('proxyDown', { status }), extra);
    case status >= 500:
      return failure('server', t('serverError', { status, said }), extra);
    default:
      return failure('bad-response', t('unexpected', { host, status, said }), extra);
  }
}

/** Whether a refusal is about the API key's rights (not a WhatsApp or server refusal that comes as 403 too). */
export function isKeyRefusal(error: { kind: string; code?: number }): boolean {
  return error.kind === 'forbidden' && !(error.code !== undefined && FORBIDDEN_BY_CODE[error.code]);
}
