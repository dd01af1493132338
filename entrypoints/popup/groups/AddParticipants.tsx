import { useState } from 'react';
import { DIRECT_LIMIT, runGroupAction, startGroupJob } from './group-api';
import { resultList, type GroupSummary } from '@/lib/answers/groups';
import { PhoneListInput, usePhoneList } from '../shared/PhoneListInput';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

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
        const addedText = added.length ? t('added', { added: added.length, count: valid.length, name: group.subject }) : t('noneAdded', { name: group.subject });
        return failed.length ? addedText + t('notAddedSuffix', { list: describeFailures(failed) }) : addedText;
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
    <form className="group-section" aria-label={t('addParticipants')} noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
      <h3>{t('addParticipants')}</h3>
      <PhoneListInput label={t('numbersToAdd')} text={text} onText={setText} parsed={parsed} disabled={busy} />
      <div className="actions compact">
        <button type="submit" className="primary" disabled={busy || valid.length === 0}>
          {busy ? t('adding') : valid.length > 0 ? t.count('addCount', valid.length) : t('addParticipants')}
        </button>
      </div>
      {valid.length > DIRECT_LIMIT && <p className="hint">{t('addInBackground', { limit: DIRECT_LIMIT })}</p>}
    </form>
  );
}
