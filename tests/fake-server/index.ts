/**
 * A fake WARest server for tests and the demo: the published contract (../shared/warest) served
 * with in-memory state, behaving like a stock v0.3.44 server where it differs from the description
 * (README "Facts about a stock server"). Each request goes through, in order:
 *
 *   body read (past 25 MB: 413 envelope 2006) and logged (`requests`)
 *   → hold (hold(): a matching request waits here until the test releases, fails or drops it)
 *   → latency (setLatency)
 *   → /login: a reverse proxy's HTML login page (200 text/html), for failNext({ redirectTo })
 *   → injected failure (failNext, API paths only: a proxy in front answering instead)
 *   → Origin check (500 {"error":"CORS not allowed: …"} on any method, before anything else, as
 *     the stock CORS middleware); /media/<key> hosted files; other non-API paths 404
 *   → GET /server/ping is answered from here on: no key needed, no X-RateLimit headers, not counted
 *   → API key (401 {"error":"Invalid API key"}, plain JSON: middleware, not a route)
 *   → rate limit per key (X-RateLimit-* headers on every answer from here, Reset rounded down;
 *     Misc, Messages and Chats routes count twice; 429 {"error":"Too many requests"})
 *   → route (404 envelope 2600)
 *   → admin-only routes: /server/* but ping (403 {"error":"Admin only"})
 *   → validation against openapi.yaml (400 envelope 2001/2002/1100/2008)
 *   → send guards on Messages - Sending: recipient cooldown (429 + Retry-After,
 *     {"error":"Recipient cooldown","retryAfter":n}), then the per-key send quota
 *     (429 {"error":"Too many requests"})
 *   → the operation's handler (handlers/): envelopes, e.g. 403 code 2201 for another key's
 *     session, 404 code 1101 for a not-open session on Messages/Chats routes, 409 code 1106 elsewhere.
 *
 * Live events (Socket.IO at /socket.io, README fact 5) are served by live.ts: the world emits them
 * (onLiveEvent) and live.ts forwards them to the owner's sockets / the session's room. The Socket.IO
 * handshake has its own origin check (engine.io allowRequest, same rule as HTTP) and key check.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerContext } from './context';
import { seedDemo } from './demo-data';
import { ApiError, envelope, jsonReply, type Reply } from './envelope';
import { ADMIN_ONLY_OPERATIONS, KEYLESS_OPERATION, handlers } from './handlers/index';
import { createHolds, type Hold as GenericHold, type HoldMatch } from './holds';
import { parseRecipient, splitDestinations } from './ids';
import { createRecipientCooldown, createWindows, secondsLeft, type Clock, type RateLimit } from './limits';
import { createPhone, type PhoneSimulator } from './phone';
import { addGroup, addSession, type GroupSeed, type SessionSeed } from './seed';
import { matchOperation, type OperationSpec } from './spec';
import { createState, type ApiKeyRecord, type FakeState, type GroupRecord, type SentRecord, type SessionRecord } from './state';
import { tryParseJson, validateRequest } from './validate';
import { attachLiveEvents } from './live';
import { createWorld, type LiveEventListener } from './world';

export type { ApiKeyRecord, FakeState, GroupRecord, SentRecord, SessionRecord } from './state';
export type { GroupSeed, SessionSeed } from './seed';
export type { LiveEvent, LiveEventListener } from './world';
export type { PhoneSimulator } from './phone';
export type { JoinAnswer } from './live';
export type { HoldMatch } from './holds';
export type { Clock, RateLimit } from './limits';
export { LIVE_PATH } from './live';

export interface FakeWarestOptions {
  /** Default 0: a free port. */
  port?: number;
  keys?: ApiKeyRecord[];
  /** The per-key window; default 120 requests per 60 s (stock). */
  rateLimit?: RateLimit;
  /** The per-key quota on the send routes; default 500 sends per 60 s (stock). */
  sendQuota?: RateLimit;
  /**
   * One send per key and recipient every this many ms; default 3000 (stock). 0 turns the guard off.
   * Any other value than the stock one is announced on every API answer (`X-Recipient-Cooldown-Ms`),
   * which lets campaigns pace down to it in tests; a stock server sends no such header.
   */
  recipientCooldownMs?: number;
  /**
   * Milliseconds since the epoch as the rate limit window, the send quota and the recipient
   * cooldown see them (default Date.now): tests can step it instead of sleeping.
   */
  clock?: Clock;
  /** Default []: the stock setting, every request carrying an Origin header is refused. */
  allowedOrigins?: string[] | '*';
  latencyMs?: number;
  /** Seconds a QR stays valid before the next one (default 20; fractions allowed for fast tests). */
  qrDuration?: number;
  /** Seed the demo world for the first key's user. */
  demo?: boolean;
  version?: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  operationId?: string;
  violations: string[];
  /** HTTP status answered (absent while in flight or held, or when the connection was dropped). */
  status?: number;
}

