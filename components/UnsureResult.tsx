import { useEffect, useRef } from 'react';
import { checkDelivery, type DeliveryCheck, type SentExpectation } from '@/lib/delivery-check';
import { callOperation } from '@/lib/messaging/call-operation';
import { useLatest } from './use-latest';

/**
 * After a send whose answer never came: it may have gone out. The chat is read at once to find
 * out; until it is found, the person can check again or, knowingly, send it again. Nothing is
 * ever resent by itself.
 */
export function UnsureResult(props: {
  profileId: string | undefined;
  expected: SentExpectation;
  /** Why the answer is missing, in words. */
  why: string;
  onConfirmed(messageId: string): void;
  onSendAgain(): void;
}) {
  const { profileId, expected, why, onConfirmed, onSendAgain } = props;
  // Each check reads the chat; "Check again" is a newer request, and the newest one's answer is shown.
  const latest = useLatest(async () => ({ ok: true as const, data: await checkDelivery((inputs) => callOperation('getChatsChatIdMessages', inputs, { profileId }), expected) }), [expected, profileId]);
  const check: DeliveryCheck | null = latest.loading ? null : latest.data;
  const confirmed = useRef(onConfirmed);
  confirmed.current = onConfirmed;

  useEffect(() => {
    // onConfirmed is the caller's and may change each render; a found message is what calls it.
    if (latest.data?.state === 'sent') confirmed.current(latest.data.messageId);
  }, [latest.data]);

  const checking = check === null;
  return (
    <section className="banner warn unsure-result" role="status" aria-label="Not confirmed">
      <p>
        <strong>Not confirmed yet.</strong> {why} It may have been sent.
      </p>
      <p>
        {checking
          ? 'Checking the chat for it…'
          : check.state === 'not-found'
            ? 'It is not among the chat’s latest messages yet. It may still be on its way: check again in a moment before sending it again.'
            : check.state === 'unknown'
              ? `It could not be checked: ${check.reason}`
              : ''}
      </p>
      <div className="actions compact">
        <button type="button" disabled={checking} onClick={() => void latest.reload()}>Check again</button>
        <button type="button" disabled={checking} onClick={onSendAgain}>Send it again anyway</button>
      </div>
    </section>
  );
}
