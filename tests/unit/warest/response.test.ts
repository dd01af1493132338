import { describe, expect, it } from 'vitest';
import type { ApiError, ApiResult, ApiSuccess } from '@/lib/warest/api-result';
import { interpretResponse, isKeyRefusal, isWindowSpent, readRateLimit, type ResponseContext } from '@/lib/warest/response';

const NOW = 1_750_000_000_000; // epoch ms, fixed
const NOW_S = NOW / 1000;
const HOST = 'warest.example.com:4001';
const context: ResponseContext = { host: HOST, latencyMs: 42, now: NOW };

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const HTML_TYPE = { 'content-type': 'text/html; charset=utf-8' };

function answer(status: number, body: unknown, headers: Record<string, string> = JSON_TYPE, ctx: ResponseContext = context): ApiResult {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return interpretResponse(status, new Headers(headers), text, ctx);
}

function success(result: ApiResult): ApiSuccess {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

function error(result: ApiResult): ApiError {
  if (result.ok) throw new Error('expected an error, got success');
  return result.error;
}

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';

describe('interpretResponse: 2xx', () => {
  it('reads the envelope: results, code, message, latency', () => {
    const result = success(
      answer(200, { status: true, code: 1000, message: 'Sessions listed', results: [{ items: [{ id: 'a' }] }] }),
    );
    expect(result.status).toBe(200);
    expect(result.code).toBe(1000);
    expect(result.message).toBe('Sessions listed');
    expect(result.results).toEqual([{ items: [{ id: 'a' }] }]);
    expect(result.latencyMs).toBe(42);
    expect(result).not.toHaveProperty('result');
  });

  it('keeps a single `result` object (chat routes) and gives empty results', () => {
    const result = success(answer(200, { status: true, code: 1000, result: { chats: [1, 2] } }));
    expect(result.result).toEqual({ chats: [1, 2] });
    expect(result.results).toEqual([]);
  });

  it('accepts 202 with status true (QR required) as a success carrying its code', () => {
    const result = success(answer(202, { status: true, code: 1107, message: 'Scan the QR', results: [{ qr: 'data:image/png;base64,AA' }] }));
    expect(result.status).toBe(202);
    expect(result.code).toBe(1107);
  });

  it('reads the rate-limit headers', () => {
    const result = success(
      answer(200, { status: true, results: [] }, {
        ...JSON_TYPE,
        'X-RateLimit-Limit': '120',
        'X-RateLimit-Remaining': '117',
        'X-RateLimit-Reset': String(NOW_S + 30),
      }),
    );
    // The reset is whole seconds rounded down: the window lasts until the end of that second.
    expect(result.rateLimit).toEqual({ limit: 120, remaining: 117, resetAt: NOW + 31_000 });
  });

  it('has no rateLimit when the headers are absent', () => {
    expect(success(answer(200, { status: true, results: [] })).rateLimit).toBeUndefined();
  });

  it('accepts an empty body (204) with no results', () => {
    const result = success(answer(204, '', {}));
    expect(result.results).toEqual([]);
  });

  it('treats an HTML page sent with 200 as bad-response pointing at the URL', () => {
    const err = error(answer(200, '<!doctype html><html><body>Dashboard login</body></html>', HTML_TYPE));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain(HOST);
    expect(err.message).toMatch(/web page/);
  });

  it('treats text labelled HTML that is neither a page nor JSON as a bad response too', () => {
    expect(error(answer(200, 'Welcome to nginx!', HTML_TYPE)).kind).toBe('bad-response');
  });

  it('treats truncated JSON as bad-response mentioning it may have been cut off', () => {
    const err = error(answer(200, '{"status":true,"results":[{"id":"a"'));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/cut off/);
    expect(err.status).toBe(200);
  });

  it('treats a JSON array or scalar with 200 as bad-response', () => {
    expect(error(answer(200, [1, 2, 3])).kind).toBe('bad-response');
    expect(error(answer(200, '42')).kind).toBe('bad-response');
  });
});

