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
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

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
    const text = t('removed', { done: removed.length, count: chosen.length, name: subject });
    return failed.length ? text + t('notRemovedSuffix', { list: describeFailures(failed) }) : text;
  }
  const statuses = resultStatuses(answer);
  const done = statuses.filter((s) => s.status === ACTIONS[action].done);
  const others = statuses.filter((s) => s.status !== ACTIONS[action].done);
  const count = statuses.length ? done.length : chosen.length;
  const text = t(action === 'promote' ? 'madeAdmin' : 'noLongerAdmin', { done: count, count: chosen.length, name: subject });
  return others.length ? text + t('notChangedSuffix', { list: others.map((s) => `+${s.phone} (${s.status})`).join('; ') }) : text;
}

function ParticipantRow(props: { person: GroupParticipant; selected: boolean; toggle: () => void; selectable: boolean }) {
  const { person, selected, toggle, selectable } = props;
  const label = personLabel(person);
  return (
    <li aria-label={label}>
      <label className="check roster-row">
        <input type="checkbox" checked={selected} disabled={!selectable} onChange={toggle} aria-label={t('selectWho', { name: label })} />
        <span className="roster-name">{label}</span>
        {person.isMe && <span className="badge plain">{t('badgeYou')}</span>}
        {person.isSuperAdmin ? <span className="badge">{t('badgeCreator')}</span> : person.isAdmin && <span className="badge">{t('roleAdmin')}</span>}
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

  const heading = group?.subject ?? t('thisGroup');
  const notAdmin = group?.amAdmin === false;
  return (
    <section className="panel" aria-label={t('participantsOf', { name: heading })}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'group', sessionId, groupId })}><span aria-hidden="true">← </span>{t('backToGroup')}</button>
      </div>
      <h2>{t('participantsOfHeading', { name: heading })}</h2>
      {(error ?? groupError) && <p className="error-text" role="alert">{error ?? groupError}</p>}
      {!roster && !error && <p className="hint" aria-busy="true">{t('loadingParticipants')}</p>}
      {roster && (
        <>
          <div className="group-filter">
            <label htmlFor={searchId} className="visually-hidden">{t('searchParticipants')}</label>
            <input id={searchId} type="search" placeholder={t('searchParticipants')} value={search} onChange={(e) => setSearch(e.target.value)} />
            <span className="hint" aria-live="polite">{needle ? t('shownOf', { shown: shown.length, total: roster.length }) : t.count('participantCount', roster.length)}</span>
          </div>
          {notAdmin && <p className="hint">{t('onlyAdminsRoster')}</p>}
          <div className="roster-tools">
            <label className="check">
              <input type="checkbox" checked={allShownSelected} disabled={selectable.length === 0 || notAdmin} onChange={() => (allShownSelected ? clear() : selectOnly(selectable.map((p) => p.ref)))} />
              <span>{t('selectAllShown')}</span>
            </label>
            <span className="hint" aria-live="polite">{t('selectedCount', { count: selected.size })}</span>
          </div>
          <ul className="roster" aria-label={t('participantsCount', { count: shown.length })}>
            {shown.map((person) => (
              <ParticipantRow key={person.ref} person={person} selected={selected.has(person.ref)} toggle={() => toggle(person.ref)} selectable={!person.isMe && !notAdmin} />
            ))}
          </ul>
          {group && (
            <div className="actions compact">
              <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void act('promote', group)}>{t('promote')}</button>
              <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void act('demote', group)}>{t('demote')}</button>
              <button type="button" className="small danger" disabled={busy || chosen.length === 0} onClick={() => setConfirmingRemove(true)}>{t('remove')}</button>
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
        <ConfirmDialog title={t('removeTitle', { count: chosen.length, name: group.subject })} confirmLabel={t('remove')} onCancel={() => setConfirmingRemove(false)} onConfirm={() => void act('remove', group)}>
          <ul className="confirm-list">
            {chosen.map((p) => <li key={p.ref}>{personLabel(p)}</li>)}
          </ul>
          {t('removeBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
