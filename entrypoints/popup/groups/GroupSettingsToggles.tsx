import { useState } from 'react';
import { runGroupAction } from './group-api';
import type { GroupSummary } from '@/lib/answers/groups';
import type { OperationId } from '@/lib/warest/catalog';

type Setting = 'announce' | 'restrict';

const SETTINGS: Record<Setting, { label: string; operationId: OperationId; input: string; on: string; off: string }> = {
  announce: {
    label: 'Announcement mode: only admins can send messages',
    operationId: 'postGroupAnnouncement',
    input: 'announcement',
    on: 'Announcement mode is on: only admins can send messages in',
    off: 'Announcement mode is off: everyone can send messages in',
  },
  restrict: {
    label: 'Locked: only admins can edit the group info',
    operationId: 'postGroupLocked',
    input: 'locked',
    on: 'Locked: only admins can now change the name, description and picture of',
    off: 'Unlocked: every participant can now change the name, description and picture of',
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
    const done = await runGroupAction(spec.operationId, { sessionId, groupId: group.id, [spec.input]: value }, () => `${value ? spec.on : spec.off} “${group.subject}”.`, group.subject);
    if (done) update({ [setting]: value });
    setPending(null);
  }

  return (
    <fieldset className="group-settings">
      <legend>Settings</legend>
      {(Object.keys(SETTINGS) as Setting[]).map((setting) => (
        <label key={setting} className="check">
          <input type="checkbox" checked={pending?.setting === setting ? pending.value : group[setting]} disabled={pending !== null || notAdmin} onChange={(e) => void toggle(setting, e.target.checked)} />
          <span>{SETTINGS[setting].label}</span>
        </label>
      ))}
      {notAdmin && <p className="hint">Only admins can change these settings.</p>}
    </fieldset>
  );
}
