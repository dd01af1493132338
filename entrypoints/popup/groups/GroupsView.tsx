import { useEffect, useId, useMemo, useState } from 'react';
import type { GroupSummary } from '@/lib/answers/groups';
import { listKey, useGroupsStore } from './groups-store';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

function matches(group: GroupSummary, needle: string): boolean {
  return [group.subject, group.description, group.id].some((field) => field.toLowerCase().includes(needle));
}

function GroupFlags({ group }: { group: GroupSummary }) {
  return (
    <span className="group-flags">
      {group.amAdmin === true && <span className="badge">{t('roleAdmin')}</span>}
      {group.amAdmin === false && <span className="badge plain">{t('roleMember')}</span>}
      {group.announce && <span className="badge warn" title={t('onlyAdminsSend')}>{t('badgeAnnouncement')}</span>}
      {group.restrict && <span className="badge warn" title={t('onlyAdminsEdit')}>{t('badgeLocked')}</span>}
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
  const countText = needle ? t('groupsMatch', { shown: shown.length, total: groups.length }) : t.count('groupCount', groups.length);

  return (
    <section className="panel" aria-label={t('groupsOf', { session: sessionId })}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'list' })}><span aria-hidden="true">← </span>{t('backToSessions')}</button>
      </div>
      <h2>{t('groupsOfHeading', { session: sessionId })}</h2>
      <div className="actions compact">
        <button type="button" className="primary" onClick={() => show({ name: 'group-create', sessionId })}>{t('createGroup')}</button>
        <button type="button" onClick={() => show({ name: 'group-join', sessionId })}>{t('joinByLink')}</button>
        <button type="button" disabled={loading} onClick={() => void loadList(sessionId, true)}>{loading ? t('loading') : t('refreshGroups')}</button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {!list && !error && <p className="hint" aria-busy="true">{t('loadingGroups')}</p>}
      {list && (
        <>
          <div className="group-filter">
            <label htmlFor={filterId} className="visually-hidden">{t('filterGroups')}</label>
            <input id={filterId} type="search" placeholder={t('filterGroups')} value={filter} onChange={(e) => setFilter(e.target.value)} />
            <span className="hint" aria-live="polite">{countText}</span>
          </div>
          {groups.length === 0 && <p className="empty">{t('noGroupsYet')}</p>}
          {groups.length > 0 && shown.length === 0 && <p className="empty">{t('noGroupMatches', { filter })}</p>}
          {shown.length > 0 && (
            <ul className="group-list" aria-label={t('groupsList', { count: shown.length })}>
              {shown.map((group) => (
                <li key={group.id} aria-label={group.subject}>
                  <button type="button" className="group-open" onClick={() => show({ name: 'group', sessionId, groupId: group.id })}>
                    {/* Named by what it shows (WCAG 2.5.3), with "Open" for screen readers. */}
                    <span className="visually-hidden">{t('open')} </span>
                    <strong className="group-name">{group.subject}</strong>
                    <span className="hint">{t.count('participantCount', group.size)}</span>
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
