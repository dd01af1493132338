import { useId, useState } from 'react';
import { runGroupAction } from './group-api';
import { resultText } from '@/lib/answers/groups';
import { useGroupsStore } from './groups-store';
import { PhoneListInput, usePhoneList } from '../shared/PhoneListInput';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');
const common = textsOf('common');

const NAME_LIMIT = 100;

/** A new group: its name and the people to add (the same paste-and-check input as adding participants). */
export function CreateGroupView({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  const loadList = useGroupsStore((s) => s.loadList);
  const [name, setName] = useState('');
  const [numbers, setNumbers] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const parsed = usePhoneList(numbers);
  const valid = parsed?.valid ?? [];
  const trimmed = name.trim();
  const nameProblem = !trimmed ? t('enterName') : trimmed.length > NAME_LIMIT ? t('tooLong', { limit: NAME_LIMIT, count: trimmed.length }) : null;

  async function create() {
    setTouched(true);
    if (nameProblem || !parsed) return;
    setBusy(true);
    const data = await runGroupAction(
      'postGroupCreate',
      { sessionId, groupName: trimmed, participants: valid.map((v) => v.digits) },
      () => (valid.length ? t.count('createdGroupWith', valid.length, { name: trimmed }) : t('createdGroup', { name: trimmed })),
    );
    setBusy(false);
    if (!data) return;
    const groupId = resultText(data, 'groupId');
    void loadList(sessionId, true);
    show(groupId ? { name: 'group', sessionId, groupId } : { name: 'groups', sessionId });
  }

  return (
    <form className="panel" aria-label={t('createGroup')} noValidate onSubmit={(e) => { e.preventDefault(); void create(); }}>
      <h2>{t('newGroupFor', { session: sessionId })}</h2>
      <div className="field">
        <label htmlFor={nameId}>{t('groupName')}</label>
        <input id={nameId} value={name} onChange={(e) => { setName(e.target.value); setTouched(true); }} aria-invalid={touched && !!nameProblem} autoComplete="off" />
        {touched && nameProblem && <span className="error-text">{nameProblem}</span>}
      </div>
      <PhoneListInput label={t('participantsOptional')} text={numbers} onText={setNumbers} parsed={parsed} disabled={busy} />
      {parsed && parsed.invalid.length > 0 && <p className="warning-text">{t('unusableLeftOut')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('creating') : t('createGroup')}</button>
        <button type="button" onClick={() => show({ name: 'groups', sessionId })}>{common('cancel')}</button>
      </div>
    </form>
  );
}
