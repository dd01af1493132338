import { chatProblem } from './chat-words';
import { type OperationData, runAndSay } from '../shared/run-operation';

/**
 * Chat and message operations from the popup: one call to the background per operation, and
 * the outcome in words in the popup's banner (the server's own words added on success).
 */

/** Runs one operation and says how it went. Answers the data on success, null on failure. */
export async function runChatAction(operationId: string, inputs: Record<string, unknown>, describe: (data: OperationData) => string): Promise<OperationData | null> {
  return runAndSay(operationId, inputs, describe, chatProblem);
}
