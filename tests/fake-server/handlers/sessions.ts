/**
 * Sessions: create (QR), pair code, logout, reconnect, devices, webhook config, list, delete.
 * Lifecycle as README fact 6 describes it: a new ID registers and waits for a QR scan (202/1107);
 * an open one answers 200/1104; others report their state. QRs rotate every qrDuration seconds.
 */
import { type HandlerContext, type HandlerMap, ownedSession, sessionIdOf, str, bool } from '../context';
import { ApiError, envelope, ok } from '../envelope';
import { digitsOf, lidFor, newPairCode, PHONE_PATTERN } from '../ids';
import { makeAccount, newSessionRecord, type SessionRecord } from '../state';
import { reportedQrDuration } from '../world';

function baseResult(session: SessionRecord): Record<string, unknown> {
  return {
    registryUser: session.owner,
    sessionId: session.id,
    status: session.status,
    createdAt: session.createdAt,
    webhookUrl: session.webhookUrl,
    webhookSecret: session.webhookSecret,
  };
}

function qrResult(ctx: HandlerContext, session: SessionRecord): Record<string, unknown> {
  const login = session.login?.kind === 'qr' ? session.login : null;
  return {
    ...baseResult(session),
    qr: login?.qrDataUrl ?? null,
    qrString: login?.qrString ?? null,
    qrDuration: reportedQrDuration(ctx.world.options.qrDuration),
  };
}

function registerSession(ctx: HandlerContext, id: string, phone?: string): SessionRecord {
  const session = newSessionRecord(id, ctx.user.name, makeAccount(id, phone ? { phone } : {}));
  ctx.world.state.sessions.set(id, session);
  ctx.world.emit(session.owner, { type: 'sessions_changed' });
  return session;
}

function waitForQr(ctx: HandlerContext, session: SessionRecord) {
  if (session.login?.kind !== 'qr') {
    session.status = 'connecting';
    ctx.world.startQrCycle(session);
  }
  return envelope(1107, 'Scan the QR to continue', [qrResult(ctx, session)]);
}

export const sessionHandlers: HandlerMap = {
  getSessionCreate(ctx) {
    const id = sessionIdOf(ctx);
    const existing = ctx.world.state.sessions.get(id);
    if (!existing) {
      return waitForQr(ctx, registerSession(ctx, id));
    }
    const session = ownedSession(ctx, id);
    if (session.status === 'open') return envelope(1104, 'Session already open', [baseResult(session)]);
    if (session.networkDown || session.status === 'starting') return envelope(1110, 'Login is in progress', [baseResult(session)]);
    if (session.login?.kind === 'pair') return envelope(1110, 'Waiting for the pairing code to be entered on the phone', [{ ...baseResult(session), pairCode: session.login.code }]);
    if (session.me) {
      // Stored credentials (stopped, replaced, reconnecting): creating restarts the runtime, which logs straight back in.
      ctx.world.openSession(session);
      return envelope(1104, 'Session already open', [baseResult(session)]);
    }
    return waitForQr(ctx, session);
  },

  getSessionCreatePairCode(ctx) {
    const id = sessionIdOf(ctx);
    const phone = ctx.query.phone ?? '';
    if (!/^\d+$/.test(phone) || !PHONE_PATTERN.test(digitsOf(phone))) {
      throw new ApiError(2002, 'phone must be digits only, including the country code (8-15 digits)');
    }
    const session = ctx.world.state.sessions.has(id) ? ownedSession(ctx, id) : registerSession(ctx, id, phone);
    if (session.status === 'open') return envelope(1104, 'Session already open', [{ registryUser: session.owner, sessionId: session.id, status: 'open' }]);
    ctx.world.stopLoginWait(session);
    if (session.account.phone !== phone) session.account = { ...session.account, phone, lid: lidFor(phone) };
    const code = newPairCode();
    session.login = { kind: 'pair', code, phone, issuedAt: Date.now() };
    session.status = 'connecting';
    ctx.world.emit(session.owner, { type: 'pairing_code', id: session.id, code });
    return ok('Pair code generated', [{ registryUser: session.owner, sessionId: session.id, pairCode: code }]);
  },

  getSessionLogout(ctx) {
    const session = ownedSession(ctx);
    const wasLoggedIn = session.me !== null;
    ctx.world.stopLoginWait(session);
    session.status = 'logged_out';
    session.me = null;
    session.pushName = null;
    session.networkDown = false;
    if (wasLoggedIn) ctx.world.emit(session.owner, { type: 'closed', id: session.id, reason: 'logged_out' });
    ctx.world.emit(session.owner, { type: 'sessions_changed' });
    return ok('Logout success', [{ sessionId: session.id, steps: { runtime: true, creds: true } }]);
  },

  getSessionReconnect(ctx) {
    const session = ownedSession(ctx);
    if (session.networkDown) session.status = 'reconnecting'; // WhatsApp still unreachable: keeps retrying
    else if (session.me) ctx.world.openSession(session);
    else {
      session.status = 'connecting';
      ctx.world.startQrCycle(session);
    }
    return envelope(1109, 'Reconnect scheduled', null);
  },

  getSessionDevices(ctx) {
    const session = ownedSession(ctx);
    // The schema types `device` as an object and name/phone as strings (its examples show a bare
    // string and nulls): the schema wins, so a session that is not logged in omits name and phone.
    const device = session.status === 'open' && session.me
      ? { name: session.account.pushName, phone: session.account.phone, device: { platform: session.device, browser: 'WARest' } }
      : { device: { platform: null, browser: 'WARest' } };
    return ok('Device Info', [device]);
  },

  postSessionSessionIdConfig(ctx) {
    const session = ownedSession(ctx);
    const webhookUrl = str(ctx.body, 'webhookUrl') ?? '';
    const webhookSecret = str(ctx.body, 'webhookSecret') ?? null;
    let target: URL;
    try {
      target = new URL(webhookUrl);
    } catch {
      throw new ApiError(1201, 'Invalid webhook URL');
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new ApiError(1201, 'Invalid webhook URL');
    // No network here: a preflight "reaches" every host except the reserved .invalid ones.
    if (bool(ctx.body, 'preflight') === true && target.hostname.endsWith('.invalid')) {
      throw new ApiError(2000, 'Webhook preflight failed', [{ results: [{ target: webhookUrl, ok: false, error: `getaddrinfo ENOTFOUND ${target.hostname}`, roundTripMs: 3 }] }]);
    }
    session.webhookUrl = webhookUrl;
    session.webhookSecret = webhookSecret;
    return ok('Config updated', [{ registryUser: session.owner, sessionId: session.id, webhookUrl, webhookSecret }]);
  },

  getSessionList(ctx) {
    const items = [...ctx.world.state.sessions.values()]
      .filter((session) => session.owner === ctx.user.name)
      .map((session) => ({ id: session.id, status: session.status, me: session.me, pushName: session.pushName, lastConn: session.lastConn }));
    return ok('Sessions fetched', [{ items }]);
  },

  deleteSessionDelete(ctx) {
    const session = ownedSession(ctx);
    ctx.world.stopLoginWait(session);
    ctx.world.state.sessions.delete(session.id);
    if (session.status === 'open') ctx.world.emit(session.owner, { type: 'closed', id: session.id, reason: 'deleted' });
    ctx.world.emit(session.owner, { type: 'sessions_changed' });
    return ok('Session deleted', [{ sessionId: session.id, steps: { runtime: true, creds: true, meta: true } }]);
  },
};
