import { useId, useMemo, useState } from 'react';
import { useGroupList } from './use-group-list';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { AddParticipants, describeFailures } from './AddParticipants';
import { runGroupAction } from './group-api';
import { personLabel, readParticipantList, resultList, resultStatuses, type GroupParticipant, type GroupSummary } from '@/lib/answers/groups';
import { GroupJobs } from './GroupJobs';
import { usePopupStore } from '../shared/store';
import { useGroup } from './use-group';
import type { OperationId } from '@/lib/warest/catalog';

type RosterAction = 'promote' | 'demote' | 'remove';

const ACTIONS: Record<RosterAction, { operationId: OperationId; done: string }> = {
  promote: { operationId: 'postGroupParticipantsPromote', done: 'promoted' },
  demote: { operationId: 'postGroupParticipantsDemote', done: 'demoted' },
  remove: { operationId: 'deleteGroupParticipantsRemove', done: 'removed' },
};

function matches(p: GroupParticipant, needle: string): boolean {
  return [p.name, p.phone, p.ref].some((field) => field?.toLowerCase().includes(needle));
}

/** The outcome of promote/demote/remove in words, per person where the server says. */
function describeRosterOutcome(action: RosterAction, answer: Parameters<typeof resultList>[0], chosen: readonly GroupParticipant[], subject: string): string {
  if (action === 'remove') {
    const removed = resultList(answer, 'removedParticipants');
    const failed = resultList(answer, 'failedToRemove');
    return `Removed ${removed.length} of ${chosen.length} from “${subject}”.${failed.length ? ` Not removed: ${describeFailures(failed)}.` : ''}`;
  }
  const statuses = resultStatuses(answer);
  const done = statuses.filter((s) => s.status === ACTIONS[action].done);
  const others = statuses.filter((s) => s.status !== ACTIONS[action].done);
  const count = statuses.length ? done.length : chosen.length;
  const verb = action === 'promote' ? 'Made admin' : 'No longer admin';
  return `${verb}: ${count} of ${chosen.length} in “${subject}”.${others.length ? ` Not changed: ${others.map((s) => `+${s.phone} (${s.status})`).join('; ')}.` : ''}`;
}

function ParticipantRow(props: { person: GroupParticipant; selected: boolean; toggle: () => void; selectable: boolean }) {
  const { person, selected, toggle, selectable } = props;
  const label = personLabel(person);
  return (
    <li aria-label={label}>
      <label className="check roster-row">
        <input type="checkbox" checked={selected} disabled={!selectable} onChange={toggle} aria-label={`Select ${label}`} />
        <span className="roster-name">{label}</span>
        {person.isMe && <span className="badge plain">you</span>}
        {person.isSuperAdmin ? <span className="badge">creator</span> : person.isAdmin && <span className="badge">admin</span>}
      </label>
    </li>
  );
}

/** The roster: admin badges, search, add by pasting numbers, remove/promote/demote with multi-select. */
export function ParticipantsView({ sessionId, groupId }: { sessionId: string; groupId: string }) {
  const show = usePopupStore((s) => s.show);
  const { group, error: groupError } = useGroup(sessionId, groupId);
  const [search, setSearch] = useState('');
  const { items: roster, error, busy, load, act: actOnServer, selected, toggle, selectOnly, clear } = useGroupList('getGroupParticipants', readParticipantList, sessionId, groupId);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const searchId = useId();

  const needle = search.trim().toLowerCase();
  const shown = useMemo(() => (roster ?? []).filter((p) => !needle || matches(p, needle)), [roster, needle]);
  const selectable = shown.filter((p) => !p.isMe);
  const chosen = (roster ?? []).filter((p) => selected.has(p.ref));
  const allShownSelected = selectable.length > 0 && selectable.every((p) => selected.has(p.ref));

  async function act(action: RosterAction, current: GroupSummary) {
    setConfirmingRemove(false);
    const people = chosen;
    await actOnServer(() =>
      runGroupAction(
        ACTIONS[action].operationId,
        { sessionId, groupId, participants: people.map((p) => p.ref) },
        (answer) => describeRosterOutcome(action, answer, people, current.subject),
        current.subject,
      ),
    );
  }

  const heading = group?.subject ?? 'this group';
  const notAdmin = group?.amAdmin === false;
  return (
    <section className="panel" aria-label={`Participants of ${heading}`}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'group', sessionId, groupId })}><span aria-hidden="true">← </span>Back to group</button>
      </div>
      <h2>Participants of “{heading}”</h2>
      {(error ?? groupError) && <p className="error-text" role="alert">{error ?? groupError}</p>}
      {!roster && !error && <p className="hint" aria-busy="true">Loading participants…</p>}
      {roster && (
        <>
          <div className="group-filter">
            <label htmlFor={searchId} className="visually-hidden">Search participants</label>
            <input id={searchId} type="search" placeholder="Search participants" value={search} onChange={(e) => setSearch(e.target.value)} />
            <span className="hint" aria-live="polite">{needle ? `${shown.length} of ${roster.length}` : `${roster.length} participants`}</span>
          </div>
          {notAdmin && <p className="hint">Only admins can remove, promote or demote participants.</p>}
          <div className="roster-tools">
            <label className="check">
              <input type="checkbox" checked={allShownSelected} disabled={selectable.length === 0 || notAdmin} onChange={() => (allShownSelected ? clear() : selectOnly(selectable.map((p) => p.ref)))} />
              <span>Select all shown</span>
            </label>
            <span className="hint" aria-live="polite">{selected.size} selected</span>
          </div>
          <ul className="roster" aria-label={`Participants (${shown.length})`}>
            {shown.map((person) => (
              <ParticipantRow key={person.ref} person={person} selected={selected.has(person.ref)} toggle={() => toggle(person.ref)} selectable={!person.isMe && !notAdmin} />
            ))}
          </ul>
          {group && (
            <div className="actions compact">
              <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void act('promote', group)}>Promote to admin</button>
              <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void act('demote', group)}>Demote</button>
              <button type="button" className="small danger" disabled={busy || chosen.length === 0} onClick={() => setConfirmingRemove(true)}>Remove</button>
            </div>
          )}
        </>
      )}
      {group && (
        <>
          <GroupJobs sessionId={sessionId} groupId={groupId} kinds={['group.add']} onFinished={() => void load()} />
          <AddParticipants sessionId={sessionId} group={group} onAdded={() => void load()} />
        </>
      )}
      {confirmingRemove && group && (
        <ConfirmDialog title={`Remove ${chosen.length} from “${group.subject}”?`} confirmLabel="Remove" onCancel={() => setConfirmingRemove(false)} onConfirm={() => void act('remove', group)}>
          <ul className="confirm-list">
            {chosen.map((p) => <li key={p.ref}>{personLabel(p)}</li>)}
          </ul>
          They stop receiving the group’s messages. An admin can add them again later.
        </ConfirmDialog>
      )}
    </section>
  );
}
