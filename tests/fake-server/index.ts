/**
 * A fake WARest server for tests and the demo: the published contract (../shared/warest) served
 * with in-memory state, behaving like a stock v0.3.44 server where it differs from the description
 * (README "Facts about a stock server"). Each request goes through, in order:
 *
 *   injected failure (failNext: a proxy in front answering instead)
 *   → Origin check (500 {"error":"CORS not allowed: …"}, before anything else, as the stock CORS middleware)
 *   → API key (401 code 2200) → rate limit per key (X-RateLimit-* headers; 429 code 2400)
 *   → route (404) → admin-only routes (403 code 2201) → validation against openapi.yaml (400)
 *   → the operation's handler (handlers/).
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
import { ADMIN_ONLY_OPERATIONS, handlers } from './handlers/index';
import { createPhone, type PhoneSimulator } from './phone';
import { addGroup, addSession, type GroupSeed, type SessionSeed } from './seed';
import { matchOperation } from './spec';
import { createState, type ApiKeyRecord, type FakeState, type GroupRecord, type SessionRecord } from './state';
import { tryParseJson, validateRequest } from './validate';
import { attachLiveEvents } from './live';
import { createWorld, type LiveEventListener } from './world';

export type { ApiKeyRecord, FakeState, GroupRecord, SessionRecord } from './state';
export type { GroupSeed, SessionSeed } from './seed';
export type { LiveEvent, LiveEventListener } from './world';
export type { PhoneSimulator } from './phone';
export type { JoinAnswer } from './live';
export { LIVE_PATH } from './live';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface FakeWarestOptions {
  /** Default 0: a free port. */
  port?: number;
  keys?: ApiKeyRecord[];
  rateLimit?: RateLimit;
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
  /** HTTP status answered (absent while in flight or when the connection was dropped). */
  status?: number;
}

export interface FailureSpec {
  status: number;
  /** A string or bytes is sent as is (e.g. an HTML 502 page, truncated JSON); anything else as JSON. */
  body?: unknown;
  /** Default: application/json for JSON values, text/plain for strings. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface FakeWarestStats {
  requests: number;
  /** HTTP requests and Socket.IO handshakes refused for their Origin header. */
  originRejections: number;
  /** HTTP requests (401) and Socket.IO connections (connect_error 'unauthorized') refused for their key. */
  unauthorized: number;
  rateLimited: number;
  injectedFailures: number;
}

