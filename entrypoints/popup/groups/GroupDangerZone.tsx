import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { runGroupAction } from './group-api';
import { resultList, type GroupSummary } from '@/lib/answers/groups';
import { useGroupsStore } from './groups-store';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

/** The group's danger zone, apart at the end: leave it, or delete it for everyone (after typing its name). */
export function GroupDangerZone({ sessionId, group }: { sessionId: string; group: GroupSummary }) {
  const show = usePopupStore((s) => s.show);
  const dropGroup = useGroupsStore((s) => s.dropGroup);
  const [confirming, setConfirming] = useState<'leave' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const base = { sessionId, groupId: group.id };
  const headingId = useId();

  async function act(kind: 'leave' | 'delete') {
    setConfirming(null);
    setBusy(true);
    const data =
      kind === 'leave'
        ? await runGroupAction('postGroupLeave', base, () => t('left', { name: group.subject }), group.subject)
        : await runGroupAction(
            'deleteGroupDelete',
            base,
            (answer) => {
              const failed = resultList(answer, 'failedToRemove');
              return failed.length
                ? t.count('deletedNotAll', failed.length, { name: group.subject, list: failed.join(', ') })
                : t('deleted', { name: group.subject });
            },
            group.subject,
          );
    setBusy(false);
    if (!data) return;
    dropGroup(sessionId, group.id);
    show({ name: 'groups', sessionId });
  }

  return (
    <section className="group-section danger-zone" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('leaveOrDelete')}</h3>
      <p className="hint">{t('eachAsksFirst')}</p>
      <div className="actions compact">
        <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming('leave')}>{t('leaveGroup')}</button>
        <button type="button" className="small danger" disabled={busy || group.amAdmin === false} title={group.amAdmin === false ? t('onlyAdminsDelete') : undefined} onClick={() => setConfirming('delete')}>
          {t('deleteGroup')}
        </button>
      </div>
      {confirming === 'leave' && (
        <ConfirmDialog title={t('leaveTitle', { name: group.subject })} confirmLabel={t('leaveGroup')} onCancel={() => setConfirming(null)} onConfirm={() => void act('leave')}>
          {group.amAdmin ? t('leaveBodyAdmin') : t('leaveBody')}
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog title={t('deleteTitle', { name: group.subject })} confirmLabel={t('deleteGroup')} typeToConfirm={group.subject} onCancel={() => setConfirming(null)} onConfirm={() => void act('delete')}>
          {t('deleteBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
