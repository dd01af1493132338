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
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

type NumbersAction = Extract<MenuAction, 'check-numbers' | 'add-to-group' | 'send-message'>;
/** The button of each action, for its count of numbers. */
const BUTTON = { 'check-numbers': 'checkCount', 'add-to-group': 'addCount', 'send-message': 'sendCount' } as const satisfies Record<NumbersAction, string>;

interface Done {
  outcome: OutcomeState;
  results?: NumberResult[];
  jobId?: string;
}

/** Words for the window and the notification, from what the run answered. */
function describe(action: NumbersAction, run: RunOutcome, count: number, sessionId: string, group: string): { title: string; done: Done } {
  const failedTitle = { 'check-numbers': t('failedCheck'), 'add-to-group': t('failedAdd', { group }), 'send-message': t('failedSend') }[action];
  if (run.kind === 'error') return { title: failedTitle, done: { outcome: { ok: false, text: run.message } } };
  if (run.kind === 'job') {
    const what = action === 'check-numbers' ? t.count('jobChecking', count) : t.count('jobAdding', count, { group });
    const text = t('jobInBackground', { what, session: sessionId });
    return { title: what, done: { outcome: { ok: true, text }, jobId: run.job.id } };
  }
  const { results } = run;
  const good = results.filter((r) => r.outcome !== 'failed' && r.outcome !== 'unknown').length;
  const firstReason = results.find((r) => r.outcome === 'failed')?.reason;
  const text = firstReason ? t('summaryWithReason', { summary: summarize(results), reason: firstReason }) : t('summary', { summary: summarize(results) });
  const title =
    action === 'check-numbers'
      ? t.count('checked', count)
      : action === 'add-to-group'
        ? t(results.some((r) => r.outcome === 'added') ? 'addedTo' : 'nobodyAdded', { group })
        : good > 0 ? t('sentSome', { good, count }) : t('failedSend');
  return { title, done: { outcome: { ok: good > 0, text: t('titled', { title, text }) }, results } };
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

  if (!numbers || country === null) return <p className="hint" aria-busy="true">{t('readingSelection')}</p>;
  const found = <FoundNumbers numbers={numbers} text={text} country={country} />;
  if (numbers.length === 0) return found;

  const { profileId, sessionId } = choice;
  const count = numbers.length;
  const tooMany = action === 'send-message' && count > SEND_LIMIT;
  const ready = !!profileId && !!sessionId && !working && !done && !tooMany && (action !== 'add-to-group' || !!group) && (action !== 'send-message' || !!message.trim());
  const label = t.count(BUTTON[action], count);

  const run = async () => {
    if (!profileId || !sessionId) return;
    setConfirming(false);
    setWorking(action === 'send-message' ? t('sendingProgress', { done: 0, count }) : t('working'));
    const result =
      action === 'check-numbers'
        ? await checkNumbers(profileId, sessionId, numbers)
        : action === 'add-to-group'
          ? await addNumbers(profileId, sessionId, group!, numbers)
          : await sendMessages(profileId, sessionId, numbers, message, (n) => setWorking(t('sendingProgress', { done: n, count })));
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
          <label htmlFor={messageId}>{t('message')}</label>
          <textarea id={messageId} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} disabled={!!done || !!working} />
        </div>
      )}
      {tooMany && <p className="banner warn" role="alert">{t('tooMany', { count, limit: SEND_LIMIT })}</p>}
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
        <ConfirmDialog title={t.count('confirmSendTitle', count)} confirmLabel={t('send')} onCancel={() => setConfirming(false)} onConfirm={() => void run()}>
          {t('confirmSendBody', { session: sessionId ?? '' })}
        </ConfirmDialog>
      )}
    </>
  );
}
