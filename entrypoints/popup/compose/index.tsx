import { useId, useRef, useState, type ReactNode } from 'react';
import { RecipientPicker, useDefaultCountry } from '@/components/RecipientPicker';
import { buildSend, readSent, takesFiles, type ComposeForm, type FieldErrors, type PickedFile, type SentMessage } from '@/lib/compose';
import { filePayloadFromBlob } from '@/lib/warest/file-payload';
import { expectationFor, type SentExpectation } from '@/lib/delivery-check';
import { resolveRecipient } from '@/lib/recipient';
import { COMPOSE_TYPES, type ComposeType } from '@/lib/storage';
import { callOperation } from '@/lib/messaging/call-operation';
import { askBackground } from '@/lib/messaging/ask-background';
import { describeDue } from '@/lib/scheduled';
import { fillVariables, insertTemplate } from '@/lib/templates';
import { ButtonsFields } from './ButtonsFields';
import { ContactFields, LocationFields } from './CardFields';
import { CheckField, TextField, type FieldsProps } from './fields';
import { FileFields } from './FileFields';
import { ListFields } from './ListFields';
import { PollFields } from './PollFields';
import { SentResult } from './SentResult';
import { UnsureResult } from '@/components/UnsureResult';
import { TextFields } from './TextFields';
import { InsertTemplate, variableErrorKey, VariableFields } from './TemplateParts';
import { SendLater } from './SendLater';
import { useComposeDraft } from './use-compose-draft';
import { RecipientChip } from './RecipientChip';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';
import './compose.css';

const t = textsOf('compose');

/** Each message type's name, and its send button's words (read when drawn: the language is chosen before the first render). */
const typeLabel = (type: ComposeType): string =>
  ({
    text: t('typeText'),
    files: t('typeFiles'),
    media: t('typeMedia'),
    audio: t('typeAudio'),
    document: t('typeDocument'),
    sticker: t('typeSticker'),
    gif: t('typeGif'),
    contact: t('typeContact'),
    location: t('typeLocation'),
    poll: t('typePoll'),
    buttons: t('typeButtons'),
    list: t('typeList'),
  })[type];
const sendLabel = (type: ComposeType): string =>
  ({
    text: t('sendText'),
    files: t('sendFiles'),
    media: t('sendMedia'),
    audio: t('sendAudio'),
    document: t('sendDocument'),
    sticker: t('sendSticker'),
    gif: t('sendGif'),
    contact: t('sendContact'),
    location: t('sendLocation'),
    poll: t('sendPoll'),
    buttons: t('sendButtons'),
    list: t('sendList'),
  })[type];

/** Files as the checks see them before their bytes are read. */
const described = (files: readonly File[]): PickedFile[] => files.map((file) => ({ name: file.name, type: file.type, size: file.size, value: null }));

/**
 * The form's checks with the message's variables filled in (text messages): a variable with no
 * value and no fallback is an error on the message and on its own field, before anything is sent.
 */
function checkSend(form: ComposeForm, values: Record<string, string>, sessionId: string, files: readonly PickedFile[], country: string) {
  if (form.type !== 'text') return buildSend(form, sessionId, files, country);
  const filled = fillVariables(form.message, values);
  const built = buildSend(filled.ok ? { ...form, message: filled.text } : form, sessionId, files, country);
  if (filled.ok) return built;
  const errors: FieldErrors = { ...(built.ok ? {} : built.errors), message: filled.error };
  for (const name of filled.missing) errors[variableErrorKey(name)] = t('fillIn', { name });
  return { ok: false as const, errors };
}

/** `to`: a recipient to start with (a chat's "Send message"), `toName` its chat's name. */
export type ComposeView = { name: 'compose'; sessionId: string; to?: string; toName?: string };

/**
 * The composer: send any of WARest's 12 message types from one session, with a kept draft. Its
 * own chunk, loaded when first shown (../features.ts).
 */
