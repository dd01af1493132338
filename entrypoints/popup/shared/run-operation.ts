import type { ApiError, ApiSuccess } from '@/lib/warest/api-result';
import type { Reply } from '@/lib/messaging/protocol';
import { askBackground } from '@/lib/messaging/ask-background';
import { usePopupStore } from './store';
import { CLIPBOARD_REFUSED, copyText } from '@/lib/ui/clipboard';

/** What a successful operation answers, as the popup sees it. */
export type OperationData = Omit<ApiSuccess, 'ok'>;

/** Calls one catalog operation on the popup's active server (through the background). */
export function callActive(operationId: string, inputs: Record<string, unknown> = {}): Promise<Reply<OperationData>> {
  const profileId = usePopupStore.getState().activeProfileId;
  return askBackground('operation.call', { ...(profileId && { profileId }), operationId, inputs });
}

/** Success in words, with the server's own message. */
export function withServerWords(text: string, data: OperationData): string {
  return data.message ? `${text} The server said: “${data.message}”.` : text;
}

/**
 * Runs one operation and puts its outcome in the popup's banner: the description and the
 * server's words on success; on failure, `explain`'s words (views with their own reasons for
 * some failures pass one). Answers the data on success, null on failure.
 */
export async function runAndSay(
  operationId: string,
  inputs: Record<string, unknown>,
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

/**
 * Runs one catalog operation for the active profile and tells the user how it went: the
 * server's own words on success, the error's "what to do" on failure. Refreshes the session
 * list afterwards, since most session operations change it.
 */
/** Copies text and says so in the banner, or says the browser refused (with what to do instead). */
export async function copyAndSay(text: string, copied: string, whenRefused = ''): Promise<void> {
  const { say } = usePopupStore.getState();
  if (await copyText(text)) say({ tone: 'ok', text: copied });
  else say({ tone: 'error', text: `${CLIPBOARD_REFUSED}${whenRefused}` });
}

export async function runOperation(
  operationId: string,
  inputs: Record<string, unknown>,
  describeSuccess: (data: OperationData) => string,
): Promise<OperationData | null> {
  const data = await runAndSay(operationId, inputs, describeSuccess);
  if (data) void usePopupStore.getState().refresh();
  return data;
}
