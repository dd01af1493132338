import { useEffect, useId, useState } from 'react';
import { RecipientPicker, useDefaultCountry } from '@/components/RecipientPicker';
import { imageProblem, sendCallFor, type MenuRequest, type SendAction, type SendDraft } from '@/lib/menu-handoff';
import { Outcome } from './Outcome';
import { EMPTY_RECIPIENT, resolveRecipient, type RecipientValue } from '@/lib/recipient';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';
import { useSend, type SentWhat } from './use-send';
import { TemplatePicker, useVariables, VariableInputs } from '@/components/TemplateTools';
import { withNodes } from './with-nodes';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

const WHAT: Record<SendAction, SentWhat> = { 'send-selection': 'text', 'send-link': 'link', 'send-image': 'image' };
/** The text field of each: its label's key and the draft's part. */
const FIELD = {
  'send-selection': ['message', 'message'],
  'send-link': ['commentOptional', 'comment'],
  'send-image': ['captionOptional', 'caption'],
} as const satisfies Record<SendAction, readonly [Parameters<typeof t>[0], keyof SendDraft]>;

/**
 * "Send selection to…", "Send link to…", "Send image to…": the server and session, the chat (a
 * contact, a group or a number), what will be sent as it will read, then Send.
 */
export function SendView({ action, request, choice }: { action: SendAction; request: MenuRequest; choice: ServerChoice }) {
  const textId = useId();
  const [draft, setDraft] = useState<SendDraft>(action === 'send-selection' ? { message: request.text ?? '' } : {});
  const [recipientValue, setRecipientValue] = useState<RecipientValue>(EMPTY_RECIPIENT);
  const country = useDefaultCountry();
  const sending = useSend(action);
  const { working, outcome } = sending;
  const { profileId, sessionId } = choice;
  const url = request.url ?? '';
  // A contact or group of one session means nothing to another.
  useEffect(() => setRecipientValue((v) => (v.mode === 'number' ? v : { ...v, jid: undefined, label: undefined })), [profileId, sessionId]);
  const resolved = resolveRecipient(recipientValue, country);
  const recipient = resolved.ok ? resolved : null;
  const field = FIELD[action];
  // The text's {{variables}}, filled in before the call is built: one without a value or fallback keeps Send off.
  const variables = useVariables(draft[field[1]] ?? '');

  if (action === 'send-image') {
    const problem = imageProblem(url);
    if (problem) return <p className="banner error" role="alert">{problem}</p>;
  }
  const filledDraft = variables.filled.ok ? { ...draft, [field[1]]: variables.filled.text } : draft;
  const call = sessionId && recipient && variables.filled.ok ? sendCallFor(action, request, filledDraft, sessionId, recipient.to) : undefined;

  const send = () => {
    if (!profileId || !sessionId || !call?.ok || !recipient) return;
    void sending.send({ profileId, sessionId, to: recipient.to, label: recipient.label, what: WHAT[action] }, call.operationId, call.inputs);
  };

  return (
    <>
      {action === 'send-image' && (
        <figure className="picture">
          <img src={url} alt={t('imageAlt')} referrerPolicy="no-referrer" />
          <figcaption className="hint">{withNodes(t('imageDownloads'), { url: <span className="mono">{url}</span> })}</figcaption>
        </figure>
      )}
      {action === 'send-link' && <p className="hint">{withNodes(t('linkIs'), { url: <span className="mono">{url}</span> })}</p>}
      <ServerPicker choice={choice} />
      {profileId && sessionId && <RecipientPicker profileId={profileId} sessionId={sessionId} value={recipientValue} onChange={setRecipientValue} defaultCountry={country} />}
      <TemplatePicker disabled={working || !!outcome?.ok} onPick={(template) => setDraft({ ...draft, [field[1]]: template.text })} />
      <div className="field">
        <label htmlFor={textId}>{t(field[0])}</label>
        <textarea id={textId} rows={action === 'send-selection' ? 5 : 2} value={draft[field[1]] ?? ''} disabled={working || !!outcome?.ok} onChange={(e) => setDraft({ ...draft, [field[1]]: e.target.value })} />
      </div>
      <VariableInputs text={draft[field[1]] ?? ''} {...variables} disabled={working || !!outcome?.ok} />
      {call && !call.ok && <p className="error-text" role="alert">{call.reason}</p>}
      {call?.ok && recipient && (
        <section className="card" aria-label={t('preview')}>
          <p className="hint">{t('previewTo', { label: recipient.label, session: sessionId ?? '' })}</p>
          {action === 'send-image' && <p>{t(call.preview ? 'imagePlaceholder' : 'imageNoCaption')}</p>}
          {call.preview && <p className="selection">{call.preview}</p>}
        </section>
      )}
      {sending.unsureView}
      {!outcome?.ok && !sending.unsure && (
        <div className="actions">
          <button type="button" className="primary" disabled={!call?.ok || working} onClick={send}>
            {working ? t('sending') : t('send')}
          </button>
        </div>
      )}
      {outcome && <Outcome outcome={outcome} />}
    </>
  );
}
