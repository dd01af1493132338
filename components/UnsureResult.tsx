import { useEffect, useRef } from 'react';
import { checkDelivery, type DeliveryCheck, type SentExpectation } from '@/lib/delivery-check';
import { callOperation } from '@/lib/messaging/call-operation';
import { textsOf } from '@/lib/i18n';
import { useLatest } from './use-latest';

const t = textsOf('common');

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
    <section className="banner warn unsure-result" role="status" aria-label={t('notConfirmed')}>
      <p>
        <strong>{t('notConfirmedYet')}</strong> {t('mayHaveBeenSent', { why })}
      </p>
      <p>
        {checking
          ? t('checkingChat')
          : check.state === 'not-found'
            ? t('notFoundYet')
            : check.state === 'unknown'
              ? t('couldNotCheck', { reason: check.reason })
              : ''}
      </p>
      <div className="actions compact">
        <button type="button" disabled={checking} onClick={() => void latest.reload()}>{t('checkAgain')}</button>
        <button type="button" disabled={checking} onClick={onSendAgain}>{t('sendAgainAnyway')}</button>
      </div>
    </section>
  );
}
