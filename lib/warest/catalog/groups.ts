import { defineOperations, field, sessionField, groupField, participantsField } from './define';

export const groupsOperations = defineOperations('Groups', [
  {
    id: 'getGroups',
    label: 'List groups',
    method: 'GET',
    path: '/groups',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getGroupPicture',
    label: 'Get group picture',
    method: 'GET',
    path: '/group/picture',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupPicture',
    label: 'Set group picture',
    method: 'POST',
    path: '/group/picture',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('picture', 'body', 'file', true, 'Picture'),
    ],
  },
  {
    id: 'deleteGroupPicture',
    label: 'Remove group picture',
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
    label: 'Rename group',
    method: 'POST',
    path: '/group/name',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('groupName', 'body', 'string', true, 'Group name'),
    ],
  },
  {
    id: 'postGroupDescription',
    label: 'Edit group description',
    method: 'POST',
    path: '/group/description',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('groupDescription', 'body', 'string', true, 'Description'),
    ],
  },
  {
    id: 'postGroupLocked',
    label: 'Lock group settings',
    method: 'POST',
    path: '/group/locked',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('locked', 'body', 'boolean', true, 'Only admins edit settings'),
    ],
  },
  {
    id: 'postGroupAnnouncement',
    label: 'Announcement mode',
    method: 'POST',
    path: '/group/announcement',
    inputs: [
      sessionField('body'),
      groupField('body'),
      field('announcement', 'body', 'boolean', true, 'Only admins send messages'),
    ],
  },
  {
    id: 'getGroupInvite',
    label: 'Get invite link',
    method: 'GET',
    path: '/group/invite',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupInviteRevoke',
    label: 'Reset invite link',
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
    label: 'Join group by link',
    method: 'POST',
    path: '/group/join-via-link',
    inputs: [
      sessionField('body'),
      field('inviteLink', 'body', 'string', true, 'Invite link or code'),
    ],
  },
  {
    id: 'getGroupJoinViaLink',
    label: 'Preview invite link',
    method: 'GET',
    path: '/group/join-via-link',
    inputs: [
      sessionField('query'),
      field('inviteLink', 'query', 'string', true, 'Invite link or code'),
    ],
  },
  {
    id: 'getGroupParticipants',
    label: 'List participants',
    method: 'GET',
    path: '/group/participants',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupParticipantsAdd',
    label: 'Add participants',
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
    label: 'Remove participants',
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
    label: 'Promote to admin',
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
    label: 'Demote from admin',
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
    label: 'List join requests',
    method: 'GET',
    path: '/group/participants/requests',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
  {
    id: 'postGroupParticipantsRequestApprove',
    label: 'Approve join requests',
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
    label: 'Reject join requests',
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
    label: 'Leave group',
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
    label: 'Create group',
    method: 'POST',
    path: '/group/create',
    inputs: [
      sessionField('body'),
      field('groupName', 'body', 'string', true, 'Group name'),
      field('participants', 'body', 'string[]', false, 'Participants'),
    ],
  },
  {
    id: 'deleteGroupDelete',
    label: 'Delete group',
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
    label: 'Group info',
    method: 'GET',
    path: '/group/info',
    inputs: [
      sessionField('query'),
      groupField('query'),
    ],
  },
]);
