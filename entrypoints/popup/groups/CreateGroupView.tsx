import { useId, useState } from 'react';
import { runGroupAction } from './group-api';
import { resultText } from '@/lib/answers/groups';
import { useGroupsStore } from './groups-store';
import { PhoneListInput, usePhoneList } from '../shared/PhoneListInput';
import { usePopupStore } from '../shared/store';

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
  const nameProblem = !trimmed ? 'Enter a name for the group.' : trimmed.length > NAME_LIMIT ? `At most ${NAME_LIMIT} characters (now ${trimmed.length}).` : null;

  async function create() {
    setTouched(true);
    if (nameProblem || !parsed) return;
    setBusy(true);
    const data = await runGroupAction(
      'postGroupCreate',
      { sessionId, groupName: trimmed, participants: valid.map((v) => v.digits) },
      () => `Created “${trimmed}”${valid.length ? ` with ${valid.length} participant${valid.length === 1 ? '' : 's'} invited` : ''}.`,
    );
    setBusy(false);
    if (!data) return;
    const groupId = resultText(data, 'groupId');
    void loadList(sessionId, true);
    show(groupId ? { name: 'group', sessionId, groupId } : { name: 'groups', sessionId });
  }

  return (
    <form className="panel" aria-label="Create group" noValidate onSubmit={(e) => { e.preventDefault(); void create(); }}>
      <h2>New group for “{sessionId}”</h2>
      <div className="field">
        <label htmlFor={nameId}>Group name</label>
        <input id={nameId} value={name} onChange={(e) => { setName(e.target.value); setTouched(true); }} aria-invalid={touched && !!nameProblem} autoComplete="off" />
        {touched && nameProblem && <span className="error-text">{nameProblem}</span>}
      </div>
      <PhoneListInput label="Participants (optional)" text={numbers} onText={setNumbers} parsed={parsed} disabled={busy} />
      {parsed && parsed.invalid.length > 0 && <p className="warning-text">The numbers that are not usable are left out; fix them above to include them.</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create group'}</button>
        <button type="button" onClick={() => show({ name: 'groups', sessionId })}>Cancel</button>
      </div>
    </form>
  );
}
