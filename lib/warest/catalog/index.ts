import { chatsOperations } from './chats';
import { groupsOperations } from './groups';
import { messagesActionsOperations } from './messages-actions';
import { messagesSendingOperations } from './messages-sending';
import { miscOperations } from './misc';
import { profilesOperations } from './profiles';
import { serverOperations } from './server';
import { sessionsOperations } from './sessions';
import type { Operation } from './types';

export * from './types';

/** Every WARest operation, in the server's own order of categories. */
export const OPERATIONS: readonly Operation[] = [
  ...sessionsOperations,
  ...messagesSendingOperations,
  ...messagesActionsOperations,
  ...chatsOperations,
  ...groupsOperations,
  ...profilesOperations,
  ...serverOperations,
  ...miscOperations,
];

const byId = new Map(OPERATIONS.map((operation) => [operation.id, operation]));

export function findOperation(id: string): Operation | undefined {
  return byId.get(id);
}

/** The API prefix every catalog path lives under. */
export const API_PREFIX = '/api/v1';