describe('interpretResponse: errors', () => {
  it('401 → auth, telling the user to re-enter the key (not "server down")', () => {
    const err = error(answer(401, { status: false, code: 1002, message: 'Invalid API key' }));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.code).toBe(1002);
    expect(err.serverMessage).toBe('Invalid API key');
    expect(err.message).toMatch(/rejected the API key/);
    expect(err.message).toMatch(/enter it again/);
  });

  it('401 without any body is still auth', () => {
    expect(error(answer(401, '', {})).kind).toBe('auth');
  });

  it("403 → forbidden, with the server's message", () => {
    const err = error(answer(403, { status: false, code: 1003, message: 'Admin access required' }));
    expect(err.kind).toBe('forbidden');
    expect(err.message).toContain('Admin access required');
    expect(err.serverMessage).toBe('Admin access required');
  });

  it('403 from a WhatsApp refusal names what was refused, not the key', () => {
    const edit = error(answer(403, { status: false, code: 4001, message: 'Message edit not allowed' }));
    expect(edit.kind).toBe('forbidden');
    expect(edit.message).toMatch(/^WhatsApp does not allow editing this message: only your own text messages/);
    expect(edit.message).not.toContain('API key');
    expect(error(answer(403, { status: false, code: 3005, message: 'Recipient not allowed' })).message).toMatch(/^WhatsApp did not allow sending to this recipient/);
    expect(error(answer(403, { status: false, code: 2201, message: 'Insufficient permissions' })).message).toMatch(/^This API key isn't allowed to do that/);
  });

  it("404 with a WARest envelope → not-found with the server's words", () => {
    const err = error(answer(404, { status: false, code: 1201, message: 'Group not found' }));
    expect(err.kind).toBe('not-found');
    expect(err.code).toBe(1201);
    expect(err.message).toBe('Not found. The server said: “Group not found”.');
  });

  it('404 envelope without a message says the item may have been deleted', () => {
    expect(error(answer(404, { status: false })).message).toBe('Not found. The item may have been deleted.');
  });

  it('404 as an HTML page → not-found pointing at the server URL', () => {
    const err = error(answer(404, '<!DOCTYPE html><html><body><pre>Cannot GET /api/v1/server/ping</pre></body></html>', HTML_TYPE));
    expect(err.kind).toBe('not-found');
    expect(err.code).toBeUndefined();
    expect(err.message).toContain(`${HOST} has no WARest API at this address (404)`);
    expect(err.message).toMatch(/path prefix/);
  });

  it('409 with code 1106 → not-logged-in naming the session', () => {
    const err = error(
      answer(409, { status: false, code: 1106, message: 'Login required (scan QR or pairing)' }, JSON_TYPE, { ...context, sessionId: 'shop.main' }),
    );
    expect(err.kind).toBe('not-logged-in');
    expect(err.code).toBe(1106);
    expect(err.message).toContain('Session “shop.main”');
    expect(err.message).toMatch(/QR code|pairing code/);
  });

  it('code 1106 without a known session still says what to do', () => {
    const err = error(answer(409, { status: false, code: 1106, message: 'Login required' }));
    expect(err.kind).toBe('not-logged-in');
    expect(err.message).toMatch(/^This session isn't logged in/);
  });

  it.each([400, 409, 413, 422])("%i (no 1106) → validation with the server's message", (status) => {
    const err = error(answer(status, { status: false, code: 1001, message: '"to" is required' }));
    expect(err.kind).toBe('validation');
    expect(err.status).toBe(status);
    expect(err.message).toContain(`HTTP ${status}`);
    expect(err.message).toContain('"to" is required');
  });

  it('validation without server words asks to check the values', () => {
    expect(error(answer(400, '', {})).message).toMatch(/Check the values you entered/);
  });

  it('429 with X-RateLimit-Reset → rate-limited with retryAt at the end of the reset second', () => {
    const err = error(
      answer(429, { status: false, message: 'Too many requests' }, {
        ...JSON_TYPE,
        'X-RateLimit-Limit': '120',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(NOW_S + 17),
      }),
    );
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAt).toBe(NOW + 18_000);
    expect(err.message).toContain('Try again in 18 s');
    expect(err.message).toContain('120 requests per window');
  });

  it('429 with Retry-After only → retryAt from Retry-After seconds', () => {
    const err = error(answer(429, { error: 'Slow down' }, { ...JSON_TYPE, 'Retry-After': '8' }));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAt).toBe(NOW + 8_000);
    expect(err.message).toContain('Try again in 8 s');
    expect(err.message).not.toContain('requests per window');
  });

  it('429 with neither header still gives a retry time in the future', () => {
    const err = error(answer(429, '', {}));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAt).toBeGreaterThan(NOW);
  });

  it('500 with {"error":"CORS not allowed: chrome-extension://…"} → origin-blocked', () => {
    const err = error(answer(500, { error: 'CORS not allowed: chrome-extension://abc' }));
    expect(err.kind).toBe('origin-blocked');
    expect(err.serverMessage).toBe('CORS not allowed: chrome-extension://abc');
    expect(err.message).toMatch(/Origin header/);
    expect(err.message).toMatch(/save this server again/);
  });

  it.each([502, 503, 504])('%i HTML from a proxy → server, with proxy wording', (status) => {
    const err = error(answer(status, NGINX_502.replaceAll('502', String(status)), HTML_TYPE));
    expect(err.kind).toBe('server');
    expect(err.status).toBe(status);
    expect(err.message).toContain(`A proxy in front of the server answered HTTP ${status}`);
  });

  it('503 with a WARest envelope is the server itself, not a proxy', () => {
    const err = error(answer(503, { status: false, code: 1500, message: 'Not ready' }));
    expect(err.kind).toBe('server');
    expect(err.message).not.toMatch(/proxy/);
    expect(err.message).toContain('Not ready');
  });

  it('500 envelope → server with the status and the server words', () => {
    const err = error(answer(500, { status: false, code: 1500, message: 'Internal error' }));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('HTTP 500');
    expect(err.message).toContain('Internal error');
    expect(err.message).toMatch(/server's logs/);
  });

  it.each([
    [{ error: 'Unauthorized origin' }, 'Unauthorized origin'],
    [{ msg: 'bad field' }, 'bad field'],
    [{ detail: 'Not acceptable' }, 'Not acceptable'],
    [{ error: { message: 'nested words' } }, 'nested words'],
  ])('reads the server words from the non-envelope shape %j', (body, words) => {
    const err = error(answer(400, body));
    expect(err.kind).toBe('validation');
    expect(err.serverMessage).toBe(words);
    expect(err.message).toContain(words);
  });

  it('reads a plain-text body as the server words', () => {
    const err = error(answer(400, 'Bad Request: invalid phone', { 'content-type': 'text/plain' }));
    expect(err.serverMessage).toBe('Bad Request: invalid phone');
  });

  it('does not take HTML markup for server words', () => {
    expect(error(answer(500, '<html><body>boom</body></html>', HTML_TYPE)).serverMessage).toBeUndefined();
  });

  it('truncates a long server message to 300 characters and an ellipsis', () => {
    const long = 'x'.repeat(1000);
    const err = error(answer(400, { message: long }));
    expect(err.serverMessage).toBe(`${'x'.repeat(300)}…`);
    expect(err.message.length).toBeLessThan(500);
  });
});

