import { useEffect, useId, useMemo, useState } from 'react';
import type { GroupSummary } from '@/lib/answers/groups';
import { listKey, useGroupsStore } from './groups-store';
import { usePopupStore } from '../shared/store';

function matches(group: GroupSummary, needle: string): boolean {
  return [group.subject, group.description, group.id].some((field) => field.toLowerCase().includes(needle));
}

function GroupFlags({ group }: { group: GroupSummary }) {
  return (
    <span className="group-flags">
      {group.amAdmin === true && <span className="badge">admin</span>}
      {group.amAdmin === false && <span className="badge plain">member</span>}
      {group.announce && <span className="badge warn" title="Only admins can send messages">announcement</span>}
      {group.restrict && <span className="badge warn" title="Only admins can edit the group info">locked</span>}
    </span>
  );
}

/** One session's groups: name, size, my role, flags; a filter and the count. */
export function GroupsView({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  const key = listKey(sessionId);
  const list = useGroupsStore((s) => s.lists[key]);
  const loading = useGroupsStore((s) => s.loading[key] ?? false);
  const error = useGroupsStore((s) => s.errors[key] ?? null);
  const loadList = useGroupsStore((s) => s.loadList);
  const [filter, setFilter] = useState('');
  const filterId = useId();

  useEffect(() => void loadList(sessionId), [loadList, sessionId]);

  const groups = list?.groups ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = useMemo(() => (needle ? groups.filter((g) => matches(g, needle)) : groups), [groups, needle]);
  const countText = needle ? `${shown.length} of ${groups.length} groups match` : `${groups.length} group${groups.length === 1 ? '' : 's'}`;

  return (
    <section className="panel" aria-label={`Groups of ${sessionId}`}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'list' })}><span aria-hidden="true">← </span>Back to sessions</button>
      </div>
      <h2>Groups of “{sessionId}”</h2>
      <div className="actions compact">
        <button type="button" className="primary" onClick={() => show({ name: 'group-create', sessionId })}>Create group</button>
        <button type="button" onClick={() => show({ name: 'group-join', sessionId })}>Join by link</button>
        <button type="button" disabled={loading} onClick={() => void loadList(sessionId, true)}>{loading ? 'Loading…' : 'Refresh groups'}</button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {!list && !error && <p className="hint" aria-busy="true">Loading groups…</p>}
      {list && (
        <>
          <div className="group-filter">
            <label htmlFor={filterId} className="visually-hidden">Filter groups</label>
            <input id={filterId} type="search" placeholder="Filter groups" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <span className="hint" aria-live="polite">{countText}</span>
          </div>
          {groups.length === 0 && <p className="empty">This account is in no groups yet. Create one, or join one with an invite link.</p>}
          {groups.length > 0 && shown.length === 0 && <p className="empty">No group matches “{filter}”.</p>}
          {shown.length > 0 && (
            <ul className="group-list" aria-label={`Groups (${shown.length})`}>
              {shown.map((group) => (
                <li key={group.id} aria-label={group.subject}>
                  <button type="button" className="group-open" onClick={() => show({ name: 'group', sessionId, groupId: group.id })}>
                    {/* Named by what it shows (WCAG 2.5.3), with "Open" for screen readers. */}
                    <span className="visually-hidden">Open </span>
                    <strong className="group-name">{group.subject}</strong>
                    <span className="hint">{group.size} participant{group.size === 1 ? '' : 's'}</span>
                    <GroupFlags group={group} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
