import { useEffect, useState } from 'react';
import { checkDelivery, type DeliveryCheck, type SentExpectation } from '@/lib/delivery-check';
import { callOperation } from '@/lib/messaging/call-operation';

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
  const [round, setRound] = useState(0);
  const [check, setCheck] = useState<DeliveryCheck | null>(null);

  useEffect(() => {
    let current = true;
    setCheck(null);
    void checkDelivery(
      (inputs) => callOperation('getChatsChatIdMessages', inputs, { profileId }),
      expected,
    ).then((result) => {
      if (!current) return;
      setCheck(result);
      if (result.state === 'sent') onConfirmed(result.messageId);
    });
    return () => {
      current = false;
    };
    // onConfirmed is the caller's and may change each render; a new round is what asks again.
  }, [round, expected, profileId]);

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
        <button type="button" disabled={checking} onClick={() => setRound((n) => n + 1)}>Check again</button>
        <button type="button" disabled={checking} onClick={onSendAgain}>Send it again anyway</button>
      </div>
    </section>
  );
}
