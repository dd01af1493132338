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
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

function GroupInfoList({ group }: { group: GroupSummary }) {
  const role = group.amAdmin === undefined ? t('unknown') : group.amAdmin ? t('roleAdmin') : t('roleMember');
  return (
    <dl className="group-info" aria-label={t('groupInfo')}>
      <dt>{t('description')}</dt>
      <dd className="group-description">{group.description || <span className="hint">{t('noDescription')}</span>}</dd>
      <dt>{t('createdOn')}</dt>
      <dd>{showDate(group.creation)}</dd>
      <dt>{t('owner')}</dt>
      <dd>{group.owner ? `+${group.owner}` : t('unknown')}</dd>
      <dt>{t('participants')}</dt>
      <dd>{group.size}</dd>
      <dt>{t('youAre')}</dt>
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
      <button type="button" className="small" onClick={() => show({ name: 'groups', sessionId })}><span aria-hidden="true">← </span>{t('backToGroups')}</button>
    </div>
  );
  if (!group) {
    return (
      <section className="panel" aria-label={t('group')}>
        {back}
        {error ? <p className="error-text" role="alert">{error}</p> : <p className="hint" aria-busy="true">{t('loadingGroup')}</p>}
      </section>
    );
  }

  const base = { sessionId, groupId: group.id };
  const infoLocked = group.restrict && group.amAdmin === false;
  const lockedReason = infoLocked ? t('lockedReason') : undefined;
  const rename = async (groupName: string) => {
    const done = await runGroupAction('postGroupName', { ...base, groupName }, () => t('renamed', { old: group.subject, name: groupName }), group.subject);
    if (done) update({ subject: groupName });
    return !!done;
  };
  const describe = async (groupDescription: string) => {
    const done = await runGroupAction('postGroupDescription', { ...base, groupDescription }, () => t(groupDescription ? 'descriptionSaved' : 'descriptionCleared', { name: group.subject }), group.subject);
    if (done) update({ description: groupDescription });
    return !!done;
  };

  return (
    <section className="panel group-panel" aria-label={t('groupNamed', { name: group.subject })} aria-busy={loading}>
      {back}
      <h2>{group.subject}</h2>
      {error && <p className="error-text" role="alert">{error}</p>}
      <GroupPictureSection sessionId={sessionId} group={group} mayEdit={!infoLocked} />
      <GroupInfoList group={group} />
      <div className="actions compact">
        <GroupTextEditor label={t('groupName')} value={group.subject} editLabel={t('rename')} saveLabel={t('saveName')} emptyProblem={t('enterGroupName')} maxLength={100} disabledReason={lockedReason} save={rename} />
        <GroupTextEditor label={t('description')} value={group.description} editLabel={t('editDescription')} saveLabel={t('saveDescription')} multiline maxLength={2048} disabledReason={lockedReason} save={describe} />
      </div>
      <GroupSettingsToggles sessionId={sessionId} group={group} update={update} />
      <GroupInviteSection sessionId={sessionId} group={group} />
      <section className="group-section" aria-label={t('people')}>
        <h3>{t('people')}</h3>
        <div className="actions compact">
          <button type="button" className="small" onClick={() => show({ name: 'group-participants', sessionId, groupId })}>{t('participantsCount', { count: group.size })}</button>
          <button type="button" className="small" disabled={group.amAdmin === false} title={group.amAdmin === false ? t('onlyAdminsRequests') : undefined} onClick={() => show({ name: 'group-requests', sessionId, groupId })}>
            {pending !== undefined ? t('joinRequestsPending', { count: pending }) : t('joinRequests')}
          </button>
        </div>
      </section>
      <GroupJobs sessionId={sessionId} groupId={groupId} kinds={['group.add', 'group.approve', 'group.reject']} />
      <GroupDangerZone sessionId={sessionId} group={group} />
    </section>
  );
}
