import { useState } from 'react';
import { DIRECT_LIMIT, runGroupAction, startGroupJob } from './group-api';
import { resultList, type GroupSummary } from '@/lib/answers/groups';
import { PhoneListInput, usePhoneList } from '../shared/PhoneListInput';

/** "6281…: not on WhatsApp" → "+6281… (not on WhatsApp)". */
export function describeFailures(failures: readonly string[]): string {
  return failures
    .map((entry) => {
      const [who = entry, ...why] = entry.split(': ');
      const number = /^\d+$/.test(who) ? `+${who}` : who;
      return why.length ? `${number} (${why.join(': ')})` : number;
    })
    .join('; ');
}

/**
 * Paste numbers, see which are usable, add them. A handful go in one request; more run as a
 * background job, paced to the server's rate limit.
 */
export function AddParticipants(props: { sessionId: string; group: GroupSummary; onAdded: () => void }) {
  const { sessionId, group, onAdded } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const parsed = usePhoneList(text);
  const valid = parsed?.valid ?? [];

  async function add() {
    if (valid.length === 0) return;
    setBusy(true);
    if (valid.length > DIRECT_LIMIT) {
      const started = await startGroupJob('group.add', sessionId, group, valid.map((v) => ({ input: v.input, value: v.digits })));
      setBusy(false);
      if (started) setText('');
      return;
    }
    const data = await runGroupAction(
      'postGroupParticipantsAdd',
      { sessionId, groupId: group.id, participants: valid.map((v) => v.digits) },
      (answer) => {
        const added = resultList(answer, 'addedParticipants');
        const failed = resultList(answer, 'failedToAdd');
        const addedText = added.length ? `Added ${added.length} of ${valid.length} to “${group.subject}”.` : `No one was added to “${group.subject}”.`;
        return `${addedText}${failed.length ? ` Not added: ${describeFailures(failed)}.` : ''}`;
      },
      group.subject,
    );
    setBusy(false);
    if (data) {
      setText('');
      onAdded();
    }
  }

  return (
    <form className="group-section" aria-label="Add participants" noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
      <h3>Add participants</h3>
      <PhoneListInput label="Numbers to add" text={text} onText={setText} parsed={parsed} disabled={busy} />
      <div className="actions compact">
        <button type="submit" className="primary" disabled={busy || valid.length === 0}>
          {busy ? 'Adding…' : valid.length > 0 ? `Add ${valid.length} participant${valid.length === 1 ? '' : 's'}` : 'Add participants'}
        </button>
      </div>
      {valid.length > DIRECT_LIMIT && <p className="hint">More than {DIRECT_LIMIT} numbers are added in the background, a few at a time, at the pace the server allows.</p>}
    </form>
  );
}
