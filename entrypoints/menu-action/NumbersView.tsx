import { useEffect, useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { JobProgress } from '@/components/JobProgress';
import type { MenuAction } from '@/lib/menu-handoff';
import { summarize, type NumberResult } from '@/lib/answers/menu-results';
import { findPhoneNumbers } from '@/lib/phone-list';
import { readChecked, settingsItem } from '@/lib/storage';
import { notify } from './notify';
import { FoundNumbers } from './FoundNumbers';
import { GroupPicker } from './GroupPicker';
import type { GroupOption } from './groups';
import { addNumbers, checkNumbers, SEND_LIMIT, sendMessages, type RunOutcome } from './number-actions';
import { NumberResults, Outcome, type OutcomeState } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';

type NumbersAction = Extract<MenuAction, 'check-numbers' | 'add-to-group' | 'send-message'>;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Done {
  outcome: OutcomeState;
  results?: NumberResult[];
  jobId?: string;
}

/** Words for the window and the notification, from what the run answered. */
function describe(action: NumbersAction, run: RunOutcome, count: number, sessionId: string, group: string): { title: string; done: Done } {
  const failedTitle = { 'check-numbers': 'Could not check the numbers', 'add-to-group': `Could not add to “${group}”`, 'send-message': 'Message not sent' }[action];
  if (run.kind === 'error') return { title: failedTitle, done: { outcome: { ok: false, text: run.message } } };
  if (run.kind === 'job') {
    const what = action === 'check-numbers' ? `Checking ${plural(count, 'number')} on WhatsApp` : `Adding ${plural(count, 'number')} to “${group}”`;
    const text = `${what} with “${sessionId}” in the background. Closing this window does not stop it: a notification says when it is done.`;
    return { title: what, done: { outcome: { ok: true, text }, jobId: run.job.id } };
  }
  const { results } = run;
  const good = results.filter((r) => r.outcome !== 'failed' && r.outcome !== 'unknown').length;
  const firstReason = results.find((r) => r.outcome === 'failed')?.reason;
  const text = `${summarize(results)}.${firstReason ? ` ${firstReason}` : ''}`;
  const title =
    action === 'check-numbers'
      ? `Checked ${plural(count, 'number')} on WhatsApp`
      : action === 'add-to-group'
        ? results.some((r) => r.outcome === 'added') ? `Added to “${group}”` : `Nobody was added to “${group}”`
        : good > 0 ? `Message sent to ${good} of ${count}` : 'Message not sent';
  return { title, done: { outcome: { ok: good > 0, text: `${title}: ${text}` }, results } };
}

/** "Check on WhatsApp", "Add to group…" and "Send a message…" on selected text. */
export function NumbersView({ action, text, choice }: { action: NumbersAction; text: string; choice: ServerChoice }) {
  const messageId = useId();
  const [country, setCountry] = useState<string | null>(null);
  const [group, setGroup] = useState<GroupOption | null>(null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  useEffect(() => void readChecked(settingsItem).then((s) => setCountry(s.defaultCountryCode)), []);
  const numbers = useMemo(() => (country === null ? null : findPhoneNumbers(text, country)), [text, country]);

  if (!numbers || country === null) return <p className="hint" aria-busy="true">Reading the selection…</p>;
  const found = <FoundNumbers numbers={numbers} text={text} country={country} />;
  if (numbers.length === 0) return found;

  const { profileId, sessionId } = choice;
  const count = numbers.length;
  const tooMany = action === 'send-message' && count > SEND_LIMIT;
  const ready = !!profileId && !!sessionId && !working && !done && !tooMany && (action !== 'add-to-group' || !!group) && (action !== 'send-message' || !!message.trim());
  const label = { 'check-numbers': `Check ${plural(count, 'number')}`, 'add-to-group': `Add ${plural(count, 'number')} to the group`, 'send-message': `Send to ${plural(count, 'number')}` }[action];

  const run = async () => {
    if (!profileId || !sessionId) return;
    setConfirming(false);
    setWorking(action === 'send-message' ? `Sending… 0 of ${count}` : 'Working…');
    const result =
      action === 'check-numbers'
        ? await checkNumbers(profileId, sessionId, numbers)
        : action === 'add-to-group'
          ? await addNumbers(profileId, sessionId, group!, numbers)
          : await sendMessages(profileId, sessionId, numbers, message, (n) => setWorking(`Sending… ${n} of ${count}`));
    const { title, done: next } = describe(action, result, count, sessionId, group?.subject ?? '');
    setWorking(null);
    setDone(next);
    // A job's result comes as a notification from the background when it finishes.
    if (result.kind !== 'job') await notify(action, next.outcome.ok, title, next.outcome.text);
  };

  return (
    <>
      {found}
      <ServerPicker choice={choice} />
      {action === 'add-to-group' && profileId && sessionId && <GroupPicker profileId={profileId} sessionId={sessionId} need="add" onChange={setGroup} />}
      {action === 'send-message' && (
        <div className="field">
          <label htmlFor={messageId}>Message</label>
          <textarea id={messageId} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} disabled={!!done || !!working} />
        </div>
      )}
      {tooMany && <p className="banner warn" role="alert">That is {count} numbers; from here a message goes to at most {SEND_LIMIT} at a time. Select fewer numbers.</p>}
      {!done && (
        <div className="actions">
          <button type="button" className="primary" disabled={!ready} onClick={() => (action === 'send-message' ? setConfirming(true) : void run())}>
            {label}
          </button>
        </div>
      )}
      {working && <p className="hint" role="status" aria-busy="true">{working}</p>}
      {done && <Outcome outcome={done.outcome} />}
      {done?.results && <NumberResults results={done.results} />}
      {done?.jobId && <JobProgress jobId={done.jobId} />}
      {confirming && (
        <ConfirmDialog title={`Send this message to ${plural(count, 'number')}?`} confirmLabel="Send" onCancel={() => setConfirming(false)} onConfirm={() => void run()}>
          “{sessionId}” sends it to each number in its own chat. Messages cannot be unsent from here.
        </ConfirmDialog>
      )}
    </>
  );
}
