import { defineOperations, field, sessionField, recipientField } from './define';

export const messagesActionsOperations = defineOperations('Messages - Actions', [
  {
    id: 'postMessagesMessageIdActionStar',
    method: 'POST',
    path: '/messages/{messageId}/action/star',
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesMessageIdActionUnstar',
    method: 'POST',
    path: '/messages/{messageId}/action/unstar',
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesMessageIdActionReaction',
    method: 'POST',
    path: '/messages/{messageId}/action/reaction',
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
      field('emoji', 'body', 'string', true),
    ],
  },
  {
    id: 'postMessagesMessageIdActionUnreaction',
    method: 'POST',
    path: '/messages/{messageId}/action/unreaction',
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'deleteMessagesMessageIdActionDelete',
    method: 'DELETE',
    path: '/messages/{messageId}/action/delete',
    destructive: true,
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
      field('withMedia', 'body', 'boolean', false),
    ],
  },
  {
    id: 'postMessagesMessageIdActionRevoke',
    method: 'POST',
    path: '/messages/{messageId}/action/revoke',
    destructive: true,
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
      field('deleteForMe', 'body', 'boolean', false),
    ],
  },
  {
    id: 'postMessagesMessageIdActionEdit',
    method: 'POST',
    path: '/messages/{messageId}/action/edit',
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
      field('message', 'body', 'string', true),
    ],
  },
  {
    id: 'postMessagesMessageIdActionMarkAsRead',
    method: 'POST',
    path: '/messages/{messageId}/action/mark-as-read',
    inputs: [
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesActionMute',
    method: 'POST',
    path: '/messages/action/mute',
    inputs: [
      sessionField('body'),
      recipientField,
      field('duration', 'body', 'integer', false, { minimum: 1, maximum: 43_200, help: true }),
    ],
  },
  {
    id: 'postMessagesActionUnmute',
    method: 'POST',
    path: '/messages/action/unmute',
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesActionArchive',
    method: 'POST',
    path: '/messages/action/archive',
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesActionUnarchive',
    method: 'POST',
    path: '/messages/action/unarchive',
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'deleteMessagesActionClearAll',
    method: 'DELETE',
    path: '/messages/action/clear-all',
    destructive: true,
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
]);
