import { chatProblem } from './chat-words';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData, OperationInputs } from '@/lib/messaging/call-operation';
import { runAndSay } from '../shared/run-operation';

/**
 * Chat and message operations from the popup: one call to the background per operation, and
 * the outcome in words in the popup's banner (the server's own words added on success).
 */

/** Runs one operation and says how it went. Answers the data on success, null on failure. */
export async function runChatAction(operationId: OperationId, inputs: OperationInputs, describe: (data: OperationData) => string): Promise<OperationData | null> {
  return runAndSay(operationId, inputs, describe, chatProblem);
}
