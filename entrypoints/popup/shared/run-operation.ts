import type { ApiError } from '@/lib/warest/api-result';
import type { OperationId } from '@/lib/warest/catalog';
import type { Reply } from '@/lib/messaging/protocol';
import { callOperation, type OperationData, type OperationInputs } from '@/lib/messaging/call-operation';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './store';
import { clipboardRefused, copyText } from '@/lib/ui/clipboard';
import { textsOf } from '@/lib/i18n';

const t = textsOf('popup');

/** Calls one catalog operation on the popup's active server (through the background). */
export function callActive(operationId: OperationId, inputs: OperationInputs = {}): Promise<Reply<OperationData>> {
  return callOperation(operationId, inputs, { profileId: useProfileChoice.getState().activeProfileId });
}

/** Success in words, with the server's own message. */
export function withServerWords(text: string, data: OperationData): string {
  return data.message ? t('withServerWords', { text, message: data.message }) : text;
}

/**
 * Runs one operation and puts its outcome in the popup's banner: the description and the
 * server's words on success; on failure, `explain`'s words (views with their own reasons for
 * some failures pass one). Answers the data on success, null on failure.
 */
export async function runAndSay(
  operationId: OperationId,
  inputs: OperationInputs,
  describe: (data: OperationData) => string,
  explain: (error: ApiError) => string = (error) => error.message,
): Promise<OperationData | null> {
  const { say } = usePopupStore.getState();
  const reply = await callActive(operationId, inputs);
  if (!reply.ok) {
    say({ tone: 'error', text: explain(reply.error) });
    return null;
  }
  say({ tone: 'ok', text: withServerWords(describe(reply.data), reply.data) });
  return reply.data;
}

/** Copies text and says so in the banner, or says the browser refused (with what to do instead). */
export async function copyAndSay(text: string, copied: string, whenRefused = ''): Promise<void> {
  const { say } = usePopupStore.getState();
  if (await copyText(text)) say({ tone: 'ok', text: copied });
  else say({ tone: 'error', text: `${clipboardRefused()}${whenRefused}` });
}

/**
 * Runs one session operation and tells the user how it went (as runAndSay), then refreshes the
 * session list, since most session operations change it.
 */
export async function runOperation(
  operationId: OperationId,
  inputs: OperationInputs,
  describeSuccess: (data: OperationData) => string,
): Promise<OperationData | null> {
  const data = await runAndSay(operationId, inputs, describeSuccess);
  if (data) void usePopupStore.getState().refresh();
  return data;
}
