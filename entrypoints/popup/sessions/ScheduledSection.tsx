import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { askBackground } from '@/lib/messaging/ask-background';
import { canEdit, canRemove, canSendAnyway, canSendNow, describeDue, listOrder, localDateTime, toLocalInputs } from '@/lib/scheduled';
import { readChecked, scheduledMessagesItem, watchChecked, type ScheduledMessage } from '@/lib/storage';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import './scheduled.css';

/**
 * The scheduled messages of the server shown in the popup: when each goes (in the time zone it
 * was scheduled in), its state in words, and edit, send now, cancel. Loaded after the first paint
 * (its own chunk), and drawn only when there are any.
 */

const STATE_WORDS: Record<ScheduledMessage['state'], string> = {
  scheduled: 'Scheduled',
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Not sent',
  unconfirmed: 'Not confirmed yet',
  missed: 'Missed while the browser was closed',
};

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
    onDone(`Now scheduled for ${describeDue(reply.data.dueAt, reply.data.timeZone)}.`);
  }
  return (
    <form aria-label={`Edit the message to ${message.label}`} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="field">
        <label htmlFor={ids.text}>Message</label>
        <textarea id={ids.text} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.date}>Day</label>
          <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.time}>Time</label>
          <input id={ids.time} type="time" step={1} value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
      </div>
      <p className="hint">Time zone: {localZone()}</p>
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>Save</button>
        <button type="button" onClick={() => onDone()}>Cancel</button>
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

  const words = STATE_WORDS[message.state];
  return (
    <li className="scheduled-item" aria-label={`To ${message.label}: ${words}`}>
      <p className="scheduled-head">
        <strong>{message.label}</strong> · <span className={`scheduled-state ${message.state}`}>{words}</span>
      </p>
      <p className="hint">
        {message.state === 'sent' && message.sentAt
          ? `Sent ${describeDue(message.sentAt, message.timeZone)}${message.messageId ? ` · Message ID ${message.messageId}` : ''}${message.confirmedFromChat ? ' (found in the chat: its answer never came)' : ''}`
          : `${message.state === 'missed' ? 'Was due' : 'Due'} ${describeDue(message.dueAt, message.timeZone)} · from “${message.sessionId}”`}
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
          {canSendNow(message) && <button type="button" disabled={busy} onClick={() => void run(() => askBackground('scheduled.sendNow', { id: message.id }))}>{busy ? 'Sending…' : 'Send now'}</button>}
          {canEdit(message) && <button type="button" disabled={busy} onClick={() => setEditing(true)}>Edit</button>}
          {message.state === 'unconfirmed' && <button type="button" disabled={busy} onClick={() => void run(() => askBackground('scheduled.check', { id: message.id }))}>Check again</button>}
          {canSendAnyway(message) && <button type="button" disabled={busy} onClick={() => setAsking('anyway')}>Send it anyway</button>}
          {canRemove(message) && (
            <button type="button" className={message.state === 'sent' ? undefined : 'danger'} disabled={busy} onClick={() => (message.state === 'sent' ? void run(() => askBackground('scheduled.remove', { id: message.id })) : setAsking('remove'))}>
              {message.state === 'sent' ? 'Dismiss' : 'Cancel message'}
            </button>
          )}
        </div>
      )}
      {asking === 'remove' && (
        <ConfirmDialog title={`Cancel the message to ${message.label}?`} confirmLabel="Cancel message" onConfirm={() => void run(() => askBackground('scheduled.remove', { id: message.id }))} onCancel={() => setAsking(null)}>
          <p>It will not be sent{message.state === 'unconfirmed' ? ' again (it may have gone out already)' : ''}, and it is removed from the list.</p>
        </ConfirmDialog>
      )}
      {asking === 'anyway' && (
        <ConfirmDialog title={`Send it to ${message.label} anyway?`} confirmLabel="Send it anyway" onConfirm={() => void run(() => askBackground('scheduled.sendNow', { id: message.id, anyway: true }))} onCancel={() => setAsking(null)}>
          <p>Its earlier send got no answer and may have gone out already: {message.label} may get it twice.</p>
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
        Message templates
      </button>
    </p>
  );
  if (mine.length === 0) return templatesLink;
  return (
    <>
    <section className="jobs-section scheduled-section" aria-label="Scheduled messages">
      <h2 className="jobs-heading">Scheduled messages</h2>
      <p className="hint">They are sent only while the browser is running. One that comes due while it is closed is sent when it starts again, or kept here for you to decide (see the options).</p>
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
