import { PHONE_DIGITS_FORMAT, WEB_ADDRESS_FORMAT, defineOperations, field, sessionField } from './define';

export const sessionsOperations = defineOperations('Sessions', [
  {
    id: 'getSessionCreate',
    method: 'GET',
    path: '/session/create',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getSessionCreatePairCode',
    method: 'GET',
    path: '/session/create/pair-code',
    inputs: [
      sessionField('query'),
      field('phone', 'query', 'string', true, { format: PHONE_DIGITS_FORMAT }),
    ],
  },
  {
    id: 'getSessionLogout',
    method: 'GET',
    path: '/session/logout',
    destructive: true,
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getSessionReconnect',
    method: 'GET',
    path: '/session/reconnect',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getSessionDevices',
    method: 'GET',
    path: '/session/devices',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'postSessionSessionIdConfig',
    method: 'POST',
    path: '/session/{sessionId}/config',
    inputs: [
      sessionField('path'),
      field('webhookUrl', 'body', 'string', true, { format: WEB_ADDRESS_FORMAT }),
      field('webhookSecret', 'body', 'string', true),
      field('preflight', 'body', 'boolean', false),
    ],
  },
  {
    id: 'getSessionList',
    method: 'GET',
    path: '/session/list',
    inputs: [],
  },
  {
    id: 'deleteSessionDelete',
    method: 'DELETE',
    path: '/session/delete',
    destructive: true,
    inputs: [
      sessionField('query'),
    ],
  },
]);
