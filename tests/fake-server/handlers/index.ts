/**
 * Every operation's handler, by operationId. The fake-server tests check that this map covers
 * exactly the spec's operations, so a spec update that adds one fails loudly.
 */
import type { HandlerMap } from '../context';
import { chatHandlers } from './chats';
import { groupParticipantHandlers } from './groups-participants';
import { groupHandlers } from './groups';
import { messageActionHandlers } from './messages-actions';
import { messageSendHandlers } from './messages-send';
import { miscWhatsappHandlers } from './misc-whatsapp';
import { miscHandlers } from './misc';
import { profileHandlers } from './profiles';
import { serverHandlers } from './server';
import { sessionHandlers } from './sessions';

export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...messageSendHandlers,
  ...messageActionHandlers,
  ...chatHandlers,
  ...groupHandlers,
  ...groupParticipantHandlers,
  ...profileHandlers,
  ...serverHandlers,
  ...miscHandlers,
  ...miscWhatsappHandlers,
};

/**
 * Routes a stock server keeps for admin keys: every /server/* route but ping (README fact 8).
 * Its admin middleware answers user keys 403 {"error":"Admin only"}.
 */
export const ADMIN_ONLY_OPERATIONS: ReadonlySet<string> = new Set([
  'getServerInfo',
  'getServerHealthz',
  'getServerReady',
  'getServerCpuHistory',
  'postServerRestart',
  'postServerRestartScheduled',
]);

/** The one route a stock server answers without a key, without X-RateLimit headers and without counting it. */
export const KEYLESS_OPERATION = 'getServerPing';
