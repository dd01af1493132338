import { defineOperations, field, sessionField } from './define';

export const chatsOperations = defineOperations('Chats', [
  {
    id: 'getChats',
    method: 'GET',
    path: '/chats',
    inputs: [
      sessionField('query'),
      field('limit', 'query', 'integer', false, { minimum: 1, maximum: 200 }),
      field('offset', 'query', 'integer', false, { minimum: 0 }),
      field('hasMedia', 'query', 'boolean', false),
      field('sortBy', 'query', 'string', false, { options: ['lastMessage', 'unreadCount', 'name'] }),
      field('sortOrder', 'query', 'string', false, { options: ['asc', 'desc'] }),
      field('search', 'query', 'string', false),
    ],
  },
  {
    id: 'getChatsChatIdMessages',
    method: 'GET',
    path: '/chats/{chatId}/messages',
    inputs: [
      field('chatId', 'path', 'string', true),
      sessionField('query'),
      field('limit', 'query', 'integer', false, { minimum: 1, maximum: 200 }),
      field('offset', 'query', 'integer', false, { minimum: 0 }),
      field('startTime', 'query', 'integer', false, { minimum: 0 }),
      field('endTime', 'query', 'integer', false, { minimum: 0 }),
      field('mediaOnly', 'query', 'boolean', false),
      field('isFromMe', 'query', 'boolean', false),
      field('search', 'query', 'string', false),
    ],
  },
  {
    id: 'postChatsChatIdRead',
    method: 'POST',
    path: '/chats/{chatId}/read',
    inputs: [
      field('chatId', 'path', 'string', true),
      sessionField('body'),
      field('messages', 'body', 'integer', false, { minimum: 0, help: true }),
      field('days', 'body', 'integer', false, { minimum: 1 }),
    ],
  },
  {
    id: 'postChatsChatIdPin',
    method: 'POST',
    path: '/chats/{chatId}/pin',
    inputs: [
      field('chatId', 'path', 'string', true),
      sessionField('body'),
      field('pin', 'body', 'boolean', true),
    ],
  },
  {
    id: 'postChatsChatIdMessagesMessageIdPin',
    method: 'POST',
    path: '/chats/{chatId}/messages/{messageId}/pin',
    inputs: [
      field('chatId', 'path', 'string', true),
      field('messageId', 'path', 'string', true),
      sessionField('body'),
      field('pin', 'body', 'boolean', true),
    ],
  },
]);
