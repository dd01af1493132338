import { useState } from 'react';
import { runGroupAction } from './group-api';
import type { GroupSummary } from '@/lib/answers/groups';
import type { OperationId } from '@/lib/warest/catalog';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');
type Key = Parameters<typeof t>[0];

type Setting = 'announce' | 'restrict';

/** Each switch's words are message keys, read when shown (the language may change meanwhile). */
const SETTINGS: Record<Setting, { label: Key; operationId: OperationId; input: string; on: Key; off: Key }> = {
  announce: {
    label: 'announceLabel',
    operationId: 'postGroupAnnouncement',
    input: 'announcement',
    on: 'announceOn',
    off: 'announceOff',
  },
  restrict: {
    label: 'lockedLabel',
    operationId: 'postGroupLocked',
    input: 'locked',
    on: 'lockedOn',
    off: 'lockedOff',
  },
};

/** The two admin switches of a group. A switch the server refuses goes back. */
export function GroupSettingsToggles(props: { sessionId: string; group: GroupSummary; update: (patch: Partial<GroupSummary>) => void }) {
  const { sessionId, group, update } = props;
  /** The switch being changed and the value asked for: shown at once, undone if the server refuses. */
  const [pending, setPending] = useState<{ setting: Setting; value: boolean } | null>(null);
  const notAdmin = group.amAdmin === false;

  async function toggle(setting: Setting, value: boolean) {
    const spec = SETTINGS[setting];
    setPending({ setting, value });
    const done = await runGroupAction(spec.operationId, { sessionId, groupId: group.id, [spec.input]: value }, () => t(value ? spec.on : spec.off, { name: group.subject }), group.subject);
    if (done) update({ [setting]: value });
    setPending(null);
  }

  return (
    <fieldset className="group-settings">
      <legend>{t('settings')}</legend>
      {(Object.keys(SETTINGS) as Setting[]).map((setting) => (
        <label key={setting} className="check">
          <input type="checkbox" checked={pending?.setting === setting ? pending.value : group[setting]} disabled={pending !== null || notAdmin} onChange={(e) => void toggle(setting, e.target.checked)} />
          <span>{t(SETTINGS[setting].label)}</span>
        </label>
      ))}
      {notAdmin && <p className="hint">{t('onlyAdminsSettings')}</p>}
    </fieldset>
  );
}
