import type { Reply } from '@/lib/protocol';
import { askBackground } from '@/lib/ui/ask-background';
import { chatProblem } from './chat-words';
import { usePopupStore } from './store';
import type { OperationData } from './group-api';

/**
 * Chat and message operations from the popup: one call to the background per operation, and
 * the outcome in words in the popup's banner (the server's own words added on success).
 */

export function callChatApi(operationId: string, inputs: Record<string, unknown>): Promise<Reply<OperationData>> {
  const profileId = usePopupStore.getState().activeProfileId;
  return askBackground('operation.call', { ...(profileId && { profileId }), operationId, inputs });
}

/** Runs one operation and says how it went. Answers the data on success, null on failure. */
export async function runChatAction(operationId: string, inputs: Record<string, unknown>, describe: (data: OperationData) => string): Promise<OperationData | null> {
  const { say } = usePopupStore.getState();
  const reply = await callChatApi(operationId, inputs);
  if (!reply.ok) {
    say({ tone: 'error', text: chatProblem(reply.error) });
    return null;
  }
  const said = reply.data.message ? ` The server said: “${reply.data.message}”.` : '';
  say({ tone: 'ok', text: `${describe(reply.data)}${said}` });
  return reply.data;
}
