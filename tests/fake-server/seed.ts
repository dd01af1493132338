/**
 * Putting things into the fake world directly (no HTTP): the addSession / addGroup test controls.
 * demo-data.ts builds the demo on top of these.
 */
import { chatFor } from './chat-store';
import { newGroupJid, newInviteCode, newMessageId } from './ids';
import {
  makeAccount,
  meFor,
  newSessionRecord,
  nowSeconds,
  type Account,
  type BusinessProfile,
  type GroupRecord,
  type ParticipantRole,
  type Picture,
  type SessionRecord,
  type SessionStatus,
} from './state';
import type { FakeWorld } from './world';

export interface SessionSeed {
  id?: string;
  /** Default 'open'. connecting: waits for a QR scan; reconnecting: logged in but cut off; logged_out/starting: no credentials. */
  status?: SessionStatus;
  account?: Partial<Account>;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
  contacts?: Array<{ phone: string; name: string | null }>;
  business?: BusinessProfile | null;
  picture?: Picture | null;
  /** Start a QR cycle (default: only for status connecting). */
  waitForQr?: boolean;
}

export interface GroupSeed {
  jid?: string;
  subject?: string;
  desc?: string;
  /** The session account's role in the group (default superadmin, i.e. it created the group); 'none' keeps it out. */
  myRole?: ParticipantRole | 'none';
  /** The other participants; a name given here becomes their WhatsApp name in the fake world. */
  participants?: Array<{ phone: string; role?: ParticipantRole; name?: string }>;
  joinRequests?: Array<{ phone: string; requestMethod?: string; requestTime?: number; name?: string }>;
  owner?: string;
  restrict?: boolean;
  announce?: boolean;
  joinApprovalMode?: boolean;
  memberAddMode?: boolean;
  ephemeralExpiry?: number;
  inviteCode?: string;
  picture?: Picture | null;
  /** Unix seconds. */
  creation?: number;
}

const WITH_CREDENTIALS: ReadonlySet<SessionStatus> = new Set(['open', 'reconnecting', 'replaced', 'stopped']);

export function addSession(world: FakeWorld, user: string, seed: SessionSeed = {}): SessionRecord {
  if (!world.state.users.has(user)) throw new Error(`addSession: unknown user "${user}"`);
  const id = seed.id ?? `session-${world.state.sessions.size + 1}`;
  if (world.state.sessions.has(id)) throw new Error(`addSession: session "${id}" already exists`);
  const status = seed.status ?? 'open';
  const session = newSessionRecord(id, user, makeAccount(id, seed.account));
  Object.assign(session, {
    status,
    webhookUrl: seed.webhookUrl ?? null,
    webhookSecret: seed.webhookSecret ?? null,
    business: seed.business ?? null,
    picture: seed.picture ?? null,
  });
  for (const contact of seed.contacts ?? []) session.contacts.set(contact.phone, contact);
  if (WITH_CREDENTIALS.has(status)) {
    session.me = meFor(session.account);
    session.pushName = session.account.pushName;
    session.lastConn = new Date().toISOString();
    session.networkDown = status === 'reconnecting';
  }
  world.state.sessions.set(id, session);
  if (seed.waitForQr ?? status === 'connecting') world.startQrCycle(session);
  world.emit(user, { type: 'sessions_changed' });
  return session;
}

export function addGroup(world: FakeWorld, user: string, sessionId: string, seed: GroupSeed = {}): GroupRecord {
  const session = world.state.sessions.get(sessionId);
  if (!session || session.owner !== user) throw new Error(`addGroup: user "${user}" has no session "${sessionId}"`);
  const me = session.account.phone;
  const myRole = seed.myRole ?? 'superadmin';
  const participants = [
    ...(myRole === 'none' ? [] : [{ phone: me, role: myRole }]),
    ...(seed.participants ?? []).filter((participant) => participant.phone !== me).map((participant) => ({ phone: participant.phone, role: participant.role ?? ('member' as const) })),
  ];
  for (const entry of [...(seed.participants ?? []), ...(seed.joinRequests ?? [])]) {
    if (entry.name && !world.state.people.has(entry.phone)) world.state.people.set(entry.phone, { phone: entry.phone, name: entry.name, about: null, business: null });
  }
  const owner = seed.owner ?? participants.find((participant) => participant.role === 'superadmin')?.phone ?? participants[0]?.phone ?? me;
  const creation = seed.creation ?? nowSeconds() - 30 * 86400;
  const group: GroupRecord = {
    jid: seed.jid ?? newGroupJid(),
    subject: seed.subject ?? `Group ${world.state.groups.size + 1}`,
    subjectOwner: owner,
    subjectTime: creation,
    creation,
    owner,
    desc: seed.desc ?? '',
    descId: seed.desc ? newMessageId() : '',
    descOwner: owner,
    descTime: creation,
    restrict: seed.restrict ?? false,
    announce: seed.announce ?? false,
    joinApprovalMode: seed.joinApprovalMode ?? false,
    memberAddMode: seed.memberAddMode ?? false,
    ephemeralExpiry: seed.ephemeralExpiry ?? 0,
    inviteCode: seed.inviteCode ?? newInviteCode(),
    picture: seed.picture ?? null,
    participants,
    joinRequests: (seed.joinRequests ?? []).map((request) => ({
      phone: request.phone,
      requestMethod: request.requestMethod ?? 'invite_link',
      requestTime: request.requestTime ?? nowSeconds() - 3600,
    })),
  };
  world.state.groups.set(group.jid, group);
  // Every session whose account is in the group gets its (empty) chat, as WhatsApp creates one.
  for (const other of world.state.sessions.values()) {
    if (participants.some((participant) => participant.phone === other.account.phone)) chatFor(world, other, group.jid, true);
  }
  return group;
}