export default function ComposeScreen({ view }: { view: ComposeView }): ReactNode {
  const { sessionId, to, toName } = view;
  const show = usePopupStore((s) => s.show);
  const say = usePopupStore((s) => s.say);
  const profileId = useProfileChoice((s) => s.activeProfileId);
  const country = useDefaultCountry();
  const { form, update, clear, savedAt } = useComposeDraft(profileId, sessionId, to, toName);
  /** A chat's recipient shows as its name until the person asks to change it. */
  const [changingRecipient, setChangingRecipient] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ result: SentMessage; to: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** A send whose answer never came: what to look for in the chat, and why it is unknown. */
  const [unsure, setUnsure] = useState<{ expected: SentExpectation; why: string; to: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const typeId = useId();
  /** The values of the message's {{variables}}, by lower-case name (not kept in the draft). */
  const [values, setValues] = useState<Record<string, string>>({});
  const [scheduled, setScheduled] = useState<string | null>(null);

  if (!form) {
    return (
      <section className="panel" aria-label={t('sendFrom', { session: sessionId })}>
        <p className="hint" aria-busy="true">{t('loadingComposer')}</p>
      </section>
    );
  }

  const shownErrors = errors ?? {};
  /** Changes the form; once a send was tried, the checks follow every change. */
  function set(patch: Partial<ComposeForm>, nextFiles: readonly File[] = files, nextValues: Record<string, string> = values) {
    setSent(null);
    setSendError(null);
    setUnsure(null);
    setScheduled(null);
    update(patch);
    if (errors) {
      const check = checkSend({ ...form!, ...patch }, nextValues, sessionId, described(nextFiles), country);
      setErrors(check.ok ? {} : check.errors);
    }
  }

  function setValue(name: string, value: string) {
    const next = { ...values, [name]: value };
    setValues(next);
    set({}, files, next);
  }

  /** Checks everything; on a problem shows it and brings the first into view. */
  function checked(nextFiles: readonly PickedFile[]) {
    const check = checkSend(form!, values, sessionId, nextFiles, country);
    if (!check.ok) {
      setErrors(check.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
    return check;
  }

  async function schedule(dueAt: number, timeZone: string) {
    setSendError(null);
    setSent(null);
    setUnsure(null);
    setScheduled(null);
    const built = checked([]);
    if (!built.ok) return;
    setErrors(null);
    setBusy(true);
    try {
      const recipient = resolveRecipient(form!.recipient, country);
      const { to, message, replyMessageId, presence } = built.inputs as { to: string; message: string; replyMessageId?: string; presence?: boolean };
      const reply = await askBackground('scheduled.create', {
        ...(profileId && { profileId }),
        sessionId,
        to,
        label: recipient.ok ? recipient.label : to,
        message,
        ...(replyMessageId && { replyMessageId }),
        ...(presence && { presence }),
        dueAt,
        timeZone,
      });
      if (!reply.ok) return setSendError(t('notScheduled', { reason: reply.error.message }));
      setScheduled(t('scheduledFor', { when: describeDue(reply.data.dueAt, reply.data.timeZone), label: reply.data.label }));
      setValues({});
      await clear().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  }

  function pickFiles(picked: File[]) {
    setFiles(picked);
    set({ pickedNames: picked.map((file) => file.name) }, picked);
  }

  function changeType(type: ComposeType) {
    setFiles([]);
    setErrors(null);
    setSent(null);
    setSendError(null);
    setUnsure(null);
    update({ type, pickedNames: [] });
  }

  async function send() {
    setSendError(null);
    setSent(null);
    setUnsure(null);
    setScheduled(null);
    // Bring the first problem into view, where its message is.
    if (!checked(described(files)).ok) return;
    setErrors(null);
    setBusy(true);
    try {
      // Only reading the files can throw here; a failure after the send must not read as "not sent".
      let picked;
      try {
        picked = await Promise.all(files.map(async (file) => ({ name: file.name, type: file.type, size: file.size, value: await filePayloadFromBlob(file, file.name) })));
      } catch {
        return setSendError(t('filesUnreadable'));
      }
      const built = checkSend(form!, values, sessionId, picked, country);
      if (!built.ok) return setErrors(built.errors);
      const startedAt = Date.now();
      const reply = await callOperation(built.operationId, built.inputs, { profileId });
      const recipient = resolveRecipient(form!.recipient, country);
      const to = recipient.ok ? recipient.label : String(built.inputs.to);
      if (!reply.ok) {
        // No answer is not a failure: it may have gone out. Find out before anything is sent again.
        const expected = reply.error.outcomeUnknown ? expectationFor(built.inputs, startedAt) : undefined;
        if (expected) return setUnsure({ expected, why: reply.error.message, to });
        return setSendError(reply.error.outcomeUnknown ? t('checkChatFirst', { reason: reply.error.message }) : reply.error.message);
      }
      await delivered(readSent(reply.data), to);
    } finally {
      setBusy(false);
    }
  }

  /** The message went out: show it and forget the draft. */
  async function delivered(result: SentMessage, to: string) {
    setUnsure(null);
    setSent({ result, to });
    setFiles([]);
    setValues({});
    // The message is sent: a draft that could not be cleared is only a leftover, never a resend.
    await clear().catch(() => undefined);
  }

  const props: FieldsProps = { form, set, errors: shownErrors };
  return (
    <form ref={formRef} className="panel compose" aria-label={t('sendFrom', { session: sessionId })} noValidate onSubmit={(event) => { event.preventDefault(); void send(); }}>
      <h2>{t('sendFromHeading', { session: sessionId })}</h2>
      {!changingRecipient && to && toName && form.recipient.jid ? (
        <RecipientChip recipient={form.recipient} onChange={() => setChangingRecipient(true)} />
      ) : (
        <RecipientPicker profileId={profileId ?? undefined} sessionId={sessionId} value={form.recipient} onChange={(recipient) => set({ recipient })} defaultCountry={country} error={shownErrors.recipient} />
      )}
      <div className="field">
        <label htmlFor={typeId}>{t('messageType')}</label>
        <select id={typeId} value={form.type} onChange={(event) => changeType(event.target.value as ComposeType)}>
          {COMPOSE_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
      </div>
      {form.type === 'text' && (
        <>
          <InsertTemplate onInsert={(template) => set({ message: insertTemplate(form.message, template.text).text })} />
          <TextFields {...props} />
          <VariableFields text={form.message} values={values} onChange={setValue} errors={shownErrors} />
        </>
      )}
      {takesFiles(form.type) && <FileFields {...props} files={files} onFiles={pickFiles} />}
      {form.type === 'contact' && <ContactFields {...props} />}
      {form.type === 'location' && <LocationFields {...props} />}
      {form.type === 'poll' && <PollFields {...props} />}
      {form.type === 'buttons' && <ButtonsFields {...props} />}
      {form.type === 'list' && <ListFields {...props} />}
      <details className="compose-options" open={!!form.replyMessageId || !!shownErrors.replyMessageId}>
        <summary>{t('moreOptions')}</summary>
        <TextField label={t('replyTo')} value={form.replyMessageId} onChange={(replyMessageId) => set({ replyMessageId })} error={shownErrors.replyMessageId} hint={t('replyToHint')} />
        <CheckField label={t('typingFirst')} checked={form.presence} onChange={(presence) => set({ presence })} />
      </details>
      <SendLater busy={busy} onSchedule={(dueAt, timeZone) => void schedule(dueAt, timeZone)} disabledReason={form.type === 'text' ? undefined : t('onlyTextScheduled')} />
      {errors && Object.keys(errors).length > 0 && (
        <p className="error-text" role="alert">
          {t.count('nothingSent', Object.keys(errors).length)}
        </p>
      )}
      {sendError && (
        <p className="error-text" role="alert">
          {t('notSent', { reason: sendError })}
        </p>
      )}
      {unsure && (
        <UnsureResult
          profileId={profileId ?? undefined}
          expected={unsure.expected}
          why={unsure.why}
          onConfirmed={(messageId) => void delivered({ messageIds: [messageId], blocked: [], confirmedFromChat: true }, unsure.to)}
          onSendAgain={() => void send()}
        />
      )}
      {scheduled && (
        <p className="banner ok" role="status" aria-label={t('scheduled')}>
          {scheduled}
        </p>
      )}
      {sent && <SentResult sent={sent.result} to={sent.to} onCopied={(text, ok) => say({ tone: ok ? 'ok' : 'error', text })} />}
      <div className="actions compose-send">
        <button type="submit" className="primary" disabled={busy || !!unsure}>
          {busy ? t('sending') : sendLabel(form.type)}
        </button>
        <button type="button" onClick={() => show({ name: 'list' })}>
          {t('backToSessions')}
        </button>
      </div>
      {savedAt && !sent && <p className="hint compose-saved">{t('draftSaved')}</p>}
    </form>
  );
}
