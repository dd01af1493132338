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

const CATALOG = [
  ...sessionsOperations,
  ...messagesSendingOperations,
  ...messagesActionsOperations,
  ...chatsOperations,
  ...groupsOperations,
  ...profilesOperations,
  ...serverOperations,
  ...miscOperations,
];

/**
 * The id of one of the catalog's operations: the union of all 90, taken from the catalog itself,
 * so code that names an operation that does not exist does not compile.
 */
export type OperationId = (typeof CATALOG)[number]['id'];

/** Every WARest operation, in the server's own order of categories. */
export const OPERATIONS: readonly Operation<OperationId>[] = CATALOG;

const byId = new Map<string, Operation<OperationId>>(OPERATIONS.map((operation) => [operation.id, operation]));

/** The operation with this id, for ids that come from outside the code (messages, addresses). */
export function findOperation(id: string): Operation<OperationId> | undefined {
  return byId.get(id);
}

/** Whether a string from outside the code (a message, an address) names a catalog operation. */
export function isOperationId(id: string): id is OperationId {
  return byId.has(id);
}

/** The API prefix every catalog path lives under. */
export const API_PREFIX = '/api/v1';
