import { defineOperations, field, sessionField, groupField, participantsField } from './define';

export const groupsOperations = defineOperations('Groups', [
  {
    id: 'getGroups',
    method: 'GET',
    path: '/groups',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getGroupPicture',
    method: 'GET',
    path: '/group/picture',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupPicture',
    method: 'POST',
    path: '/group/picture',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('picture', 'body', 'file', true),
    ],
  },
  {
    id: 'deleteGroupPicture',
    method: 'DELETE',
    path: '/group/picture',
    destructive: true,
    inputs: [
      sessionField('body'),
      groupField('body'),
    ],
  },
  {
    id: 'postGroupName',
    method: 'POST',
    path: '/group/name',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('groupName', 'body', 'string', true),
    ],
  },
  {
    id: 'postGroupDescription',
    method: 'POST',
    path: '/group/description',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('groupDescription', 'body', 'string', true),
    ],
  },
  {
    id: 'postGroupLocked',
    method: 'POST',
    path: '/group/locked',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('locked', 'body', 'boolean', true),
    ],
  },
  {
    id: 'postGroupAnnouncement',
    method: 'POST',
    path: '/group/announcement',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('announcement', 'body', 'boolean', true),
    ],
  },
  {
    id: 'getGroupInvite',
    method: 'GET',
    path: '/group/invite',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupInviteRevoke',
    method: 'POST',
    path: '/group/invite/revoke',
    destructive: true,
    inputs: [
      sessionField('body'),
      groupField('body'),
    ],
  },
  {
    id: 'postGroupJoinViaLink',
    method: 'POST',
    path: '/group/join-via-link',
    inputs: [
      sessionField('body'),
      field('inviteLink', 'body', 'string', true),
    ],
  },
  {
    id: 'getGroupJoinViaLink',
    method: 'GET',
    path: '/group/join-via-link',
    inputs: [
      sessionField('query'),
      field('inviteLink', 'query', 'string', true),
    ],
  },
  {
    id: 'getGroupParticipants',
    method: 'GET',
    path: '/group/participants',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupParticipantsAdd',
    method: 'POST',
    path: '/group/participants/add',
    inputs: [
      sessionField('body'),
      groupField('body'),
      participantsField,
    ],
  },
  {
    id: 'deleteGroupParticipantsRemove',
    method: 'DELETE',
    path: '/group/participants/remove',
    destructive: true,
    inputs: [
      sessionField('body'),
      groupField('body'),
      participantsField,
    ],
  },
  {
    id: 'postGroupParticipantsPromote',
    method: 'POST',
    path: '/group/participants/promote',
    inputs: [
      sessionField('body'),
      groupField('body'),
      participantsField,
    ],
  },
  {
    id: 'postGroupParticipantsDemote',
    method: 'POST',
    path: '/group/participants/demote',
    inputs: [
      sessionField('body'),
      groupField('body'),
      participantsField,
    ],
  },
  {
    id: 'getGroupParticipantsRequests',
    method: 'GET',
    path: '/group/participants/requests',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupParticipantsRequestApprove',
    method: 'POST',
    path: '/group/participants/request/approve',
    inputs: [
      sessionField('body'),
      groupField('body'),
      participantsField,
    ],
  },
  {
    id: 'postGroupParticipantsRequestReject',
    method: 'POST',
    path: '/group/participants/request/reject',
    inputs: [
      sessionField('body'),
      groupField('body'),
      participantsField,
    ],
  },
  {
    id: 'postGroupLeave',
    method: 'POST',
    path: '/group/leave',
    destructive: true,
    inputs: [
      sessionField('body'),
      groupField('body'),
    ],
  },
  {
    id: 'postGroupCreate',
    method: 'POST',
    path: '/group/create',
    inputs: [
      sessionField('body'),
      field('groupName', 'body', 'string', true),
      field('participants', 'body', 'string[]', false),
    ],
  },
  {
    id: 'deleteGroupDelete',
    method: 'DELETE',
    path: '/group/delete',
    destructive: true,
    inputs: [
      sessionField('body'),
      groupField('body'),
    ],
  },
  {
    id: 'getGroupInfo',
    method: 'GET',
    path: '/group/info',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
]);
