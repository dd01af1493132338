/**
 * Groups: list, info, settings (name, description, picture, locked, announcement), invite links,
 * join, create, leave, delete. Admin rights as in WhatsApp: settings and invites need an admin;
 * name, description and picture need one only while the group is locked (`restrict`).
 * Participant management is in groups-participants.ts.
 */
import { chatFor, personFor } from '../chat-store';
import { type GroupAccess, type HandlerContext, type HandlerMap, bool, groupOf, isAdmin, loggedInSession, requireGroupAdmin, str } from '../context';
import { ApiError, envelope, ok } from '../envelope';
import { countryOf, inviteCodeOf, inviteLinkFor, lidFor, newGroupJid, newInviteCode, newMessageId, parseRecipient, userJid } from '../ids';
import { parseDataUri } from '../png';
import { nowSeconds, participantOf, type GroupParticipant, type GroupRecord, type SessionRecord } from '../state';
import type { FakeWorld } from '../world';

const SUBJECT_LIMIT = 100;
const DESCRIPTION_LIMIT = 2048;

export function groupInfo(group: GroupRecord): Record<string, unknown> {
  return {
    id: group.jid,
    addressingMode: 'lid',
    subject: group.subject,
    subjectOwner: group.subjectOwner,
    subjectOwnerJid: userJid(group.subjectOwner),
    subjectTime: group.subjectTime,
    creation: group.creation,
    owner: group.owner,
    ownerJid: userJid(group.owner),
    owner_country_code: countryOf(group.owner) ?? '',
    desc: group.desc,
    descId: group.descId,
    descOwner: group.descOwner,
    descOwnerJid: userJid(group.descOwner),
    descTime: group.descTime,
    restrict: group.restrict,
    announce: group.announce,
    isCommunity: false,
    isCommunityAnnounce: false,
    joinApprovalMode: group.joinApprovalMode,
    memberAddMode: group.memberAddMode,
    participantsCount: group.participants.length,
  };
}

export function serializeParticipant(world: FakeWorld, session: SessionRecord, participant: GroupParticipant): Record<string, unknown> {
  const lid = lidFor(participant.phone);
  return {
    id: lid,
    jid: userJid(participant.phone),
    lid,
    isMe: participant.phone === session.account.phone,
    isAdmin: isAdmin(participant),
    isSuperAdmin: participant.role === 'superadmin',
    name: personFor(world, session, participant.phone).name,
  };
}

/** The group named by query `groupId` (GET routes) or body `groupId` (the others). */
export function accessGroup(ctx: HandlerContext): { session: SessionRecord } & GroupAccess {
  const session = loggedInSession(ctx);
  const groupId = ctx.query.groupId ?? str(ctx.body, 'groupId') ?? '';
  return { session, ...groupOf(ctx, session, groupId) };
}

export function groupResult(session: SessionRecord, group: GroupRecord, extra: Record<string, unknown> = {}) {
  return { sessionId: session.id, phone: session.account.phone, groupId: group.jid, ...extra };
}

/** Name, description and picture: anyone may change them unless the group is locked. */
function requireInfoEditor(access: GroupAccess): void {
  if (access.group.restrict) requireGroupAdmin(access);
}