export type FailureSpec =
  | {
      status: number;
      /** A string or bytes is sent as is (e.g. an HTML 502 page, truncated JSON); anything else as JSON. */
      body?: unknown;
      /** Default: application/json for JSON values, text/plain for strings. */
      contentType?: string;
      headers?: Record<string, string>;
    }
  | {
      /** A proxy sending the client to its login page: Location is this (e.g. LOGIN_PATH, or an absolute URL). */
      redirectTo: string;
      /** Default 302. */
      status?: 301 | 302 | 303 | 307 | 308;
      headers?: Record<string, string>;
    };

/** A request hold (see FakeWarest.hold). */
export type Hold = GenericHold<RequestLogEntry, FailureSpec>;

export interface FakeWarestStats {
  requests: number;
  /** HTTP requests and Socket.IO handshakes refused for their Origin header. */
  originRejections: number;
  /** HTTP requests (401) and Socket.IO connections (connect_error 'unauthorized') refused for their key. */
  unauthorized: number;
  /** 429 {"error":"Too many requests"}: the key's window or its send quota spent. */
  rateLimited: number;
  /** 429 {"error":"Recipient cooldown"}: a second send to one recipient too soon. */
  recipientCooldowns: number;
  /** Answers from failNext and from hold(…).fail. */
  injectedFailures: number;
}

export interface FakeWarest {
  /** http://127.0.0.1:<port> (no /api/v1). */
  readonly url: string;
  readonly port: number;
  readonly state: FakeState;
  readonly requests: RequestLogEntry[];
  readonly stats: FakeWarestStats;
  /**
   * Every message the send routes delivered, one record per recipient with its time, in order,
   * optionally only those to one recipient (digits or JID): what each person received.
   */
  sentMessages(to?: string): SentRecord[];
  /** Unexpected exceptions thrown by handlers (each also answered 500 code 8000): tests can assert none. */
  readonly errors: Error[];
  readonly phone: PhoneSimulator;
  /** Every violation of the contract seen so far, as "<operationId>: <problem>". */
  violations(): string[];
  clearRequests(): void;
  /** Drops every held request, then shuts everything down. */
  stop(): Promise<void>;
  setAllowedOrigins(origins: string[] | '*'): void;
  /** Also starts every key's window afresh. */
  setRateLimit(rateLimit: RateLimit): void;
  /** Also forgets every send noted so far. */
  setRecipientCooldown(ms: number): void;
  setLatency(ms: number): void;
  /** Answers the next API request with exactly this (queued: one call, one request). */
  failNext(failure: FailureSpec): void;
  /**
   * Holds the matching requests as they arrive (before latency, failNext, origin, key and rate
   * limit) until the test calls release (served as if they had just arrived), fail or drop.
   */
  hold(match: HoldMatch): Hold;
  /** The server goes down (held requests and connections dropped, live sockets too, port closed); state and timers carry on. */
  stopListening(): Promise<void>;
  /** Back up on the same port (live-event clients can connect again). */
  startListening(): Promise<void>;
  /**
   * Replaces every key of the user with a new one (old keys now answer 401, and the live sockets
   * that authenticated with them are disconnected) and returns it.
   */
  rotateKey(user: string): string;
  addSession(user: string, seed?: SessionSeed): SessionRecord;
  addGroup(user: string, sessionId: string, seed?: GroupSeed): GroupRecord;
  onLiveEvent(listener: LiveEventListener): () => void;
  /** Connected live-event (Socket.IO) sockets. */
  liveSockets(): number;
  /** The underlying Node server (Socket.IO is attached to it at /socket.io). */
  readonly httpServer: Server;
}

