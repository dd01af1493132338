import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { runGroupAction } from './group-api';
import { resultList, type GroupSummary } from '@/lib/answers/groups';
import { useGroupsStore } from './groups-store';
import { usePopupStore } from '../shared/store';

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
        ? await runGroupAction('postGroupLeave', base, () => `Left “${group.subject}”. This account no longer receives its messages.`, group.subject)
        : await runGroupAction(
            'deleteGroupDelete',
            base,
            (answer) => {
              const failed = resultList(answer, 'failedToRemove');
              const rest = failed.length ? ` ${failed.length} participant${failed.length === 1 ? '' : 's'} could not be removed (${failed.join(', ')}): only the group’s creator can remove the creator.` : '';
              return `Deleted “${group.subject}”: its participants were removed and this account left it.${rest}`;
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
      <h3 id={headingId}>Leave or delete</h3>
      <p className="hint">Each asks first.</p>
      <div className="actions compact">
        <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming('leave')}>Leave group</button>
        <button type="button" className="small danger" disabled={busy || group.amAdmin === false} title={group.amAdmin === false ? 'Only admins can delete a group' : undefined} onClick={() => setConfirming('delete')}>
          Delete group
        </button>
      </div>
      {confirming === 'leave' && (
        <ConfirmDialog title={`Leave “${group.subject}”?`} confirmLabel="Leave group" onCancel={() => setConfirming(null)} onConfirm={() => void act('leave')}>
          This account stops receiving the group’s messages. To come back it needs a new invite link, or an admin has to add it again.
          {group.amAdmin && ' If it is the only admin, WhatsApp makes another participant admin.'}
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog title={`Delete “${group.subject}”?`} confirmLabel="Delete group" typeToConfirm={group.subject} onCancel={() => setConfirming(null)} onConfirm={() => void act('delete')}>
          Every participant is removed and this account leaves, so the group ends for everyone. This cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