describe('readRateLimit', () => {
  it('reads Unix-seconds resets as epoch ms', () => {
    const headers = new Headers({ 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': String(NOW_S + 60) });
    expect(readRateLimit(headers, NOW)).toEqual({ limit: 120, remaining: 5, resetAt: NOW + 61_000 });
  });

  it('reads small resets as seconds to wait from now', () => {
    const headers = new Headers({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '45' });
    expect(readRateLimit(headers, NOW)).toEqual({ limit: 60, remaining: 0, resetAt: NOW + 46_000 });
  });

  it('is undefined without the limit header or with non-numeric values', () => {
    expect(readRateLimit(new Headers({ 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': '10' }), NOW)).toBeUndefined();
    expect(readRateLimit(new Headers({ 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': 'lots', 'X-RateLimit-Reset': '10' }), NOW)).toBeUndefined();
  });

  it('is undefined when remaining or reset is missing, rather than reading them as 0', () => {
    expect(readRateLimit(new Headers({ 'X-RateLimit-Limit': '120', 'X-RateLimit-Reset': '10' }), NOW)).toBeUndefined();
    expect(readRateLimit(new Headers({ 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': '3' }), NOW)).toBeUndefined();
  });
});

const WINDOW = (remaining: number, inS = 40) => ({
  'X-RateLimit-Limit': '120',
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Reset': String(NOW_S + inS),
});

describe('interpretResponse: the recipient cooldown is not the window', () => {
  const cooldownHeaders = { ...JSON_TYPE, ...WINDOW(107), 'Retry-After': '3' };
  const cooldownBody = { error: 'Recipient cooldown', retryAfter: 3 };

  it('reads WARest’s anti-spam 429 as about one recipient, waiting Retry-After, not the window’s reset', () => {
    const err = error(answer(429, cooldownBody, cooldownHeaders));
    expect(err.kind).toBe('rate-limited');
    expect(err.scope).toBe('recipient');
    expect(err.retryAt).toBe(NOW + 3_000);
    expect(err.serverMessage).toBe('Recipient cooldown');
    expect(err.message).toBe(
      "WARest's anti-spam guard allows one message to the same recipient every 3 s, and this one came too soon after the last: nothing was sent. Try again in 3 s.",
    );
    expect(err.message).not.toMatch(/requests per window|59 s|41 s/);
  });

  it('says the window is not spent, so other calls are not held', () => {
    const headers = new Headers(cooldownHeaders);
    const err = error(interpretResponse(429, headers, JSON.stringify(cooldownBody), context));
    expect(isWindowSpent(429, headers, err)).toBe(false);
  });

  it('recognises the cooldown by its body alone, and by a retryAfter with requests left', () => {
    expect(error(answer(429, cooldownBody, JSON_TYPE)).scope).toBe('recipient');
    const byShape = error(answer(429, { error: 'Slow down', retryAfter: 2 }, { ...JSON_TYPE, ...WINDOW(50) }));
    expect(byShape.scope).toBe('recipient');
    expect(byShape.retryAt).toBe(NOW + 2_000);
  });

  it('is not fooled by a retryAfter when the window is spent', () => {
    const err = error(answer(429, { error: 'Too many requests', retryAfter: 40 }, { ...JSON_TYPE, ...WINDOW(0) }));
    expect(err.scope).toBeUndefined();
  });

  it('takes another limiter’s Retry-After while the window still has requests, without calling the window spent', () => {
    const headers = { ...JSON_TYPE, ...WINDOW(80), 'Retry-After': '7' };
    const err = error(answer(429, { error: 'Send quota exceeded' }, headers));
    expect(err.scope).toBeUndefined();
    expect(err.retryAt).toBe(NOW + 7_000);
    expect(err.message).toContain('80 of 120 requests left');
    expect(err.message).toContain('Try again in 7 s');
    expect(isWindowSpent(429, new Headers(headers), err)).toBe(false);
  });
});

describe('interpretResponse: plain {"error": …} bodies', () => {
  it('reads the window’s 429 {"error":"Too many requests"} as the window spent, until the end of the reset second', () => {
    const headers = { ...JSON_TYPE, ...WINDOW(0, 59) };
    const err = error(answer(429, { error: 'Too many requests' }, headers));
    expect(err.kind).toBe('rate-limited');
    expect(err.scope).toBeUndefined();
    expect(err.serverMessage).toBe('Too many requests');
    expect(err.retryAt).toBe(NOW + 60_000);
    expect(err.message).toBe(
      'This API key has used up its requests to the server for now. WARest allows it 120 requests per window (calls to messages, chats and tools count twice). Nothing was done. Try again in 60 s.',
    );
    expect(isWindowSpent(429, new Headers(headers), err)).toBe(true);
  });

  it('403 {"error":"Admin only"} says an admin key is needed and the saved key is a user key', () => {
    const err = error(answer(403, { error: 'Admin only' }));
    expect(err.kind).toBe('forbidden');
    expect(err.serverMessage).toBe('Admin only');
    expect(err.message).toMatch(/^This needs an admin key: the saved API key is a user key/);
    expect(err.message).toMatch(/options page/);
    expect(isKeyRefusal(err)).toBe(true);
  });

  it('403 on an admin-only operation says so, whatever words came', () => {
    expect(error(answer(403, { error: 'Forbidden' }, JSON_TYPE, { ...context, adminOnly: true })).message).toMatch(/^This needs an admin key/);
    expect(error(answer(403, '', {}, { ...context, adminOnly: true })).message).toMatch(/^This needs an admin key/);
    // On other routes a plain 403 stays the general refusal.
    expect(error(answer(403, { error: 'Forbidden' })).message).toMatch(/^This API key isn't allowed to do that/);
    // WhatsApp's refusals about group admins are not about the key.
    expect(error(answer(403, { status: false, message: 'Only admins can add participants' })).message).not.toMatch(/^This needs an admin key/);
  });

  it('401 {"error":"…"} is the key rejected', () => {
    const err = error(answer(401, { error: 'Unauthorized' }));
    expect(err.kind).toBe('auth');
    expect(err.serverMessage).toBe('Unauthorized');
  });
});

describe('interpretResponse: what the body holds, by its content', () => {
  it('an empty 200 from a WARest route is a bad response, not success', () => {
    for (const body of ['', '  \r\n']) {
      const err = error(answer(200, body, JSON_TYPE));
      expect(err.kind).toBe('bad-response');
      expect(err.message).toMatch(new RegExp(`^${HOST} answered with an empty body \\(HTTP 200\\)`));
    }
    expect(error(answer(201, '', {})).kind).toBe('bad-response');
  });

  it('a 204 is still an empty success', () => {
    expect(success(answer(204, '', {})).results).toEqual([]);
  });

  it('reads valid JSON labelled text/html (or anything else) as JSON', () => {
    const envelope = { status: true, code: 1000, message: 'OK', results: [{ id: 'a' }] };
    expect(success(answer(200, envelope, HTML_TYPE)).results).toEqual([{ id: 'a' }]);
    expect(success(answer(200, envelope, { 'content-type': 'text/plain' })).results).toEqual([{ id: 'a' }]);
    expect(error(answer(401, { error: 'Bad key' }, HTML_TYPE)).serverMessage).toBe('Bad key');
  });

  it('calls a body a web page only when it is one, whatever its label', () => {
    expect(error(answer(200, '<!doctype html><p>login</p>', JSON_TYPE)).message).toMatch(/web page/);
    expect(error(answer(200, '{"status":true,', HTML_TYPE)).message).not.toMatch(/web page/);
  });
});

describe('interpretResponse: the key never leaks, on any status', () => {
  const KEY = 'wk_live_Zq9SECRETkey4242';
  const keyed: ResponseContext = { ...context, secret: KEY };

  it('takes the key out of a 2xx text body before quoting it, so no fragment is left at the cut', () => {
    const err = error(answer(200, `${'x'.repeat(290)}${KEY} and more`, { 'content-type': 'text/plain' }, keyed));
    expect(err.kind).toBe('bad-response');
    const all = JSON.stringify(err);
    // Not the key, and no five characters of it in a row.
    for (let i = 0; i + 5 <= KEY.length; i += 1) expect(all).not.toContain(KEY.slice(i, i + 5));
    expect(err.serverMessage).toBe(`${'x'.repeat(290)}[API key] …`);
  });

  it('takes it out of JSON-escaped and URL-encoded forms too', () => {
    const odd = 'k"ey/with+odd chars';
    const err = error(answer(400, `{"message":"bad ${JSON.stringify(odd).slice(1, -1)} / ${encodeURIComponent(odd)}"}`, JSON_TYPE, { ...context, secret: odd }));
    expect(err.serverMessage).toBe('bad [API key] / [API key]');
  });

  it('takes it out of a successful answer’s data as well', () => {
    const result = success(answer(200, { status: true, results: [{ note: `key=${KEY}`, [KEY]: 1 }] }, JSON_TYPE, keyed));
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(result.results).toEqual([{ note: 'key=[API key]', '[API key]': 1 }]);
  });
});

