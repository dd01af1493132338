/**
 * What a handler receives, and the guards every route shares: which session the request names,
 * whether the caller owns it, whether it is logged in, whether the account may administer a group.
 */
import { ApiError, type Reply } from './envelope';
import { toGroupJid } from './ids';
import type { OperationSpec } from './spec';
import { participantOf, type GroupParticipant, type GroupRecord, type SessionRecord, type UserRecord } from './state';
import type { FakeWorld } from './world';

export interface HandlerContext {
  world: FakeWorld;
  op: OperationSpec;
  /** The user the API key belongs to. */
  user: UserRecord;
  query: Record<string, string>;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** The JSON object body, or the multipart text fields coerced to their schema types; {} when none. */
  body: Record<string, unknown>;
  /** Multipart file parts by field name. */
  files: Map<string, File[]>;
  /** The raw bytes of an application/octet-stream upload. */
  rawBody: Uint8Array | null;
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
export type HandlerMap = Record<string, Handler>;

export function str(source: Record<string, unknown>, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

export function bool(source: Record<string, unknown>, key: string): boolean | undefined {
  const value = source[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function num(source: Record<string, unknown>, key: string): number | undefined {
  const value = source[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function obj(source: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = source[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A query parameter as a number or boolean (already type-checked by validation). */
export function queryInt(ctx: HandlerContext, name: string, fallback: number): number {
  const raw = ctx.query[name];
  return raw === undefined ? fallback : Number.parseInt(raw, 10);
}

export function queryBool(ctx: HandlerContext, name: string): boolean | undefined {
  const raw = ctx.query[name];
  return raw === undefined ? undefined : raw === 'true' || raw === '1';
}

/**
 * The session a request names: path `{sessionId}`, query `sessionId` (or its documented aliases
 * `id` / `session`), or body `sessionId`.
 */
export function sessionIdOf(ctx: HandlerContext): string {
  const id = ctx.params.sessionId ?? ctx.query.sessionId ?? ctx.query.id ?? ctx.query.session ?? str(ctx.body, 'sessionId');
  if (!id) throw new ApiError(1100, 'sessionId is required');
  return id;
}

/** Routes that answer a registered but not open session as not found (README fact 7). */
const NOT_OPEN_IS_NOT_FOUND: ReadonlySet<string> = new Set(['Messages - Sending', 'Messages - Actions', 'Chats']);

/** 404 code 1101, in the envelope the route answers with (`result: null` on the chat routes). */
function sessionNotFound(ctx: HandlerContext): ApiError {
  return new ApiError(1101, 'Session not found', null, ctx.op.tag === 'Chats' ? 'result' : 'results');
}

/** The named session, if the caller owns it: 404 code 1101 when unknown, 403 code 2201 when another user's. */
export function ownedSession(ctx: HandlerContext, id: string = sessionIdOf(ctx)): SessionRecord {
  const session = ctx.world.state.sessions.get(id);
  if (!session) throw sessionNotFound(ctx);
  if (session.owner !== ctx.user.name) throw new ApiError(2201, 'Forbidden');
  return session;
}

/**
 * As ownedSession, and logged in. Any other status (starting, connecting, reconnecting,
 * logged_out, stopped, replaced) answers as a stock server does (README fact 7): the Messages and
 * Chats routes with 404 code 1101 "Session not found", every other route with 409 code 1106.
 */
export function loggedInSession(ctx: HandlerContext, id?: string): SessionRecord {
  const session = ownedSession(ctx, id);
  if (session.status !== 'open' || !session.me) {
    if (NOT_OPEN_IS_NOT_FOUND.has(ctx.op.tag)) throw sessionNotFound(ctx);
    throw new ApiError(1106, 'Login required (scan QR or pairing)');
  }
  return session;
}

export interface GroupAccess {
  group: GroupRecord;
  me: GroupParticipant;
}

/** A group the session's account belongs to; groups it is not in are invisible to it (404 code 2604). */
export function groupOf(ctx: HandlerContext, session: SessionRecord, groupId: string): GroupAccess {
  const group = ctx.world.state.groups.get(toGroupJid(groupId));
  const me = group ? participantOf(group, session.account.phone) : undefined;
  if (!group || !me) throw new ApiError(2604, 'Group not found');
  return { group, me };
}

export function isAdmin(participant: GroupParticipant): boolean {
  return participant.role === 'admin' || participant.role === 'superadmin';
}

/** WhatsApp refuses admin-only changes from plain members: 403 code 5008. */
export function requireGroupAdmin(access: GroupAccess): void {
  if (!isAdmin(access.me)) throw new ApiError(5008, 'Operation requires admin privileges');
}