export interface FakeWarest {
  /** http://127.0.0.1:<port> (no /api/v1). */
  readonly url: string;
  readonly port: number;
  readonly state: FakeState;
  readonly requests: RequestLogEntry[];
  readonly stats: FakeWarestStats;
  /** Unexpected exceptions thrown by handlers (each also answered 500 code 8000): tests can assert none. */
  readonly errors: Error[];
  readonly phone: PhoneSimulator;
  /** Every violation of the contract seen so far, as "<operationId>: <problem>". */
  violations(): string[];
  clearRequests(): void;
  stop(): Promise<void>;
  setAllowedOrigins(origins: string[] | '*'): void;
  /** Also starts every key's window afresh. */
  setRateLimit(rateLimit: RateLimit): void;
  setLatency(ms: number): void;
  /** Answers the next API request with exactly this (queued: one call, one request). */
  failNext(failure: FailureSpec): void;
  /** The server goes down (connections and live sockets dropped, port closed); state and timers carry on. */
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

const MAX_BODY_BYTES = 25 * 1024 * 1024;

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
  const raw = failure.body;
  const isRaw = typeof raw === 'string' || raw instanceof Uint8Array;
  const body = raw === undefined ? '' : isRaw ? raw : JSON.stringify(raw);
  const contentType = failure.contentType ?? (isRaw || raw === undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  return { status: failure.status, headers: { 'content-type': contentType, ...failure.headers }, body };
}

export async function startFakeWarest(options: FakeWarestOptions = {}): Promise<FakeWarest> {
  const keys = options.keys ?? [...DEFAULT_KEYS];
  const state = createState(keys);
  let port = options.port ?? 0;
  let allowedOrigins: string[] | '*' = options.allowedOrigins ?? [];
  let rateLimit: RateLimit = options.rateLimit ?? { limit: 120, windowMs: 60_000 };
  let latencyMs = options.latencyMs ?? 0;
  const failures: FailureSpec[] = [];
  const windows = new Map<string, { resetAt: number; count: number }>();
  const requests: RequestLogEntry[] = [];
  const errors: Error[] = [];
  const stats: FakeWarestStats = { requests: 0, originRejections: 0, unauthorized: 0, rateLimited: 0, injectedFailures: 0 };
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

  const rateLimitHeaders = (key: string): { headers: Record<string, string>; exceeded: boolean } => {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { resetAt: now + rateLimit.windowMs, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    const headers = {
      'x-ratelimit-limit': String(rateLimit.limit),
      'x-ratelimit-remaining': String(Math.max(0, rateLimit.limit - window.count)),
      'x-ratelimit-reset': String(Math.ceil(window.resetAt / 1000)),
    };
    const exceeded = window.count > rateLimit.limit;
    return { headers: exceeded ? { ...headers, 'retry-after': String(Math.max(1, Math.ceil((window.resetAt - now) / 1000))) } : headers, exceeded };
  };

  const serveApi = async (entry: RequestLogEntry, headers: Record<string, string>, bytes: Uint8Array): Promise<Reply> => {
    // Matched first only to label the log entry: auth still answers before the route does.
    const match = matchOperation(entry.method, entry.path);
    if (match.op) entry.operationId = match.op.operationId;
    const key = apiKeyOf(headers);
    const userName = key ? state.keys.get(key) : undefined;
    const user = userName ? state.users.get(userName) : undefined;
    if (!key || !user) {
      stats.unauthorized += 1;
      return envelope(2200, 'Missing or invalid credentials');
    }
    const limited = rateLimitHeaders(key);
    const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...reply.headers, ...limited.headers } });
    if (limited.exceeded) {
      stats.rateLimited += 1;
      return withLimits(envelope(2400, 'Too many requests'));
    }
    if (!match.op) {
      entry.violations.push(`${entry.method} ${entry.path}: no such operation${match.pathMatched ? ' (wrong method)' : ''}`);
      return withLimits(envelope(2600, `Route not found: ${entry.method} ${entry.path}`));
    }
    const { op, params } = match;
    if (ADMIN_ONLY_OPERATIONS.has(op.operationId) && !user.admin) return withLimits(envelope(2201, 'Insufficient permissions'));
    const validation = await validateRequest(op, params, entry.query, headers['content-type'], bytes);
    if (validation.loggedBody !== undefined) entry.body = validation.loggedBody;
    entry.violations.push(...validation.violations);
    if (validation.rejection) return withLimits(validation.rejection);
    const handler = handlers[op.operationId];
    if (!handler) return withLimits(envelope(8005, `Not implemented: ${op.operationId}`));
    const ctx: HandlerContext = { world, op, user, query: entry.query, params, body: validation.body, files: validation.files, rawBody: validation.rawBody };
    try {
      return withLimits(await handler(ctx));
    } catch (error) {
      if (error instanceof ApiError) return withLimits(error.toReply());
      errors.push(error instanceof Error ? error : new Error(String(error)));
      return withLimits(envelope(8000, 'Internal server error'));
    }
  };

  const route = async (entry: RequestLogEntry, headers: Record<string, string>, bytes: Uint8Array): Promise<Reply> => {
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

  const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = headerRecord(request);
    const entry: RequestLogEntry = { method: (request.method ?? 'GET').toUpperCase(), path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body: undefined, violations: [] };
    requests.push(entry);
    stats.requests += 1;
    let reply: Reply;
    const bytes = await readBody(request);
    if (bytes === 'aborted') return;
    if (bytes !== 'too-large' && bytes.length > 0) {
      entry.body = (headers['content-type'] ?? '').includes('json') ? tryParseJson(bytes) : { bytes: bytes.length };
    }
    if (latencyMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = world.track(setTimeout(() => {
          world.untrack(timer);
          resolve();
        }, latencyMs));
      });
    }
    if (bytes === 'too-large') reply = envelope(2006, 'Payload too large');
    else {
      try {
        reply = await route(entry, headers, bytes);
      } catch (error) {
        errors.push(error instanceof Error ? error : new Error(String(error)));
        reply = envelope(8000, 'Internal server error');
      }
    }
    entry.status = reply.status;
    if (response.destroyed) return;
    response.writeHead(reply.status, reply.headers);
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
    setLatency(ms) {
      latencyMs = ms;
    },
    failNext(failure) {
      failures.push(failure);
    },
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
