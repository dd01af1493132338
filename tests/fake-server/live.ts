/**
 * Live events over Socket.IO, as a stock WARest server serves them (README fact 5), attached to
 * the fake's HTTP server at path /socket.io.
 *
 * Handshake, in order (the same order as HTTP: origin before auth):
 *   1. Origin: engine.io `allowRequest` refuses a handshake whose Origin header is not allowed
 *      (the rule of the HTTP origin check: only '*' lets chrome-extension:// through). The
 *      WebSocket upgrade is answered `HTTP/1.1 400 Bad Request` with body "CORS not allowed: <origin>"
 *      (a long-polling handshake: 403 {"code":4,"message":"CORS not allowed: <origin>"}).
 *      socket.io-client reports connect_error "websocket error" (or "xhr poll error"); a browser
 *      WebSocket sees the upgrade fail. Counted in stats.originRejections.
 *   2. API key: handshake `auth.apiKey`, else header X-WAREST-API-KEY (or Authorization: Bearer),
 *      else query `apiKey`. Unknown or missing: the Socket.IO middleware refuses the connection, so
 *      socket.io-client reports connect_error with message 'unauthorized' and
 *      data { code: 1400, message: 'WebSocket unauthorized' }. Counted in stats.unauthorized.
 *
 * Then the server emits `welcome { role: 'admin' | 'user', isAdmin, version, registry }` (registry:
 * the key's user, as `registryUser` in session answers).
 *
 * Client → server:
 *   `join { room: <sessionId> }` subscribes the socket to that session's events. Refused (the
 *   socket stays out of the room and receives `error { code, message, room }`) when the room is not
 *   a valid session ID (code 1402 "Room not found") or names an existing session of another user
 *   (code 2201 "Forbidden", as HTTP answers 403/2201 for another user's session). A session ID that
 *   does not exist yet may be joined, so a client can join before `GET /session/create`; events are
 *   only ever delivered to sockets of the session's owner. No replay on join: the current QR comes
 *   from the HTTP answer, later ones as events. If the client passes an acknowledgement callback it
 *   is answered `{ status, code, message, room }` (1000 "Joined", 1403 "Already joined this room",
 *   or the refusal) — a convenience of the fake: clients must not depend on it.
 *   `leave { room }` unsubscribes (acked `{ status: true, code: 1000, message: 'Left', room }`).
 *
 * Server → client (what world.ts emits, forwarded):
 *   to the session's room:  qr { id, qr, qrDuration, qrDataUrl } · pairing_code { id, code }
 *                           ready { id, me: { id, name, lid } } · closed { id, reason }
 *   to every socket of the owner:  sessions_changed (no payload)
 *
 * A rotated key (rotateKey) disconnects the sockets that authenticated with an old key
 * (server-side disconnect: the client sees reason "io server disconnect" and does not retry;
 * reconnecting with the old key gets connect_error 'unauthorized'). When the server goes down
 * (stopListening / stop) every connection is dropped: the client sees "transport close".
 */
import type { Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server as SocketIoServer, type Socket } from 'socket.io';
import { SESSION_ID_PATTERN } from './ids';
import type { FakeState } from './state';
import type { FakeWorld, LiveEvent } from './world';

export const LIVE_PATH = '/socket.io';

export interface LiveDeps {
  world: FakeWorld;
  state: FakeState;
  /** The HTTP origin rule (shared, so setAllowedOrigins applies to new handshakes at once). */
  originAllowed(origin: string): boolean;
  onOriginRejected(): void;
  onUnauthorized(): void;
}

export interface LiveEvents {
  readonly io: SocketIoServer;
  /** Connected Socket.IO sockets. */
  count(): number;
  /** Server-side disconnect of every socket that authenticated with one of these keys. */
  disconnectKeys(keys: ReadonlySet<string>): void;
  /** The server goes down: every engine.io connection and every upgraded TCP socket is dropped. */
  dropAll(): void;
  /** Closes the Socket.IO server for good (the HTTP server is closed by the caller). */
  close(): Promise<void>;
}

interface SocketData {
  apiKey: string;
  user: string;
}

export interface JoinAnswer {
  status: boolean;
  code: number;
  message: string;
  room: unknown;
}

