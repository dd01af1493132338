import { useEffect, useId, useRef, useState } from 'react';
import { loadGroups, type GroupNeed, type GroupOption, type GroupsLoad } from './groups';

const WHY_HIDDEN: Record<GroupNeed, string> = {
  add: 'where you are not an admin (only admins may add participants there)',
  picture: 'where you are not an admin and only admins may change the group info',
};

/** The group to act in, among those where this session may do it. */
export function GroupPicker(props: { profileId: string; sessionId: string; need: GroupNeed; onChange: (group: GroupOption | null) => void }) {
  const { profileId, sessionId, need, onChange } = props;
  const selectId = useId();
  const [load, setLoad] = useState<GroupsLoad | null>(null);
  const [progress, setProgress] = useState<[number, number]>([0, 0]);
  const [groupId, setGroupId] = useState('');
  // The parent's setter: a new identity of it must not reload the groups.
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    let live = true;
    setLoad(null);
    setGroupId('');
    changed.current(null);
    void loadGroups(profileId, sessionId, need, (done, total) => live && setProgress([done, total])).then((result) => {
      if (!live) return;
      setLoad(result);
      const first = result.ok ? result.groups[0] : undefined;
      setGroupId(first?.id ?? '');
      changed.current(first ?? null);
    });
    return () => {
      live = false;
    };
  }, [profileId, sessionId, need]);

  if (!load) {
    const [done, total] = progress;
    return (
      <p className="hint" role="status" aria-busy="true">
        {total > 0 ? `Checking your admin rights… ${done} of ${total} groups` : `Loading the groups of “${sessionId}”…`}
      </p>
    );
  }
  if (!load.ok) return <p className="banner error" role="alert">Could not list the groups of “{sessionId}”. {load.error}</p>;
  const hidden = load.hidden > 0 ? ` ${load.hidden} group${load.hidden === 1 ? '' : 's'} ${WHY_HIDDEN[need]} ${load.hidden === 1 ? 'is' : 'are'} not listed.` : '';
  if (load.groups.length === 0) {
    return <p className="banner warn" role="alert">“{sessionId}” has no group where it can do this.{hidden}</p>;
  }
  return (
    <div className="field">
      <label htmlFor={selectId}>Group</label>
      <select
        id={selectId}
        value={groupId}
        onChange={(e) => {
          setGroupId(e.target.value);
          onChange(load.groups.find((g) => g.id === e.target.value) ?? null);
        }}
      >
        {load.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.subject}
            {g.size !== undefined ? ` (${g.size})` : ''}
            {g.admin ? ' · admin' : ''}
          </option>
        ))}
      </select>
      {hidden && <span className="hint">{hidden.trim()}</span>}
    </div>
  );
}
