import { defineOperations, field, sessionField } from './define';

export const chatsOperations = defineOperations('Chats', [
  {
    id: 'getChats',
    label: 'List chats',
    method: 'GET',
    path: '/chats',
    inputs: [
      sessionField('query'),
      field('limit', 'query', 'integer', false, 'Limit', { minimum: 1, maximum: 200 }),
      field('offset', 'query', 'integer', false, 'Offset', { minimum: 0 }),
      field('hasMedia', 'query', 'boolean', false, 'With media only'),
      field('sortBy', 'query', 'string', false, 'Sort by', { options: ['lastMessage', 'unreadCount', 'name'] }),
      field('sortOrder', 'query', 'string', false, 'Sort order', { options: ['asc', 'desc'] }),
      field('search', 'query', 'string', false, 'Search'),
    ],
  },
  {
    id: 'getChatsChatIdMessages',
    label: 'List messages of a chat',
    method: 'GET',
    path: '/chats/{chatId}/messages',
    inputs: [
      field('chatId', 'path', 'string', true, 'Chat ID'),
      sessionField('query'),
      field('limit', 'query', 'integer', false, 'Limit', { minimum: 1, maximum: 200 }),
      field('offset', 'query', 'integer', false, 'Offset', { minimum: 0 }),
      field('startTime', 'query', 'integer', false, 'From (Unix time, ms)', { minimum: 0 }),
      field('endTime', 'query', 'integer', false, 'Until (Unix time, ms)', { minimum: 0 }),
      field('mediaOnly', 'query', 'boolean', false, 'Media only'),
      field('isFromMe', 'query', 'boolean', false, 'Sent by me only'),
      field('search', 'query', 'string', false, 'Search'),
    ],
  },
  {
    id: 'postChatsChatIdRead',
    label: 'Mark chat as read',
    method: 'POST',
    path: '/chats/{chatId}/read',
    inputs: [
      field('chatId', 'path', 'string', true, 'Chat ID'),
      sessionField('body'),
      field('messages', 'body', 'integer', false, 'Last N messages', { minimum: 0, help: '0 means all of them' }),
      field('days', 'body', 'integer', false, 'Last N days', { minimum: 1 }),
    ],
  },
  {
    id: 'postChatsChatIdPin',
    label: 'Pin or unpin chat',
    method: 'POST',
    path: '/chats/{chatId}/pin',
    inputs: [
      field('chatId', 'path', 'string', true, 'Chat ID'),
      sessionField('body'),
      field('pin', 'body', 'boolean', true, 'Pinned'),
    ],
  },
  {
    id: 'postChatsChatIdMessagesMessageIdPin',
    label: 'Pin or unpin message',
    method: 'POST',
    path: '/chats/{chatId}/messages/{messageId}/pin',
    inputs: [
      field('chatId', 'path', 'string', true, 'Chat ID'),
      field('messageId', 'path', 'string', true, 'Message ID'),
      sessionField('body'),
      field('pin', 'body', 'boolean', true, 'Pinned'),
    ],
  },
]);