const userRoom = (user: string) => `user:${user}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

function handshakeKey(socket: Socket): string | null {
  const auth = socket.handshake.auth as Record<string, unknown> | undefined;
  const fromAuth = typeof auth?.apiKey === 'string' ? auth.apiKey.trim() : '';
  if (fromAuth) return fromAuth;
  const headers = socket.handshake.headers;
  const header = headers['x-warest-api-key'];
  const fromHeader = (Array.isArray(header) ? header[0] : header)?.trim();
  if (fromHeader) return fromHeader;
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (bearer) return bearer;
  const query = socket.handshake.query.apiKey;
  const fromQuery = (Array.isArray(query) ? query[0] : query)?.trim();
  return fromQuery || null;
}

/** Event payload without the world's `type` tag. */
function payloadOf(event: Exclude<LiveEvent, { type: 'sessions_changed' }>): Record<string, unknown> {
  const { type: _type, ...payload } = event;
  return payload;
}

export function attachLiveEvents(httpServer: HttpServer, deps: LiveDeps): LiveEvents {
  const { world, state } = deps;
  // Upgraded connections are no longer tracked by the HTTP server (closeAllConnections misses them).
  const rawSockets = new Set<NetSocket>();
  httpServer.on('connection', (socket: NetSocket) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
  });

  const io = new SocketIoServer(httpServer, {
    path: LIVE_PATH,
    serveClient: false,
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !deps.originAllowed(origin)) {
        deps.onOriginRejected();
        callback(`CORS not allowed: ${origin}`, false);
        return;
      }
      callback(null, true);
    },
  });
  const sockets = io.of('/').sockets;

  io.use((socket, next) => {
    const apiKey = handshakeKey(socket);
    const user = apiKey ? state.keys.get(apiKey) : undefined;
    if (!apiKey || !user || !state.users.has(user)) {
      deps.onUnauthorized();
      const error = new Error('unauthorized') as Error & { data?: unknown };
      error.data = { code: 1400, message: 'WebSocket unauthorized' };
      next(error);
      return;
    }
    const data: SocketData = { apiKey, user };
    socket.data = data;
    next();
  });

  io.on('connection', (socket) => {
    const { user: userName } = socket.data as SocketData;
    const user = state.users.get(userName);
    const isAdmin = user?.admin === true;
    void socket.join(userRoom(userName));
    socket.emit('welcome', { role: isAdmin ? 'admin' : 'user', isAdmin, version: world.options.version, registry: userName });

    socket.on('join', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (answer: JoinAnswer) => void) : undefined;
      const room = (args[0] as { room?: unknown } | null | undefined)?.room;
      const refuse = (code: number, message: string) => {
        socket.emit('error', { code, message, room });
        ack?.({ status: false, code, message, room });
      };
      if (typeof room !== 'string' || !SESSION_ID_PATTERN.test(room)) return refuse(1402, 'Room not found');
      const session = state.sessions.get(room);
      if (session && session.owner !== userName) return refuse(2201, 'Forbidden');
      const name = sessionRoom(room);
      if (socket.rooms.has(name)) return ack?.({ status: true, code: 1403, message: 'Already joined this room', room });
      void socket.join(name);
      ack?.({ status: true, code: 1000, message: 'Joined', room });
    });

    socket.on('leave', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (answer: JoinAnswer) => void) : undefined;
      const room = (args[0] as { room?: unknown } | null | undefined)?.room;
      if (typeof room === 'string') void socket.leave(sessionRoom(room));
      ack?.({ status: true, code: 1000, message: 'Left', room });
    });
  });

  world.onLiveEvent((owner, event) => {
    if (event.type === 'sessions_changed') {
      io.to(userRoom(owner)).emit('sessions_changed');
      return;
    }
    const members = io.of('/').adapter.rooms.get(sessionRoom(event.id));
    if (!members) return;
    const payload = payloadOf(event);
    for (const id of members) {
      const socket = sockets.get(id);
      // Only the owner's sockets: a room joined before another user created that session stays silent.
      if (socket && (socket.data as SocketData).user === owner) socket.emit(event.type, payload);
    }
  });

  const dropAll = () => {
    // Closing every engine.io client ends its socket.io sockets at once ("transport close" on the client side)…
    io.engine.close();
    // …and nothing upgraded may keep the port open (the HTTP server's own close misses upgraded sockets).
    for (const socket of rawSockets) socket.destroy();
    rawSockets.clear();
  };

  return {
    io,
    count: () => sockets.size,
    disconnectKeys(keys) {
      for (const socket of [...sockets.values()]) {
        if (keys.has((socket.data as SocketData).apiKey)) socket.disconnect(true);
      }
    },
    dropAll,
    async close() {
      dropAll();
      // Sockets are gone; io.close() also closes the engine and the HTTP server (a no-op error if already closed).
      await io.close();
    },
  };
}