export const DEFAULT_KEYS: readonly ApiKeyRecord[] = [
  { key: 'user-key', user: 'alice' },
  { key: 'admin-key', user: 'admin', admin: true },
  { key: 'other-key', user: 'bob' },
];

/** Where failNext({ redirectTo }) usually points: a reverse proxy's login page, served as HTML. */
export const LOGIN_PATH = '/login';
export const LOGIN_PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head><body><h1>Sign in</h1>' +
  '<form method="post" action="/login"><label>User <input name="user"></label> <label>Password <input name="password" type="password"></label> <button>Sign in</button></form></body></html>';

const MAX_BODY_BYTES = 25 * 1024 * 1024;
const STOCK_RATE_LIMIT: RateLimit = { limit: 120, windowMs: 60_000 };
const STOCK_SEND_QUOTA: RateLimit = { limit: 500, windowMs: 60_000 };
const STOCK_RECIPIENT_COOLDOWN_MS = 3000;
/** Routes the stock rate-limit middleware runs twice for (README fact 3). */
const DOUBLE_COUNTED_TAGS: ReadonlySet<string> = new Set(['Misc', 'Messages - Sending', 'Messages - Actions', 'Chats']);
const SEND_TAG = 'Messages - Sending';

/** The request body, 'too-large' past MAX_BODY_BYTES, or 'aborted' when the client went away. */
function readBody(request: IncomingMessage): Promise<Uint8Array | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : new Uint8Array(Buffer.concat(chunks))));
    request.on('error', () => resolve('aborted'));
  });
}

function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The key from X-WAREST-API-KEY, else from Authorization: Bearer. */
function apiKeyOf(headers: Record<string, string>): string | null {
  const direct = headers['x-warest-api-key']?.trim();
  if (direct) return direct;
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return bearer?.[1]?.trim() ?? null;
}

