/**
 * The fake server's world: its state plus the moving parts around it (QR rotation timers, live
 * events, hosted files). Handlers, the phone simulator and the seeders all work through this.
 */
import { randomBytes } from 'node:crypto';
import { dataUrl, qrPng } from './png';
import { meFor, nowSeconds, type FakeState, type SessionMe, type SessionRecord } from './state';

/**
 * What the stock server pushes over Socket.IO (README fact 5), emitted at the moments the real
 * server emits them. live.ts subscribes with `onLiveEvent` and forwards them to the owner's
 * sockets / the session's room (without the `type` tag, which becomes the event name).
 */
export type LiveEvent =
  | { type: 'qr'; id: string; qr: string; qrDuration: number; qrDataUrl: string }
  | { type: 'pairing_code'; id: string; code: string }
  | { type: 'ready'; id: string; me: SessionMe }
  | { type: 'closed'; id: string; reason: string }
  | { type: 'sessions_changed' };

/** `owner` is the user the event concerns: `sessions_changed` goes to them, the rest to the session's room. */
export type LiveEventListener = (owner: string, event: LiveEvent) => void;

export interface WorldOptions {
  /** Seconds each QR stays valid before the next one replaces it (may be fractional in tests). */
  qrDuration: number;
  version: string;
}

export interface FakeWorld {
  readonly state: FakeState;
  readonly options: WorldOptions;
  /** Base URL the server is reachable at (for hosted-file links). */
  baseUrl(): string;
  emit(owner: string, event: LiveEvent): void;
  onLiveEvent(listener: LiveEventListener): () => void;
  /** Starts (or restarts) the QR cycle of a session that waits for a scan: a first QR now, a new one every qrDuration. */
  startQrCycle(session: SessionRecord): void;
  /** Ends any wait for login (QR rotation or pairing code). */
  stopLoginWait(session: SessionRecord): void;
  /** Marks a session logged in as its account and tells listeners, as a successful scan or pairing does. */
  openSession(session: SessionRecord): SessionMe;
  /** Hosts bytes under /media/<key> and returns the public URL. */
  host(bytes: Uint8Array, mimeType: string, extension: string): { key: string; url: string };
  /** Registers a timer that `stop()` clears. */
  track(timer: NodeJS.Timeout): NodeJS.Timeout;
  untrack(timer: NodeJS.Timeout): void;
  clearTimers(): void;
}

/** A QR payload shaped like WhatsApp's: ref, noise key, identity key and ADV secret, comma-separated. */
function newQrString(): string {
  const part = (size: number) => randomBytes(size).toString('base64');
  return `2@${part(48)},${part(32)},${part(32)},${part(32)}`;
}

export function createWorld(state: FakeState, options: WorldOptions, baseUrl: () => string): FakeWorld {
  const listeners = new Set<LiveEventListener>();
  const timers = new Set<NodeJS.Timeout>();
  const qrTimers = new Map<string, NodeJS.Timeout>();

  const world: FakeWorld = {
    state,
    options,
    baseUrl,
    emit(owner, event) {
      for (const listener of listeners) listener(owner, event);
    },
    onLiveEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startQrCycle(session) {
      world.stopLoginWait(session);
      const issue = (count: number): void => {
        // A rotation that fires after the session was deleted or logged in has nothing to do.
        if (state.sessions.get(session.id) !== session) return;
        if (count > 1 && session.login?.kind !== 'qr') return;
        const qrString = newQrString();
        const qrDataUrl = dataUrl('image/png', qrPng(qrString));
        session.login = { kind: 'qr', qrString, qrDataUrl, issuedAt: Date.now(), count };
        world.emit(session.owner, { type: 'qr', id: session.id, qr: qrString, qrDuration: reportedQrDuration(options.qrDuration), qrDataUrl });
        const timer = world.track(
          setTimeout(() => {
            world.untrack(timer);
            qrTimers.delete(session.id);
            issue(count + 1);
          }, options.qrDuration * 1000),
        );
        qrTimers.set(session.id, timer);
      };
      issue(1);
    },
    stopLoginWait(session) {
      const timer = qrTimers.get(session.id);
      if (timer) {
        clearTimeout(timer);
        world.untrack(timer);
        qrTimers.delete(session.id);
      }
      session.login = null;
    },
    openSession(session) {
      world.stopLoginWait(session);
      session.status = 'open';
      session.networkDown = false;
      const me = meFor(session.account);
      session.me = me;
      session.pushName = session.account.pushName;
      session.lastConn = new Date().toISOString();
      world.emit(session.owner, { type: 'ready', id: session.id, me });
      world.emit(session.owner, { type: 'sessions_changed' });
      return me;
    },
    host(bytes, mimeType, extension) {
      const day = new Date().toISOString().slice(0, 10);
      const key = `misc/${day}/${randomBytes(6).toString('hex')}.${extension}`;
      state.blobs.set(key, { mimeType, bytes, createdAt: nowSeconds() });
      return { key, url: `${baseUrl()}/media/${key}` };
    },
    track(timer) {
      timer.unref();
      timers.add(timer);
      return timer;
    },
    untrack(timer) {
      timers.delete(timer);
    },
    clearTimers() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      qrTimers.clear();
    },
  };
  return world;
}

/** The spec types qrDuration as an integer; fractional test durations are reported rounded up. */
export function reportedQrDuration(seconds: number): number {
  return Math.max(1, Math.ceil(seconds));
}
