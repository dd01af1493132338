import { useEffect, useId, useRef, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { loadGroups, type GroupNeed, type GroupOption, type GroupsLoad } from './groups';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

/** Why some groups are left out, and how many. */
const HIDDEN = { add: 'hiddenAdd', picture: 'hiddenPicture' } as const satisfies Record<GroupNeed, string>;

/** The group to act in, among those where this session may do it. */
export function GroupPicker(props: { profileId: string; sessionId: string; need: GroupNeed; onChange: (group: GroupOption | null) => void }) {
  const { profileId, sessionId, need, onChange } = props;
  const selectId = useId();
  const [progress, setProgress] = useState<[number, number]>([0, 0]);
  const [groupId, setGroupId] = useState('');
  // The parent's setter: a new identity of it must not reload the groups.
  const changed = useRef(onChange);
  changed.current = onChange;
  const latest = useLatest<GroupsLoad>(async (_shown, isNewest) => {
    setProgress([0, 0]);
    setGroupId('');
    changed.current(null);
    const result = await loadGroups(profileId, sessionId, need, (done, total) => isNewest() && setProgress([done, total]));
    return { ok: true as const, data: result };
  }, [profileId, sessionId, need]);
  const load: GroupsLoad | null = latest.loading ? null : latest.data;

  // The first usable group is preselected when the list arrives.
  useEffect(() => {
    if (!latest.data) return;
    const first = latest.data.ok ? latest.data.groups[0] : undefined;
    setGroupId(first?.id ?? '');
    changed.current(first ?? null);
  }, [latest.data]);

  if (!load) {
    const [done, total] = progress;
    return (
      <p className="hint" role="status" aria-busy="true">
        {total > 0 ? t('checkingAdmin', { done, total }) : t('loadingGroups', { session: sessionId })}
      </p>
    );
  }
  if (!load.ok) return <p className="banner error" role="alert">{t('listFailed', { session: sessionId, error: load.error })}</p>;
  const hidden = load.hidden > 0 ? t.count(HIDDEN[need], load.hidden) : '';
  if (load.groups.length === 0) {
    return <p className="banner warn" role="alert">{t('noUsableGroup', { session: sessionId })}{hidden && ` ${hidden}`}</p>;
  }
  return (
    <div className="field">
      <label htmlFor={selectId}>{t('group')}</label>
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
            {g.admin ? t('adminSuffix') : ''}
          </option>
        ))}
      </select>
      {hidden && <span className="hint">{hidden}</span>}
    </div>
  );
}