function failureReply(failure: FailureSpec): Reply {
  if ('redirectTo' in failure) {
    const html = `<!doctype html><p>Found. Redirecting to <a href="${failure.redirectTo}">${failure.redirectTo}</a></p>`;
    return { status: failure.status ?? 302, headers: { location: failure.redirectTo, 'content-type': 'text/html; charset=utf-8', ...failure.headers }, body: html };
  }
  const raw = failure.body;
  const isRaw = typeof raw === 'string' || raw instanceof Uint8Array;
  const body = raw === undefined ? '' : isRaw ? raw : JSON.stringify(raw);
  const contentType = failure.contentType ?? (isRaw || raw === undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  return { status: failure.status, headers: { 'content-type': contentType, ...failure.headers }, body };
}

/** The recipients a send names (body `to`, or the query's for raw uploads), as JIDs: the cooldown's unit. */
function sendRecipients(body: Record<string, unknown>, query: Record<string, string>, raw: boolean): string[] {
  const destinations = splitDestinations(body.to ?? (raw ? query.to : undefined));
  return [...new Set(destinations.map((destination) => parseRecipient(destination)?.jid ?? destination))];
}

export async function startFakeWarest(options: FakeWarestOptions = {}): Promise<FakeWarest> {
  const keys = options.keys ?? [...DEFAULT_KEYS];
  const state = createState(keys, options.clock ?? Date.now);
  let port = options.port ?? 0;
  let allowedOrigins: string[] | '*' = options.allowedOrigins ?? [];
  let rateLimit: RateLimit = options.rateLimit ?? STOCK_RATE_LIMIT;
  const sendQuota: RateLimit = options.sendQuota ?? STOCK_SEND_QUOTA;
  const clock: Clock = options.clock ?? Date.now;
  let latencyMs = options.latencyMs ?? 0;
  const failures: FailureSpec[] = [];
  const windows = createWindows(() => rateLimit, clock);
  const sendWindows = createWindows(() => sendQuota, clock);
  const cooldown = createRecipientCooldown(options.recipientCooldownMs ?? STOCK_RECIPIENT_COOLDOWN_MS, clock);
  let cooldownMs = options.recipientCooldownMs ?? STOCK_RECIPIENT_COOLDOWN_MS;
  const holds = createHolds<RequestLogEntry, FailureSpec>();
  const requests: RequestLogEntry[] = [];
  const errors: Error[] = [];
  const stats: FakeWarestStats = { requests: 0, originRejections: 0, unauthorized: 0, rateLimited: 0, recipientCooldowns: 0, injectedFailures: 0 };
  const world = createWorld(state, { qrDuration: options.qrDuration ?? 20, version: options.version ?? '0.3.44' }, () => `http://127.0.0.1:${port}`);

  /** The stock server cannot parse chrome-extension:// origins, so only '*' lets those through. */
  const originAllowed = (origin: string): boolean => {
    if (allowedOrigins === '*') return true;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && allowedOrigins.includes(parsed.origin);
  };

  /** The anti-spam guard and the send quota in front of the send routes; null lets the send through. */
  const sendGuard = (key: string, recipients: string[]): Reply | null => {
    const wait = recipients.length > 0 ? cooldown.wait(key, recipients) : 0;
    if (wait > 0) {
      stats.recipientCooldowns += 1;
      const seconds = secondsLeft(wait);
      return jsonReply(429, { error: 'Recipient cooldown', retryAfter: seconds }, { 'retry-after': String(seconds) });
    }
    if (sendWindows.hit(key).exceeded) {
      stats.rateLimited += 1;
      return jsonReply(429, { error: 'Too many requests' });
    }
    // As a middleware does, the guard notes the send when it lets it through, whatever the route answers next.
    cooldown.note(key, recipients);
    return null;
  };

  const runHandler = async (op: OperationSpec, ctx: HandlerContext): Promise<Reply> => {
    const handler = handlers[op.operationId];
    if (!handler) return envelope(8005, `Not implemented: ${op.operationId}`);
    try {
      return await handler(ctx);
    } catch (error) {
      if (error instanceof ApiError) return error.toReply();
      errors.push(error instanceof Error ? error : new Error(String(error)));
      return envelope(8000, 'Internal server error');
    }
  };

  const serveApi = async (entry: RequestLogEntry, headers: Record<string, string>, bytes: Uint8Array): Promise<Reply> => {
    const match = matchOperation(entry.method, entry.path);
    const keyless = match.op?.operationId === KEYLESS_OPERATION;
    const key = apiKeyOf(headers);
    const userName = key ? state.keys.get(key) : undefined;
    const user = userName ? state.users.get(userName) : undefined;
    if (!keyless && (!key || !user)) {
      stats.unauthorized += 1;
      return jsonReply(401, { error: 'Invalid API key' });
    }
    // Ping passes no key check and no rate limit: no X-RateLimit headers, nothing counted.
    let limits: Record<string, string> = {};
    if (!keyless && key) {
      const limited = windows.hit(key, match.op && DOUBLE_COUNTED_TAGS.has(match.op.tag) ? 2 : 1);
      // Not stock: a test server with a shorter (or longer) cooldown says so, and a client may pace to it.
      limits = cooldownMs === STOCK_RECIPIENT_COOLDOWN_MS ? limited.headers : { ...limited.headers, 'x-recipient-cooldown-ms': String(cooldownMs) };
      if (limited.exceeded) {
        stats.rateLimited += 1;
        return jsonReply(429, { error: 'Too many requests' }, limits);
      }
    }
    const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...reply.headers, ...limits } });
    if (!match.op) {
      entry.violations.push(`${entry.method} ${entry.path}: no such operation${match.pathMatched ? ' (wrong method)' : ''}`);
      return withLimits(envelope(2600, `Route not found: ${entry.method} ${entry.path}`));
    }
    const { op, params } = match;
    if (ADMIN_ONLY_OPERATIONS.has(op.operationId) && !user?.admin) return withLimits(jsonReply(403, { error: 'Admin only' }));
    const validation = await validateRequest(op, params, entry.query, headers['content-type'], bytes);
    if (validation.loggedBody !== undefined) entry.body = validation.loggedBody;
    entry.violations.push(...validation.violations);
    if (validation.rejection) return withLimits(validation.rejection);
    if (op.tag === SEND_TAG && key) {
      const refused = sendGuard(key, sendRecipients(validation.body, entry.query, validation.rawBody !== null));
      if (refused) return withLimits(refused);
    }
    // Only ping runs without a user, and its handler reads none.
    const ctx: HandlerContext = { world, op, user: user ?? { name: '', admin: false }, query: entry.query, params, body: validation.body, files: validation.files, rawBody: validation.rawBody };
    return withLimits(await runHandler(op, ctx));
  };

  const route = async (entry: RequestLogEntry, headers: Record<string, string>, bytes: Uint8Array): Promise<Reply> => {
    // Not WARest's: the page of a proxy in front of it, which has no Origin rule of its own.
    if (entry.path === LOGIN_PATH) return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: entry.method === 'HEAD' ? '' : LOGIN_PAGE };
    const isApi = entry.path.startsWith('/api/');
    const injected = isApi ? failures.shift() : undefined;
    if (injected) {
      stats.injectedFailures += 1;
      return failureReply(injected);
    }
    const origin = headers.origin;
    let cors: Record<string, string> = {};
    if (origin !== undefined) {
      if (!originAllowed(origin)) {
        stats.originRejections += 1;
        return jsonReply(500, { error: `CORS not allowed: ${origin}` });
      }
      cors = { 'access-control-allow-origin': allowedOrigins === '*' ? '*' : origin, vary: 'Origin' };
      if (entry.method === 'OPTIONS') {
        return { status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE', 'access-control-allow-headers': headers['access-control-request-headers'] ?? '*' }, body: '' };
      }
    }
    let reply: Reply;
    const blob = entry.method === 'GET' && entry.path.startsWith('/media/') ? state.blobs.get(decodeURIComponent(entry.path.slice('/media/'.length))) : undefined;
    if (blob) reply = { status: 200, headers: { 'content-type': blob.mimeType, 'cache-control': 'max-age=300' }, body: blob.bytes };
    else if (isApi) reply = await serveApi(entry, headers, bytes);
    else reply = envelope(2600, `Route not found: ${entry.method} ${entry.path}`);
    return { ...reply, headers: { ...reply.headers, ...cors } };
  };

  const routeSafely = async (entry: RequestLogEntry, headers: Record<string, string>, bytes: Uint8Array): Promise<Reply> => {
    try {
      return await route(entry, headers, bytes);
    } catch (error) {
      errors.push(error instanceof Error ? error : new Error(String(error)));
      return envelope(8000, 'Internal server error');
    }
  };

  const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = headerRecord(request);
    const entry: RequestLogEntry = { method: (request.method ?? 'GET').toUpperCase(), path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body: undefined, violations: [] };
    // Labelled at once, for the log and for holds; auth still answers before the route does.
    const operationId = entry.path.startsWith('/api/') ? matchOperation(entry.method, entry.path).op?.operationId : undefined;
    if (operationId) entry.operationId = operationId;
    requests.push(entry);
    stats.requests += 1;
    const bytes = await readBody(request);
    if (bytes === 'aborted') return;
    if (bytes !== 'too-large' && bytes.length > 0) {
      entry.body = (headers['content-type'] ?? '').includes('json') ? tryParseJson(bytes) : { bytes: bytes.length };
    }
    const outcome = await (holds.gate(entry) ?? { kind: 'serve' as const });
    if (outcome.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    let reply: Reply;
    if (outcome.kind === 'fail') {
      stats.injectedFailures += 1;
      reply = failureReply(outcome.failure);
    } else {
      if (latencyMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = world.track(setTimeout(() => {
            world.untrack(timer);
            resolve();
          }, latencyMs));
        });
      }
      reply = bytes === 'too-large' ? envelope(2006, 'Payload too large') : await routeSafely(entry, headers, bytes);
    }
    entry.status = reply.status;
    if (response.destroyed) return;
    // As Express does: a known length, so clients can tell how much is coming (and large bodies stream).
    const length = typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body.byteLength;
    response.writeHead(reply.status, { 'content-length': String(length), ...reply.headers });
    response.end(reply.body);
  };

  const httpServer = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      errors.push(error instanceof Error ? error : new Error(String(error)));
      if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
    });
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, '127.0.0.1', () => {
        httpServer.off('error', reject);
        port = (httpServer.address() as AddressInfo).port;
        resolve();
      });
    });
  const live = attachLiveEvents(httpServer, {
    world,
    state,
    originAllowed,
    onOriginRejected: () => {
      stats.originRejections += 1;
    },
    onUnauthorized: () => {
      stats.unauthorized += 1;
    },
  });

  const close = () =>
    new Promise<void>((resolve) => {
      holds.dropAll();
      if (!httpServer.listening) return resolve();
      httpServer.close(() => resolve());
      live.dropAll();
      httpServer.closeAllConnections();
    });

  await listen();
  if (options.demo) {
    const demoUser = keys[0]?.user;
    if (!demoUser) throw new Error('demo mode needs at least one API key');
    seedDemo(world, demoUser);
  }

  const phone = createPhone(world);
  let stopped = false;
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    state,
    requests,
    stats,
    errors,
    phone,
    httpServer,
    violations: () => requests.flatMap((entry) => entry.violations),
    sentMessages: (to) => {
      if (to === undefined) return [...state.sent];
      const jid = to.includes('@') ? to : `${to.replace(/\D+/g, '')}@s.whatsapp.net`;
      return state.sent.filter((record) => record.to === jid);
    },
    clearRequests: () => {
      requests.length = 0;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      world.clearTimers();
      await Promise.all([close(), live.close()]);
    },
    setAllowedOrigins(origins) {
      allowedOrigins = origins === '*' ? '*' : [...origins];
    },
    setRateLimit(next) {
      rateLimit = { ...next };
      windows.clear();
    },
    setRecipientCooldown(ms) {
      cooldownMs = ms;
      cooldown.setDuration(ms);
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    failNext(failure) {
      failures.push(failure);
    },
    hold: (match) => holds.add(match),
    stopListening: close,
    startListening: listen,
    rotateKey(user) {
      const record = state.users.get(user);
      if (!record) throw new Error(`rotateKey: unknown user "${user}"`);
      const oldKeys = new Set<string>();
      for (const [key, owner] of state.keys) if (owner === user) oldKeys.add(key);
      for (const key of oldKeys) state.keys.delete(key);
      const key = `${user}-${Math.random().toString(36).slice(2, 12)}`;
      state.keys.set(key, user);
      live.disconnectKeys(oldKeys);
      return key;
    },
    addSession: (user, seed) => addSession(world, user, seed),
    addGroup: (user, sessionId, seed) => addGroup(world, user, sessionId, seed),
    onLiveEvent: (listener) => world.onLiveEvent(listener),
    liveSockets: () => live.count(),
  };
}
