import { checkDelivery, expectationFor, type SentExpectation } from '@/lib/delivery-check';
import { explainError, readSentMessageId } from '@/lib/answers/menu-results';
import { withRecentRecipient } from '@/lib/omnibox';
import { readChecked, recentRecipientsItem } from '@/lib/storage';
import type { OperationId } from '@/lib/warest/catalog';
import { callOperation, type OperationInputs } from '@/lib/messaging/call-operation';

/**
 * One message to one chat, as the send windows make it: the message id, the error in words, or
 * — when no answer came — what to look for in the chat to learn whether it went out.
 */
export type SendOutcome =
  | { ok: true; messageId?: string; confirmedFromChat?: boolean }
  | { ok: false; message: string }
  | { ok: 'unknown'; message: string; expected: SentExpectation };

export async function sendOne(profileId: string, operationId: OperationId, inputs: OperationInputs): Promise<SendOutcome> {
  const startedAt = Date.now();
  const reply = await callOperation(operationId, inputs, { profileId });
  if (!reply.ok) {
    const expected = reply.error.outcomeUnknown ? expectationFor(inputs, startedAt) : undefined;
    if (!expected) return { ok: false, message: explainError(reply.error) };
    // No answer is not a failure: read the chat before saying anything.
    const check = await checkDelivery((read) => callOperation('getChatsChatIdMessages', read, { profileId }), expected);
    if (check.state === 'sent') return { ok: true, messageId: check.messageId, confirmedFromChat: true };
    return { ok: 'unknown', message: reply.error.message, expected };
  }
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
