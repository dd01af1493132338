import { explainError, readSentMessageId } from '@/lib/menu-results';
import { withRecentRecipient } from '@/lib/omnibox';
import { readChecked, recentRecipientsItem } from '@/lib/stored-state';
import { callOperation } from './api';

/** One message to one chat, as the send windows make it: the message id, or the error in words. */
export type SendOutcome = { ok: true; messageId?: string } | { ok: false; message: string };

export async function sendOne(profileId: string, operationId: string, inputs: Record<string, unknown>): Promise<SendOutcome> {
  const reply = await callOperation(profileId, operationId, inputs);
  if (!reply.ok) return { ok: false, message: explainError(reply.error) };
  const messageId = readSentMessageId(reply.data.results);
  return { ok: true, ...(messageId && { messageId }) };
}

/** A number just sent to comes first in the address bar's suggestions. A failure here must not undo the send. */
export async function rememberRecipient(digits: string): Promise<void> {
  try {
    const recents = await readChecked(recentRecipientsItem);
    await recentRecipientsItem.item.setValue(withRecentRecipient(recents, digits, Date.now()));
  } catch (error) {
    console.error('WARest Companion: could not remember the recipient', error instanceof Error ? error.message : error);
  }
}