function pictureFrom(ctx: HandlerContext, picture: string): { id: string; url: string } {
  const id = newMessageId().slice(4, 14);
  const dataUri = parseDataUri(picture);
  if (dataUri) return { id, url: ctx.world.host(dataUri.bytes, dataUri.mimeType, dataUri.mimeType === 'image/png' ? 'png' : 'jpg').url };
  if (/^https?:\/\//i.test(picture)) return { id, url: picture };
  if (/^[A-Za-z0-9+/\s]+={0,2}$/.test(picture)) return { id, url: ctx.world.host(Buffer.from(picture, 'base64'), 'image/jpeg', 'jpg').url };
  throw new ApiError(2002, 'picture must be a URL, a data URI or base64 image data');
}

/** Removes a participant; when the last admin leaves, WhatsApp makes the longest-standing member admin. */
export function removeParticipant(world: FakeWorld, group: GroupRecord, phone: string): void {
  group.participants = group.participants.filter((participant) => participant.phone !== phone);
  if (group.participants.length === 0) world.state.groups.delete(group.jid);
  else if (!group.participants.some(isAdmin)) {
    const heir = group.participants[0];
    if (heir) heir.role = 'admin';
  }
}

function findByInvite(ctx: HandlerContext, inviteLink: string): GroupRecord {
  const code = inviteCodeOf(inviteLink);
  const group = [...ctx.world.state.groups.values()].find((candidate) => candidate.inviteCode === code);
  if (!group) throw new ApiError(2604, 'Invite link is invalid or has been revoked');
  return group;
}

export const groupHandlers: HandlerMap = {
  getGroups(ctx) {
    const session = loggedInSession(ctx);
    const groups = [...ctx.world.state.groups.values()].filter((group) => participantOf(group, session.account.phone));
    return ok('Groups listed', [{ sessionId: session.id, phone: session.account.phone, data: groups.map(groupInfo) }]);
  },

  getGroupInfo(ctx) {
    const { session, group } = accessGroup(ctx);
    const participants = group.participants.map((participant) => serializeParticipant(ctx.world, session, participant));
    return ok('Group info retrieved', [{ sessionId: session.id, phone: session.account.phone, data: { ...groupInfo(group), participants } }]);
  },

  getGroupPicture(ctx) {
    const { session, group } = accessGroup(ctx);
    return ok('Group picture', [groupResult(session, group, { pictureUrl: group.picture?.url ?? null })]);
  },

  postGroupPicture(ctx) {
    const access = accessGroup(ctx);
    requireInfoEditor(access);
    access.group.picture = pictureFrom(ctx, str(ctx.body, 'picture') ?? '');
    return ok('Group picture updated', [groupResult(access.session, access.group, { pictureUrl: access.group.picture.url, status: 'success update group picture' })]);
  },

  deleteGroupPicture(ctx) {
    const access = accessGroup(ctx);
    requireInfoEditor(access);
    access.group.picture = null;
    return ok('Group picture removed', [groupResult(access.session, access.group, { status: 'success remove group picture' })]);
  },

  postGroupName(ctx) {
    const access = accessGroup(ctx);
    requireInfoEditor(access);
    const groupName = (str(ctx.body, 'groupName') ?? '').trim();
    if (!groupName) throw new ApiError(2002, 'groupName must not be empty');
    if (groupName.length > SUBJECT_LIMIT) throw new ApiError(5009, `Group subject exceeds ${SUBJECT_LIMIT} characters`);
    Object.assign(access.group, { subject: groupName, subjectOwner: access.session.account.phone, subjectTime: nowSeconds() });
    const chat = chatFor(ctx.world, access.session, access.group.jid);
    if (chat) chat.name = groupName;
    return ok('Group name updated', [groupResult(access.session, access.group, { groupName, status: 'success update group name' })]);
  },

  postGroupDescription(ctx) {
    const access = accessGroup(ctx);
    requireInfoEditor(access);
    const groupDescription = str(ctx.body, 'groupDescription') ?? '';
    if (groupDescription.length > DESCRIPTION_LIMIT) throw new ApiError(5010, `Group description exceeds ${DESCRIPTION_LIMIT} characters`);
    Object.assign(access.group, { desc: groupDescription, descId: newMessageId(), descOwner: access.session.account.phone, descTime: nowSeconds() });
    return ok('Group description updated', [groupResult(access.session, access.group, { groupDescription, status: 'success update group description' })]);
  },

  postGroupLocked(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    access.group.restrict = bool(ctx.body, 'locked') === true;
    return ok(`Group ${access.group.restrict ? 'locked' : 'unlocked'}`, [groupResult(access.session, access.group, { status: `success ${access.group.restrict ? 'lock' : 'unlock'} group` })]);
  },

  postGroupAnnouncement(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    access.group.announce = bool(ctx.body, 'announcement') === true;
    return ok(`Group announcement ${access.group.announce ? 'enabled' : 'disabled'}`, [groupResult(access.session, access.group, { status: `success ${access.group.announce ? 'enable' : 'disable'} announcement` })]);
  },

  getGroupInvite(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    return ok('Invite link fetched', [groupResult(access.session, access.group, { inviteLink: inviteLinkFor(access.group.inviteCode) })]);
  },

  postGroupInviteRevoke(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    access.group.inviteCode = newInviteCode();
    return ok('Invite link revoked', [groupResult(access.session, access.group, { inviteLink: inviteLinkFor(access.group.inviteCode), status: 'success revoke invite link' })]);
  },

  postGroupJoinViaLink(ctx) {
    const session = loggedInSession(ctx);
    const group = findByInvite(ctx, str(ctx.body, 'inviteLink') ?? '');
    const phone = session.account.phone;
    const base = { sessionId: session.id, phone, groupId: group.jid };
    if (participantOf(group, phone)) return ok('Joined group via link', [{ ...base, status: 'already a participant' }]);
    if (group.joinApprovalMode) {
      if (!group.joinRequests.some((request) => request.phone === phone)) group.joinRequests.push({ phone, requestMethod: 'invite_link', requestTime: nowSeconds() });
      return envelope(1001, 'Joined group via link', [{ ...base, status: 'pending approval to join' }]);
    }
    group.participants.push({ phone, role: 'member' });
    chatFor(ctx.world, session, group.jid, true);
    return ok('Joined group via link', [{ ...base, status: 'success joined group' }]);
  },

  getGroupJoinViaLink(ctx) {
    const session = loggedInSession(ctx);
    const group = findByInvite(ctx, ctx.query.inviteLink ?? '');
    return ok('Invite preview', [{
      sessionId: session.id,
      phone: session.account.phone,
      groupId: group.jid,
      groupName: group.subject,
      groupDescription: group.desc || null,
      participantsCount: group.participants.length,
      isGroupLocked: group.restrict,
      isAnnouncement: group.announce,
      isEphemeral: group.ephemeralExpiry > 0,
      inviteLink: inviteLinkFor(group.inviteCode),
      groupPicture: group.picture?.url ?? null,
    }]);
  },

  postGroupCreate(ctx) {
    const session = loggedInSession(ctx);
    const groupName = (str(ctx.body, 'groupName') ?? '').trim();
    if (!groupName) throw new ApiError(2002, 'groupName must not be empty');
    if (groupName.length > SUBJECT_LIMIT) throw new ApiError(5009, `Group subject exceeds ${SUBJECT_LIMIT} characters`);
    const me = session.account.phone;
    const invited = (Array.isArray(ctx.body.participants) ? (ctx.body.participants as string[]) : [])
      .map((entry) => parseRecipient(entry))
      .filter((recipient) => recipient?.kind === 'user')
      .map((recipient) => recipient?.to ?? '')
      .filter((phone) => phone && phone !== me);
    const now = nowSeconds();
    const group: GroupRecord = {
      jid: newGroupJid(), subject: groupName, subjectOwner: me, subjectTime: now, creation: now, owner: me,
      desc: '', descId: '', descOwner: me, descTime: now, restrict: false, announce: false, joinApprovalMode: false, memberAddMode: false,
      ephemeralExpiry: 0, inviteCode: newInviteCode(), picture: null,
      participants: [{ phone: me, role: 'superadmin' }, ...[...new Set(invited)].map((phone) => ({ phone, role: 'member' as const }))],
      joinRequests: [],
    };
    ctx.world.state.groups.set(group.jid, group);
    chatFor(ctx.world, session, group.jid, true);
    return ok('Group created', [{ sessionId: session.id, phone: me, groupId: group.jid }]);
  },

  postGroupLeave(ctx) {
    const { session, group } = accessGroup(ctx);
    removeParticipant(ctx.world, group, session.account.phone);
    return ok('Left group', [groupResult(session, group, { status: 'success leave' })]);
  },

  deleteGroupDelete(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const { session, group, me } = access;
    const removed: string[] = [];
    const failed: string[] = [];
    for (const participant of [...group.participants]) {
      if (participant.phone === me.phone) continue;
      // Nobody but the creator can remove the creator.
      if (participant.role === 'superadmin' && me.role !== 'superadmin') failed.push(userJid(participant.phone));
      else {
        removeParticipant(ctx.world, group, participant.phone);
        removed.push(userJid(participant.phone));
      }
    }
    removeParticipant(ctx.world, group, me.phone);
    return ok('Group disbanded', [groupResult(session, group, { removedParticipants: removed, failedToRemove: failed, status: 'success delete group' })]);
  },
};
