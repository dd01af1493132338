import { defineOperations, field, sessionField, recipientField } from './define';

export const messagesActionsOperations = defineOperations('Messages - Actions', [
  {
    id: 'postMessagesMessageIdActionStar',
    label: 'Star message',
    method: 'POST',
    path: '/messages/{messageId}/action/star',
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesMessageIdActionUnstar',
    label: 'Unstar message',
    method: 'POST',
    path: '/messages/{messageId}/action/unstar',
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesMessageIdActionReaction',
    label: 'React to message',
    method: 'POST',
    path: '/messages/{messageId}/action/reaction',
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
      field('emoji', 'body', 'string', true, 'Emoji'),
    ],
  },
  {
    id: 'postMessagesMessageIdActionUnreaction',
    label: 'Remove reaction',
    method: 'POST',
    path: '/messages/{messageId}/action/unreaction',
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'deleteMessagesMessageIdActionDelete',
    label: 'Delete message',
    method: 'DELETE',
    path: '/messages/{messageId}/action/delete',
    destructive: true,
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
      field('withMedia', 'body', 'boolean', false, 'Also delete media'),
    ],
  },
  {
    id: 'postMessagesMessageIdActionRevoke',
    label: 'Revoke message',
    method: 'POST',
    path: '/messages/{messageId}/action/revoke',
    destructive: true,
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
      field('deleteForMe', 'body', 'boolean', false, 'Delete for me only'),
    ],
  },
  {
    id: 'postMessagesMessageIdActionEdit',
    label: 'Edit message',
    method: 'POST',
    path: '/messages/{messageId}/action/edit',
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
      field('message', 'body', 'string', true, 'Message'),
    ],
  },
  {
    id: 'postMessagesMessageIdActionMarkAsRead',
    label: 'Mark message as read',
    method: 'POST',
    path: '/messages/{messageId}/action/mark-as-read',
    inputs: [
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesActionMute',
    label: 'Mute chat',
    method: 'POST',
    path: '/messages/action/mute',
    inputs: [
      sessionField('body'),
      recipientField,
      field('duration', 'body', 'integer', false, 'Duration (minutes)', { minimum: 1, maximum: 43_200, help: '1 to 43200 (30 days); the server’s default is 60' }),
    ],
  },
  {
    id: 'postMessagesActionUnmute',
    label: 'Unmute chat',
    method: 'POST',
    path: '/messages/action/unmute',
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesActionArchive',
    label: 'Archive chat',
    method: 'POST',
    path: '/messages/action/archive',
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'postMessagesActionUnarchive',
    label: 'Unarchive chat',
    method: 'POST',
    path: '/messages/action/unarchive',
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
  {
    id: 'deleteMessagesActionClearAll',
    label: 'Clear chat history',
    method: 'DELETE',
    path: '/messages/action/clear-all',
    destructive: true,
    inputs: [
      sessionField('body'),
      recipientField,
    ],
  },
]);
