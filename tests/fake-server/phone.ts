/**
 * The phone on the other side of a session, for tests and the demo: scanning the QR, entering the
 * pairing code, logging out from the phone, losing and regaining the connection, or another
 * client taking the session over. Each does what README fact 5 says the real server then does.
 */
import type { Account, SessionMe, SessionRecord } from './state';
import type { FakeWorld } from './world';

export interface PhoneSimulator {
  /** Scans the QR a waiting session shows: it opens, logged in as its account (optionally overridden). */
  scan(sessionId: string, account?: Partial<Omit<Account, 'lid'>>): SessionMe;
  /** Enters the pairing code the session last issued: it opens as the number the code was issued for. */
  pair(sessionId: string): SessionMe;
  /** "Log out" on the phone: credentials are wiped, status logged_out, and a new QR cycle starts. */
  logout(sessionId: string): void;
  /** A transient loss of connectivity: status reconnecting, no `closed` event. */
  drop(sessionId: string): void;
  /** Connectivity is back: a session with credentials opens again. */
  restore(sessionId: string): void;
  /** Another client connected with the same credentials: status replaced. */
  replace(sessionId: string): void;
}

export function createPhone(world: FakeWorld): PhoneSimulator {
  const sessionOf = (sessionId: string): SessionRecord => {
    const session = world.state.sessions.get(sessionId);
    if (!session) throw new Error(`phone: no session "${sessionId}"`);
    return session;
  };

  return {
    scan(sessionId, account = {}) {
      const session = sessionOf(sessionId);
      if (session.login?.kind !== 'qr') throw new Error(`phone: session "${sessionId}" shows no QR to scan (status ${session.status})`);
      session.account = { ...session.account, ...account };
      return world.openSession(session);
    },

    pair(sessionId) {
      const session = sessionOf(sessionId);
      if (session.login?.kind !== 'pair') throw new Error(`phone: session "${sessionId}" has no pairing code to enter (status ${session.status})`);
      return world.openSession(session);
    },

    logout(sessionId) {
      const session = sessionOf(sessionId);
      if (!session.me) throw new Error(`phone: session "${sessionId}" is not logged in`);
      session.status = 'logged_out';
      session.me = null;
      session.pushName = null;
      session.networkDown = false;
      world.emit(session.owner, { type: 'closed', id: session.id, reason: 'logged_out' });
      world.emit(session.owner, { type: 'sessions_changed' });
      world.startQrCycle(session);
    },

    drop(sessionId) {
      const session = sessionOf(sessionId);
      session.networkDown = true;
      if (session.status === 'open') session.status = 'reconnecting';
    },

    restore(sessionId) {
      const session = sessionOf(sessionId);
      session.networkDown = false;
      if (session.status === 'reconnecting' && session.me) world.openSession(session);
    },

    replace(sessionId) {
      const session = sessionOf(sessionId);
      if (session.status !== 'open') throw new Error(`phone: session "${sessionId}" is not open`);
      session.status = 'replaced';
      world.emit(session.owner, { type: 'closed', id: session.id, reason: 'replaced' });
      world.emit(session.owner, { type: 'sessions_changed' });
    },
  };
}
