/**
 * Groups - participants: roster, add, remove, promote, demote, join requests (list, approve,
 * reject). Only admins may manage participants (adding too, unless the group lets every member
 * add); only the creator (superadmin) may remove or demote the creator. Outcomes are reported per
 * participant, as WhatsApp does, rather than failing the whole request.
 */
import { chatFor } from '../chat-store';
import { type HandlerContext, type HandlerMap, isAdmin, requireGroupAdmin } from '../context';
import { ok } from '../envelope';
import { isOnWhatsApp, lidFor, parseRecipient, userJid } from '../ids';
import { participantOf, type GroupParticipant } from '../state';
import { accessGroup, groupResult, removeParticipant, serializeParticipant } from './groups';

/** The `participants` body field as phone numbers, with the entries that are not one kept apart. */
function requestedPhones(ctx: HandlerContext): { phones: string[]; invalid: string[] } {
  const phones: string[] = [];
  const invalid: string[] = [];
  for (const entry of Array.isArray(ctx.body.participants) ? (ctx.body.participants as string[]) : []) {
    const recipient = parseRecipient(entry);
    if (recipient?.kind === 'user') phones.push(recipient.to);
    else invalid.push(entry);
  }
  return { phones: [...new Set(phones)], invalid };
}

function mayTouch(me: GroupParticipant, target: GroupParticipant): boolean {
  return target.role !== 'superadmin' || me.role === 'superadmin';
}

function sessionsWithAccount(ctx: HandlerContext, phone: string) {
  return [...ctx.world.state.sessions.values()].filter((session) => session.account.phone === phone);
}

export const groupParticipantHandlers: HandlerMap = {
  getGroupParticipants(ctx) {
    const { session, group } = accessGroup(ctx);
    return ok('Participants fetched', [groupResult(session, group, { participants: group.participants.map((participant) => serializeParticipant(ctx.world, session, participant)) })]);
  },

  postGroupParticipantsAdd(ctx) {
    const access = accessGroup(ctx);
    if (!access.group.memberAddMode) requireGroupAdmin(access);
    const { phones, invalid } = requestedPhones(ctx);
    const added: string[] = [];
    const failed = invalid.map((entry) => `${entry}: invalid number`);
    for (const phone of phones) {
      if (participantOf(access.group, phone)) failed.push(`${phone}: already a participant`);
      else if (!isOnWhatsApp(phone)) failed.push(`${phone}: not on WhatsApp`);
      else {
        access.group.participants.push({ phone, role: 'member' });
        access.group.joinRequests = access.group.joinRequests.filter((request) => request.phone !== phone);
        for (const other of sessionsWithAccount(ctx, phone)) chatFor(ctx.world, other, access.group.jid, true);
        added.push(phone);
      }
    }
    const status = failed.length === 0 ? 'success' : added.length === 0 ? 'failed' : 'partial';
    return ok('Participants added', [groupResult(access.session, access.group, { addedParticipants: added, failedToAdd: failed, status })]);
  },

  deleteGroupParticipantsRemove(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const { phones, invalid } = requestedPhones(ctx);
    const removed: string[] = [];
    const failed = invalid.map((entry) => `${entry}: invalid number`);
    for (const phone of phones) {
      const target = participantOf(access.group, phone);
      if (!target) failed.push(`${phone}: not a participant`);
      else if (phone === access.me.phone) failed.push(`${phone}: use leave to remove yourself`);
      else if (!mayTouch(access.me, target)) failed.push(`${phone}: not authorized to remove the group creator`);
      else {
        removeParticipant(ctx.world, access.group, phone);
        removed.push(phone);
      }
    }
    const status = failed.length === 0 ? 'success' : removed.length === 0 ? 'failed' : 'partial';
    return ok('Participants removed', [groupResult(access.session, access.group, { removedParticipants: removed, failedToRemove: failed, status })]);
  },

  postGroupParticipantsPromote(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const participants = requestedPhones(ctx).phones.map((phone) => {
      const target = participantOf(access.group, phone);
      if (!target) return { phone, status: 'not a participant' };
      if (!isAdmin(target)) target.role = 'admin';
      return { phone, status: 'promoted' };
    });
    return ok('Participants promoted', [groupResult(access.session, access.group, { participants, status: 'success' })]);
  },

  postGroupParticipantsDemote(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const participants = requestedPhones(ctx).phones.map((phone) => {
      const target = participantOf(access.group, phone);
      if (!target) return { phone, status: 'not a participant' };
      if (target.role === 'superadmin') return { phone, status: 'not authorized' };
      target.role = 'member';
      return { phone, status: 'demoted' };
    });
    return ok('Participants demoted', [groupResult(access.session, access.group, { participants, status: 'success' })]);
  },

  getGroupParticipantsRequests(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const joinRequests = access.group.joinRequests.map((request) => ({
      jid: userJid(request.phone),
      lid: lidFor(request.phone),
      phone: request.phone,
      requestMethod: request.requestMethod,
      requestTime: request.requestTime,
    }));
    return ok('Pending join requests', [groupResult(access.session, access.group, { joinRequests })]);
  },

  postGroupParticipantsRequestApprove(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const approved: string[] = [];
    const failed: string[] = [];
    for (const phone of requestedPhones(ctx).phones) {
      if (!access.group.joinRequests.some((request) => request.phone === phone)) {
        failed.push(`${phone}: no pending request`);
        continue;
      }
      access.group.joinRequests = access.group.joinRequests.filter((request) => request.phone !== phone);
      if (!participantOf(access.group, phone)) access.group.participants.push({ phone, role: 'member' });
      for (const other of sessionsWithAccount(ctx, phone)) chatFor(ctx.world, other, access.group.jid, true);
      approved.push(phone);
    }
    const status = failed.length === 0 ? 'success' : approved.length === 0 ? 'failed' : 'partial';
    return ok('Join requests approved', [groupResult(access.session, access.group, { approvedParticipants: approved, failedToApprove: failed, status })]);
  },

  postGroupParticipantsRequestReject(ctx) {
    const access = accessGroup(ctx);
    requireGroupAdmin(access);
    const participants = requestedPhones(ctx).phones.map((phone) => {
      const pending = access.group.joinRequests.some((request) => request.phone === phone);
      access.group.joinRequests = access.group.joinRequests.filter((request) => request.phone !== phone);
      return { phone, status: pending ? 'rejected' : 'no pending request' };
    });
    return ok('Join requests rejected', [groupResult(access.session, access.group, { participants, status: 'success' })]);
  },
};
