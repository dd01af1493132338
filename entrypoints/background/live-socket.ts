import {
  connectFrame,
  DISCONNECT_FRAME,
  eventFrame,
  PONG_FRAME,
  readFrame,
  reconnectDelayMs,
  socketIoUrl,
} from '@/lib/socket-io-wire';

/**
 * A Socket.IO client over the browser's WebSocket, with the behaviour live-connections.ts relies
 * on from socket.io-client (websocket transport, reconnection on):
 *
 * - `connect_error` when a handshake fails: an Error with `data` when the server's middleware
 *   refused it (the socket then stays down), `type: 'TransportError'` and the message
 *   "websocket error" when the WebSocket itself failed (it tries again after a pause);
 * - `disconnect` with "io server disconnect" when the server ends the socket (it stays down),
 *   "transport close" or "ping timeout" when the connection drops (it reconnects: 1 s doubling
 *   up to 5 s; each failed attempt is a `connect_error`);
 * - server events as they come; emits made before the socket is connected wait for it.
 */

export interface SocketEndpoint {
  url: string;
  path: string;
  apiKey: string;
}

export interface LiveSocketLike {
  on(event: string, listener: (...args: unknown[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
  close(): void;
}

/** What is used of a WebSocket (the browser's, or the `ws` package's in unit tests). */
interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

const OPEN = 1;

export function openSocketIo(
  { url, path, apiKey }: SocketEndpoint,
  { WebSocketImpl = globalThis.WebSocket as unknown as WebSocketConstructor, random = Math.random }: { WebSocketImpl?: WebSocketConstructor; random?: () => number } = {},
): LiveSocketLike {
  const address = socketIoUrl(url, path);
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const waiting: string[] = [];
  let ws: WebSocketLike | null = null;
  let connected = false;
  /** Down for good: closed by us, or ended or refused by the server. */
  let stopped = false;
  let attempts = 0;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let heartbeatMs = 0;

  const fire = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
  };

  const send = (frame: string) => {
    if (ws?.readyState === OPEN) ws.send(frame);
  };

  const stopTimers = () => {
    clearTimeout(heartbeat);
    clearTimeout(retry);
  };

  /** Ends the current WebSocket without its close being taken for a drop. */
  const drop = () => {
    const current = ws;
    ws = null;
    if (!current) return;
    current.onopen = current.onmessage = current.onerror = current.onclose = null;
    try {
      current.close();
    } catch {
      // already closed
    }
  };

  /** The connection went away: say so, and try again unless the socket is down for good. */
  const lost = (reason: string) => {
    clearTimeout(heartbeat);
    drop();
    if (stopped) return;
    if (connected) {
      connected = false;
      fire('disconnect', reason);
    } else {
      fire('connect_error', Object.assign(new Error('websocket error'), { type: 'TransportError' })); // i18n-exempt: socket.io's reason codes
    }
    if (stopped) return; // a listener closed it
    retry = setTimeout(open, reconnectDelayMs(attempts, random()));
    attempts += 1;
  };

  const alive = () => {
    clearTimeout(heartbeat);
    if (heartbeatMs > 0) heartbeat = setTimeout(() => lost('ping timeout'), heartbeatMs); // i18n-exempt: socket.io's reason codes
  };

  const receive = (text: string) => {
    const frame = readFrame(text);
    switch (frame.kind) {
      case 'open':
        heartbeatMs = frame.pingInterval + frame.pingTimeout;
        alive();
        send(connectFrame({ apiKey }));
        return;
      case 'ping':
        alive();
        send(PONG_FRAME);
        return;
      case 'close':
        lost('transport close'); // i18n-exempt: socket.io's reason codes
        return;
      case 'connect':
        connected = true;
        attempts = 0;
        fire('connect');
        for (const queued of waiting.splice(0)) send(queued);
        return;
      case 'connect-error':
        stopped = true;
        stopTimers();
        drop();
        fire('connect_error', Object.assign(new Error(frame.message), { data: frame.data }));
        return;
      case 'disconnect':
        stopped = true;
        stopTimers();
        drop();
        connected = false;
        fire('disconnect', 'io server disconnect'); // i18n-exempt: socket.io's reason codes
        return;
      case 'event':
        fire(frame.name, ...frame.args);
        return;
      case 'ignored':
        return;
    }
  };

  function open(): void {
    if (stopped) return;
    let socket: WebSocketLike;
    try {
      socket = new WebSocketImpl(address);
    } catch (error) {
      // A malformed address or a blocked port: said like any transport failure, tried again.
      queueMicrotask(() => lost(error instanceof Error ? error.message : 'websocket error')); // i18n-exempt: socket.io's reason codes
      return;
    }
    ws = socket;
    socket.onmessage = (event) => {
      if (ws === socket && typeof event.data === 'string') receive(event.data);
    };
    socket.onerror = () => undefined; // the close that always follows says it
    socket.onclose = () => {
      if (ws === socket) lost('transport close'); // i18n-exempt: socket.io's reason codes
    };
  }

  open();
  return {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    emit(event, ...args) {
      const frame = eventFrame(event, args);
      if (connected) send(frame);
      else waiting.push(frame);
    },
    close() {
      if (stopped) return;
      stopped = true;
      stopTimers();
      if (connected) send(DISCONNECT_FRAME);
      connected = false;
      drop();
    },
  };
}
