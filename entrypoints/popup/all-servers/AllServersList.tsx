import { useEffect, useId, useMemo, useState } from 'react';
import { allServers, type StateFilter } from '@/lib/all-servers';
import { SESSION_STATUSES, STATUS_INFO } from '@/lib/sessions';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { ago } from '../shared/format';
import { usePopupStore } from '../shared/store';
import { AllServersRow, ServerLineRow } from './AllServersRow';
import { refreshAll } from './refresh-all';
import { textsOf } from '@/lib/i18n';

const t = textsOf('allservers');

/** Read when drawn: the language is chosen before the first render, not when this module loads. */
const stateChoices = (): Array<{ value: StateFilter; label: string }> => [
  { value: 'any', label: t('everyState') },
  { value: 'attention', label: t('needsAttention') },
  ...SESSION_STATUSES.map((status) => ({ value: status, label: STATUS_INFO[status].word })),
];

/** Rows drawn at most: past them the filters narrow the list (hundreds of servers stay smooth). */
const MAX_ROWS = 300;

export function AllServersList() {
  const profiles = useProfileChoice((s) => s.profiles);
  const snapshots = usePopupStore((s) => s.snapshots);
  const [server, setServer] = useState('any');
  const [state, setState] = useState<StateFilter>('any');
  const [refreshing, setRefreshing] = useState(false);
  const ids = { server: useId(), state: useId() };

  const refresh = () => {
    setRefreshing(true);
    void refreshAll(profiles.map((p) => p.id)).finally(() => setRefreshing(false));
  };
  // Painted from the stored snapshots at once; every server is asked again when the view opens.
  useEffect(refresh, []); // eslint-disable-line react-hooks/exhaustive-deps

  const list = useMemo(() => allServers(profiles, snapshots, { server, state }), [profiles, snapshots, server, state]);
  const oldest = Math.min(...profiles.map((p) => snapshots[p.id]?.fetchedAt || Number.POSITIVE_INFINITY));

  return (
    <section className="all-servers" aria-label={t('allServers')}>
      {/* The view's heading: focus lands here when the view opens (../view-focus.ts). */}
      <h2 className="list-heading all-servers-heading">{t('heading')}</h2>
      <div className="list-tools">
        <label htmlFor={ids.server} className="visually-hidden">{t('showServer')}</label>
        <select id={ids.server} value={server} onChange={(e) => setServer(e.target.value)}>
          <option value="any">{t('everyServer')}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
        <label htmlFor={ids.state} className="visually-hidden">{t('showState')}</label>
        <select id={ids.state} value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
          {stateChoices().map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
        <button type="button" aria-label={t('refreshAll')} title={t('refreshAll')} disabled={refreshing} onClick={refresh}>↻</button>
      </div>
      <p className="hint" aria-live="polite">
        {list.attention > 0 ? t.count('attention', list.attention) : ''}
        {Number.isFinite(oldest) ? t('updated', { ago: ago(oldest) }) : t('notLoadedYet')}
        {refreshing && t('refreshingAll')}
      </p>
      <div className="scroll">
        {list.lines.length > 0 && (
          <ul className="sessions" aria-label={t('unreadServers')}>
            {list.lines.map((line) => <ServerLineRow key={line.profileId} line={line} />)}
          </ul>
        )}
        {list.rows.length > 0 ? (
          <ul className="sessions" aria-label={t('rowsLabel', { count: list.rows.length })}>
            {list.rows.slice(0, MAX_ROWS).map((row) => <AllServersRow key={`${row.profileId}\u0000${row.session.id}`} row={row} />)}
          </ul>
        ) : null}
        {list.rows.length > MAX_ROWS && (
          <p className="hint">{t('capped', { max: MAX_ROWS, total: list.rows.length })}</p>
        )}
        {list.rows.length === 0 && (
          <p className="empty">{server === 'any' && state === 'any' ? t('noSessions') : t('noMatch')}</p>
        )}
      </div>
    </section>
  );
}
