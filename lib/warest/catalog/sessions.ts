import { PHONE_DIGITS_FORMAT, WEB_ADDRESS_FORMAT, defineOperations, field, sessionField } from './define';

export const sessionsOperations = defineOperations('Sessions', [
  {
    id: 'getSessionCreate',
    label: 'Create or open a session',
    method: 'GET',
    path: '/session/create',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getSessionCreatePairCode',
    label: 'Log in with a pairing code',
    method: 'GET',
    path: '/session/create/pair-code',
    inputs: [
      sessionField('query'),
      field('phone', 'query', 'string', true, 'Phone number', { format: PHONE_DIGITS_FORMAT }),
    ],
  },
  {
    id: 'getSessionLogout',
    label: 'Log out a session',
    method: 'GET',
    path: '/session/logout',
    destructive: true,
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getSessionReconnect',
    label: 'Reconnect a session',
    method: 'GET',
    path: '/session/reconnect',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getSessionDevices',
    label: 'List linked devices',
    method: 'GET',
    path: '/session/devices',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'postSessionSessionIdConfig',
    label: 'Set the session webhook',
    method: 'POST',
    path: '/session/{sessionId}/config',
    inputs: [
      sessionField('path'),
      field('webhookUrl', 'body', 'string', true, 'Webhook URL', { format: WEB_ADDRESS_FORMAT }),
      field('webhookSecret', 'body', 'string', true, 'Webhook secret'),
      field('preflight', 'body', 'boolean', false, 'Verify before saving'),
    ],
  },
  {
    id: 'getSessionList',
    label: 'List sessions',
    method: 'GET',
    path: '/session/list',
    inputs: [],
  },
  {
    id: 'deleteSessionDelete',
    label: 'Delete a session',
    method: 'DELETE',
    path: '/session/delete',
    destructive: true,
    inputs: [
      sessionField('query'),
    ],
  },
]);
