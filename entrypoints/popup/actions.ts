import type { ApiSuccess } from '@/lib/api-result';
import { askBackground } from '@/lib/ui/ask-background';
import { usePopupStore } from './store';

/**
 * Runs one catalog operation for the active profile and tells the user how it went: the
 * server's own words on success, the error's "what to do" on failure. Refreshes the session
 * list afterwards, since most session operations change it.
 */
export async function runOperation(
  operationId: string,
  inputs: Record<string, unknown>,
  describeSuccess: (data: Omit<ApiSuccess, 'ok'>) => string,
): Promise<Omit<ApiSuccess, 'ok'> | null> {
  const { activeProfileId, say, refresh } = usePopupStore.getState();
  const reply = await askBackground('operation.call', { ...(activeProfileId && { profileId: activeProfileId }), operationId, inputs });
  if (!reply.ok) {
    say({ tone: 'error', text: reply.error.message });
    return null;
  }
  const serverWords = reply.data.message ? ` The server said: “${reply.data.message}”.` : '';
  say({ tone: 'ok', text: `${describeSuccess(reply.data)}${serverWords}` });
  void refresh();
  return reply.data;
}
