import { runGroupAction } from './group-api';
import { showDate, type GroupSummary } from '@/lib/answers/groups';
import { GroupDangerZone } from './GroupDangerZone';
import { GroupInviteSection } from './GroupInviteSection';
import { GroupJobs } from './GroupJobs';
import { GroupPictureSection } from './GroupPictureSection';
import { GroupSettingsToggles } from './GroupSettingsToggles';
import { GroupTextEditor } from './GroupTextEditor';
import { usePopupStore } from '../shared/store';
import { useGroup } from './use-group';
import { usePendingCount } from './use-pending-count';

function GroupInfoList({ group }: { group: GroupSummary }) {
  const role = group.amAdmin === undefined ? 'unknown' : group.amAdmin ? 'admin' : 'member';
  return (
    <dl className="group-info" aria-label="Group info">
      <dt>Description</dt>
      <dd className="group-description">{group.description || <span className="hint">No description</span>}</dd>
      <dt>Created</dt>
      <dd>{showDate(group.creation)}</dd>
      <dt>Owner</dt>
      <dd>{group.owner ? `+${group.owner}` : 'unknown'}</dd>
      <dt>Participants</dt>
      <dd>{group.size}</dd>
      <dt>You are</dt>
      <dd>{role}</dd>
    </dl>
  );
}

/**
 * One group: back to the list at the top; info, picture, name and description, settings, invite
 * link, people (participants, join requests with how many wait); leave and delete apart, at the end.
 */
export function GroupPanel({ sessionId, groupId }: { sessionId: string; groupId: string }) {
  const show = usePopupStore((s) => s.show);
  const { group, error, loading, update } = useGroup(sessionId, groupId);
  const pending = usePendingCount(sessionId, groupId, group ? group.amAdmin : null);
  const back = (
    <div className="view-head">
      <button type="button" className="small" onClick={() => show({ name: 'groups', sessionId })}><span aria-hidden="true">← </span>Back to groups</button>
    </div>
  );
  if (!group) {
    return (
      <section className="panel" aria-label="Group">
        {back}
        {error ? <p className="error-text" role="alert">{error}</p> : <p className="hint" aria-busy="true">Loading the group…</p>}
      </section>
    );
  }

  const base = { sessionId, groupId: group.id };
  const infoLocked = group.restrict && group.amAdmin === false;
  const lockedReason = infoLocked ? 'The group is locked: only admins can change its info' : undefined;
  const rename = async (groupName: string) => {
    const done = await runGroupAction('postGroupName', { ...base, groupName }, () => `Renamed “${group.subject}” to “${groupName}”.`, group.subject);
    if (done) update({ subject: groupName });
    return !!done;
  };
  const describe = async (groupDescription: string) => {
    const done = await runGroupAction('postGroupDescription', { ...base, groupDescription }, () => (groupDescription ? `Saved the description of “${group.subject}”.` : `Cleared the description of “${group.subject}”.`), group.subject);
    if (done) update({ description: groupDescription });
    return !!done;
  };

  return (
    <section className="panel group-panel" aria-label={`Group ${group.subject}`} aria-busy={loading}>
      {back}
      <h2>{group.subject}</h2>
      {error && <p className="error-text" role="alert">{error}</p>}
      <GroupPictureSection sessionId={sessionId} group={group} mayEdit={!infoLocked} />
      <GroupInfoList group={group} />
      <div className="actions compact">
        <GroupTextEditor label="Group name" value={group.subject} editLabel="Rename" saveLabel="Save name" maxLength={100} disabledReason={lockedReason} save={rename} />
        <GroupTextEditor label="Description" value={group.description} editLabel="Edit description" saveLabel="Save description" multiline allowEmpty maxLength={2048} disabledReason={lockedReason} save={describe} />
      </div>
      <GroupSettingsToggles sessionId={sessionId} group={group} update={update} />
      <GroupInviteSection sessionId={sessionId} group={group} />
      <section className="group-section" aria-label="People">
        <h3>People</h3>
        <div className="actions compact">
          <button type="button" className="small" onClick={() => show({ name: 'group-participants', sessionId, groupId })}>Participants ({group.size})</button>
          <button type="button" className="small" disabled={group.amAdmin === false} title={group.amAdmin === false ? 'Only admins see join requests' : undefined} onClick={() => show({ name: 'group-requests', sessionId, groupId })}>
            Join requests{pending !== undefined && ` (${pending} pending)`}
          </button>
        </div>
      </section>
      <GroupJobs sessionId={sessionId} groupId={groupId} kinds={['group.add', 'group.approve', 'group.reject']} />
      <GroupDangerZone sessionId={sessionId} group={group} />
    </section>
  );
}
