/**
 * Everything the fake server remembers, as plain data so tests can inspect it (`server.state`).
 * Timers live elsewhere (the world's runtime), never in here.
 *
 * Model: sessions are registered per user (the owner of the API key that created them) in one
 * server-wide namespace. Each session has the WhatsApp account that is (or will be, once the
 * phone scans) logged in to it, its own chats, contacts and profile. Groups are shared by the
 * whole fake WhatsApp: a session sees the groups its account is a participant of.
 */
import { lidFor, phoneForSession, userJid } from './ids';

export const SESSION_STATUSES = ['starting', 'connecting', 'open', 'reconnecting', 'replaced', 'logged_out', 'stopped'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface ApiKeyRecord {
  key: string;
  user: string;
  admin?: boolean;
}

export interface UserRecord {
  name: string;
  admin: boolean;
}

/** The WhatsApp account behind a session. */
export interface Account {
  phone: string;
  pushName: string;
  lid: string;
  about: string | null;
}

/** `me` as the session list shows it once logged in. */
export interface SessionMe {
  id: string;
  name: string;
  lid: string;
}

export type LoginWait =
  | { kind: 'qr'; qrString: string; qrDataUrl: string; issuedAt: number; count: number }
  | { kind: 'pair'; code: string; phone: string; issuedAt: number };

export interface PrivacySettings {
  readReceipts: string;
  profilePhoto: string;
  status: string;
  online: string;
  lastSeen: string;
  groupAdd: string;
  callAdd: string;
  stickers: string;
  messages: string;
}

export interface Picture {
  id: string;
  url: string;
}

export interface BusinessProfile {
  description: string | null;
  email: string | null;
  address: string | null;
  categories: string[];
  websites: string[];
  businessHoursTimezone: string | null;
}

export interface Reaction {
  from: string;
  emoji: string;
  timestamp: number;
}

export interface MediaInfo {
  url: string | null;
  mimeType: string | null;
  fileName: string | null;
  fileSize: number | null;
}

export interface PollInfo {
  question: string;
  options: string[];
  maxSelection: number;
}

export interface MessageRecord {
  id: string;
  chatJid: string;
  senderJid: string;
  fromMe: boolean;
  messageType: string;
  body: string | null;
  /** Unix seconds. */
  timestamp: number;
  mediaType: string | null;
  media: MediaInfo | null;
  details: Record<string, unknown> | null;
  quotedMessageId: string | null;
  mentionedJids: string[];
  reactions: Reaction[];
  starred: boolean;
  pinned: boolean;
  read: boolean;
  isEdited: boolean;
  isDeleted: boolean;
  deletedAt: number | null;
  poll: PollInfo | null;
  updatedAt: number;
}

export interface ChatRecord {
  jid: string;
  name: string | null;
  isGroup: boolean;
  unreadCount: number;
  archived: boolean;
  /** Unix seconds when pinned, null when not pinned. */
  pinnedAt: number | null;
  /** Unix seconds until which the chat is muted, null when not muted. */
  mutedUntil: number | null;
  ephemeralExpiry: number;
  createdAt: number;
  updatedAt: number;
  /** Oldest first. */
  messages: MessageRecord[];
}

export interface Contact {
  phone: string;
  name: string | null;
}

export interface SessionRecord {
  id: string;
  owner: string;
  status: SessionStatus;
  account: Account;
  /** Set while WhatsApp credentials exist (logged in at least once and not logged out). */
  me: SessionMe | null;
  pushName: string | null;
  lastConn: string | null;
  createdAt: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
  /** How the session waits for the phone: a rotating QR or a pairing code; null when not waiting. */
  login: LoginWait | null;
  /** Simulated loss of connectivity to WhatsApp (phone.drop): the session stays `reconnecting`. */
  networkDown: boolean;
  device: string;
  picture: Picture | null;
  privacy: PrivacySettings;
  business: BusinessProfile | null;
  contacts: Map<string, Contact>;
  chats: Map<string, ChatRecord>;
}

export type ParticipantRole = 'superadmin' | 'admin' | 'member';

export interface GroupParticipant {
  phone: string;
  role: ParticipantRole;
}

export interface JoinRequest {
  phone: string;
  requestMethod: string;
  requestTime: number;
}

export interface GroupRecord {
  jid: string;
  subject: string;
  subjectOwner: string;
  subjectTime: number;
  creation: number;
  owner: string;
  desc: string;
  descId: string;
  descOwner: string;
  descTime: number;
  /** "locked": only admins may edit the group info. */
  restrict: boolean;
  /** "announcement": only admins may send messages. */
  announce: boolean;
  joinApprovalMode: boolean;
  /** true: every member may add participants. */
  memberAddMode: boolean;
  ephemeralExpiry: number;
  inviteCode: string;
  picture: Picture | null;
  participants: GroupParticipant[];
  joinRequests: JoinRequest[];
}

/** Someone in the fake WhatsApp: a name and profile details for numbers that are not sessions. */
export interface Person {
  phone: string;
  name: string | null;
  about: string | null;
  business: BusinessProfile | null;
}

export interface StoredBlob {
  mimeType: string;
  bytes: Uint8Array;
  createdAt: number;
}

export interface ServerRuntimeState {
  /** Unix ms when the (simulated) server process started; a simulated restart resets it. */
  startedAt: number;
  restartPending: { scheduledAt: string; strategy: string } | null;
  restartCount: number;
  scheduledRestart: { time: string; timezone: string } | null;
  /** The server's configured time zone; the stock configuration's (Asia/Jakarta) when absent. */
  timezone?: string;
}

export interface FakeState {
  users: Map<string, UserRecord>;
  /** API key → user name. */
  keys: Map<string, string>;
  sessions: Map<string, SessionRecord>;
  groups: Map<string, GroupRecord>;
  people: Map<string, Person>;
  /** Files the fake "hosts" (QR images, converted media), served under /media/<key>. */
  blobs: Map<string, StoredBlob>;
  server: ServerRuntimeState;
  /** Every message the send routes delivered, one per recipient, in order (see FakeWarest.sentMessages). */
  sent: SentRecord[];
  /** The server's clock (epoch ms): FakeWarestOptions.clock, else Date.now. */
  now: () => number;
}

/** One message a send route delivered to one recipient. */
export interface SentRecord {
  sessionId: string;
  /** The recipient's JID (e.g. 628…@s.whatsapp.net or a group's). */
  to: string;
  messageId: string;
  messageType: string;
  /** The text, or the caption of a file. */
  body: string | null;
  /** Whether the send asked for "typing…" first (the `presence` option). */
  presence: boolean;
  /** Epoch ms when the server delivered it. */
  at: number;
}

export function createState(keys: readonly ApiKeyRecord[], now: () => number = Date.now): FakeState {
  const state: FakeState = {
    users: new Map(),
    keys: new Map(),
    sessions: new Map(),
    groups: new Map(),
    people: new Map(),
    blobs: new Map(),
    server: { startedAt: Date.now(), restartPending: null, restartCount: 0, scheduledRestart: null },
    sent: [],
    now,
  };
  for (const entry of keys) {
    const existing = state.users.get(entry.user);
    state.users.set(entry.user, { name: entry.user, admin: (existing?.admin ?? false) || entry.admin === true });
    state.keys.set(entry.key, entry.user);
  }
  return state;
}

export const DEFAULT_PRIVACY: PrivacySettings = {
  readReceipts: 'all',
  profilePhoto: 'contacts',
  status: 'contacts',
  online: 'all',
  lastSeen: 'contacts',
  groupAdd: 'all',
  callAdd: 'all',
  stickers: 'contacts',
  messages: 'all',
};

export function makeAccount(sessionId: string, partial: Partial<Account> = {}): Account {
  const phone = partial.phone ?? phoneForSession(sessionId);
  return {
    phone,
    pushName: partial.pushName ?? `WARest ${sessionId}`,
    lid: partial.lid ?? lidFor(phone),
    about: partial.about ?? 'Hey there! I am using WhatsApp.',
  };
}

export function meFor(account: Account): SessionMe {
  return { id: userJid(account.phone), name: account.pushName, lid: account.lid };
}

export function newSessionRecord(id: string, owner: string, account: Account, now: Date = new Date()): SessionRecord {
  return {
    id,
    owner,
    status: 'connecting',
    account,
    me: null,
    pushName: null,
    lastConn: null,
    createdAt: now.toISOString(),
    webhookUrl: null,
    webhookSecret: null,
    login: null,
    networkDown: false,
    device: 'android',
    picture: null,
    privacy: { ...DEFAULT_PRIVACY },
    business: null,
    contacts: new Map(),
    chats: new Map(),
  };
}

export function newChat(jid: string, name: string | null, isGroup: boolean, nowSec: number): ChatRecord {
  return { jid, name, isGroup, unreadCount: 0, archived: false, pinnedAt: null, mutedUntil: null, ephemeralExpiry: 0, createdAt: nowSec, updatedAt: nowSec, messages: [] };
}

export function newMessage(fields: Pick<MessageRecord, 'id' | 'chatJid' | 'senderJid' | 'fromMe' | 'messageType' | 'body' | 'timestamp'> & Partial<MessageRecord>): MessageRecord {
  return {
    mediaType: null,
    media: null,
    details: null,
    quotedMessageId: null,
    mentionedJids: [],
    reactions: [],
    starred: false,
    pinned: false,
    read: fields.fromMe,
    isEdited: false,
    isDeleted: false,
    deletedAt: null,
    poll: null,
    updatedAt: fields.timestamp,
    ...fields,
  };
}

/** Whether the account of a session is a participant of the group. */
export function participantOf(group: GroupRecord, phone: string): GroupParticipant | undefined {
  return group.participants.find((participant) => participant.phone === phone);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
