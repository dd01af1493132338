import { useState, type ReactNode } from 'react';
import { UnsureResult } from '@/components/UnsureResult';
import type { SentExpectation } from '@/lib/delivery-check';
import type { MenuAction } from '@/lib/menu-handoff';
import type { OperationId } from '@/lib/warest/catalog';
import { notify } from './notify';
import type { OutcomeState } from './Outcome';
import { rememberRecipient, sendOne } from './send-actions';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

/** What a send window sends, which names it in the outcome ("The link was sent to …"); `message`: the address bar's ("Sent to …"). */
export type SentWhat = 'message' | 'text' | 'link' | 'image';
const SENT = { message: 'sentQuick', text: 'sentText', link: 'sentLink', image: 'sentImage' } as const;
const NOT_SENT = { message: 'notSentQuick', text: 'notSentText', link: 'notSentLink', image: 'notSentImage' } as const;

/** Where a send window's message goes, and what it is. */
export interface SendTarget {
  profileId: string;
  sessionId: string;
  /** WARest's `to`. */
  to: string;
  /** The recipient as the person reads it. */
  label: string;
  /** What is sent, for the outcome's words. */
  what: SentWhat;
}

/** A person's number (for the address bar's recent recipients); undefined for groups and private ids. */
const personDigits = (to: string) => /^(\d{5,20})(?:@s\.whatsapp\.net)?$/.exec(to)?.[1];

/**
 * One send from a small window, told truthfully: sent (with its id), not sent (with the reason),
 * or not confirmed — no answer came and the chat does not show it yet — with a check and an
 * explicit "send again" instead of a failure. Shared by the right-click and address-bar windows.
 */
export function useSend(action: MenuAction) {
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeState | null>(null);
  const [unsure, setUnsure] = useState<{ target: SendTarget; expected: SentExpectation; why: string; operationId: OperationId; inputs: Record<string, unknown> } | null>(null);

  async function delivered(target: SendTarget, messageId: string | undefined, confirmedFromChat: boolean) {
    setUnsure(null);
    const text = `${t(SENT[target.what], { label: target.label, session: target.sessionId })}${confirmedFromChat ? t('foundInChatSuffix') : ''}${messageId ? t('messageIdSuffix', { id: messageId }) : ''}`;
    setOutcome({ ok: true, text });
    const digits = personDigits(target.to);
    if (digits) await rememberRecipient(digits);
    await notify(action, true, t('notifySentTo', { label: target.label }), text);
  }

  async function send(target: SendTarget, operationId: OperationId, inputs: Record<string, unknown>) {
    setWorking(true);
    setUnsure(null);
    const result = await sendOne(target.profileId, operationId, inputs);
    setWorking(false);
    if (result.ok === true) return delivered(target, result.messageId, !!result.confirmedFromChat);
    if (result.ok === 'unknown') {
      setUnsure({ target, expected: result.expected, why: result.message, operationId, inputs });
      await notify(action, false, t('notifyNotConfirmed', { label: target.label }), t('notifyNotConfirmedBody', { label: target.label }));
      return;
    }
    const text = t(NOT_SENT[target.what], { label: target.label, reason: result.message });
    setOutcome({ ok: false, text });
    await notify(action, false, t('notifyNotSentTo', { label: target.label }), text);
  }

  const unsureView: ReactNode = unsure && (
    <UnsureResult
      profileId={unsure.target.profileId}
      expected={unsure.expected}
      why={unsure.why}
      onConfirmed={(messageId) => void delivered(unsure.target, messageId, true)}
      onSendAgain={() => void send(unsure.target, unsure.operationId, unsure.inputs)}
    />
  );
  return { working, outcome, unsure: !!unsure, unsureView, send };
}
