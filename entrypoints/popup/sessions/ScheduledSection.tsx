import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { askBackground } from '@/lib/messaging/ask-background';
import { canEdit, canRemove, canSendAnyway, canSendNow, describeDue, listOrder, localDateTime, toLocalInputs } from '@/lib/scheduled';
import { readChecked, scheduledMessagesItem, watchChecked, type ScheduledMessage } from '@/lib/storage';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import './scheduled.css';
import { textsOf } from '@/lib/i18n';

const t = textsOf('sessions');

/**
 * The scheduled messages of the server shown in the popup: when each goes (in the time zone it
 * was scheduled in), its state in words, and edit, send now, cancel. Loaded after the first paint
 * (its own chunk), and drawn only when there are any.
 */

/** A message's state in words (read when drawn: the language is chosen before the first render). */
const stateWord = (state: ScheduledMessage['state']): string =>
  ({
    scheduled: t('stateScheduled'),
    sending: t('stateSending'),
    sent: t('stateSent'),
    failed: t('stateFailed'),
    unconfirmed: t('stateUnconfirmed'),
    missed: t('stateMissed'),
  })[state];

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function EditForm({ message, onDone }: { message: ScheduledMessage; onDone(text?: string): void }) {
  const start = toLocalInputs(Math.max(message.dueAt, Date.now() + 600_000));
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [text, setText] = useState(message.message);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { date: useId(), time: useId(), text: useId() };
  async function save() {
    const at = localDateTime(date, time);
    if (!at.ok) return setProblem(at.message);
    setBusy(true);
    const reply = await askBackground('scheduled.update', { id: message.id, message: text, dueAt: at.at, timeZone: localZone() });
    setBusy(false);
    if (!reply.ok) return setProblem(reply.error.message);
    onDone(t('nowScheduledFor', { when: describeDue(reply.data.dueAt, reply.data.timeZone) }));
  }
  return (
    <form aria-label={t('editMessageTo', { label: message.label })} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="field">
        <label htmlFor={ids.text}>{t('message')}</label>
        <textarea id={ids.text} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.date}>{t('day')}</label>
          <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.time}>{t('time')}</label>
          <input id={ids.time} type="time" step={1} value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t('timeZone', { zone: localZone() })}</p>
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('save')}</button>
        <button type="button" onClick={() => onDone()}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function ScheduledItem({ message }: { message: ScheduledMessage }) {
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<'remove' | 'anyway' | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function run(work: () => ReturnType<typeof askBackground<'scheduled.sendNow'>> | ReturnType<typeof askBackground<'scheduled.remove'>>) {
    setAsking(null);
    setBusy(true);
    setNote(null);
    const reply = await work();
    setBusy(false);
    if (!reply.ok) setNote({ tone: 'error', text: reply.error.message });
  }

  const words = stateWord(message.state);
  return (
    <li className="scheduled-item" aria-label={t('scheduledItem', { label: message.label, state: words })}>
      <p className="scheduled-head">
        <strong>{message.label}</strong> · <span className={`scheduled-state ${message.state}`}>{words}</span>
      </p>
      <p className="hint">
        {message.state === 'sent' && message.sentAt
          ? t('sentAt', { when: describeDue(message.sentAt, message.timeZone) }) + (message.messageId ? t('messageIdSuffix', { id: message.messageId }) : '') + (message.confirmedFromChat ? t('foundInChatSuffix') : '')
          : t(message.state === 'missed' ? 'wasDueFrom' : 'dueFrom', { when: describeDue(message.dueAt, message.timeZone), session: message.sessionId })}
      </p>
      {editing ? (
        <EditForm message={message} onDone={(text) => { setEditing(false); if (text) setNote({ tone: 'ok', text }); }} />
      ) : (
        <p className="scheduled-text">{message.message.length > 300 ? `${message.message.slice(0, 299)}…` : message.message}</p>
      )}
      {message.reason && <p className={message.state === 'failed' ? 'error-text' : 'warning-text'}>{message.reason}</p>}
      {note && <p className={note.tone === 'ok' ? 'hint' : 'error-text'} role={note.tone === 'ok' ? 'status' : 'alert'}>{note.text}</p>}
      {!editing && (
        <div className="actions">
          {canSendNow(message) && <button type="button" disabled={busy} onClick={() => void run(() => askBackground('scheduled.sendNow', { id: message.id }))}>{busy ? t('stateSending') : t('sendNow')}</button>}
          {canEdit(message) && <button type="button" disabled={busy} onClick={() => setEditing(true)}>{t('edit')}</button>}
          {message.state === 'unconfirmed' && <button type="button" disabled={busy} onClick={() => void run(() => askBackground('scheduled.check', { id: message.id }))}>{t('checkAgain')}</button>}
          {canSendAnyway(message) && <button type="button" disabled={busy} onClick={() => setAsking('anyway')}>{t('sendAnyway')}</button>}
          {canRemove(message) && (
            <button type="button" className={message.state === 'sent' ? undefined : 'danger'} disabled={busy} onClick={() => (message.state === 'sent' ? void run(() => askBackground('scheduled.remove', { id: message.id })) : setAsking('remove'))}>
              {message.state === 'sent' ? t('dismiss') : t('cancelMessage')}
            </button>
          )}
        </div>
      )}
      {asking === 'remove' && (
        <ConfirmDialog title={t('cancelMessageTitle', { label: message.label })} confirmLabel={t('cancelMessage')} onConfirm={() => void run(() => askBackground('scheduled.remove', { id: message.id }))} onCancel={() => setAsking(null)}>
          <p>{message.state === 'unconfirmed' ? t('cancelBodyUnconfirmed') : t('cancelBody')}</p>
        </ConfirmDialog>
      )}
      {asking === 'anyway' && (
        <ConfirmDialog title={t('sendAnywayTitle', { label: message.label })} confirmLabel={t('sendAnyway')} onConfirm={() => void run(() => askBackground('scheduled.sendNow', { id: message.id, anyway: true }))} onCancel={() => setAsking(null)}>
          <p>{t('sendAnywayBody', { label: message.label })}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

export default function ScheduledSection() {
  const [messages, setMessages] = useState<ScheduledMessage[]>([]);
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  useEffect(() => {
    void readChecked(scheduledMessagesItem).then((state) => setMessages(state.messages));
    return watchChecked(scheduledMessagesItem, (state) => setMessages(state.messages));
  }, []);
  const mine = listOrder(messages.filter((m) => m.profileId === activeProfileId));
  const templatesLink = (
    <p className="list-footer">
      <button type="button" className="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#templates') })}>
        {t('messageTemplates')}
      </button>
    </p>
  );
  if (mine.length === 0) return templatesLink;
  return (
    <>
    <section className="jobs-section scheduled-section" aria-label={t('scheduledMessages')}>
      <h2 className="jobs-heading">{t('scheduledMessages')}</h2>
      <p className="hint">{t('scheduledHint')}</p>
      <ul className="scheduled-list">
        {mine.map((message) => (
          <ScheduledItem key={message.id} message={message} />
        ))}
      </ul>
    </section>
    {templatesLink}
    </>
  );
}
