import { useEffect, useId, useMemo, useState } from 'react';
import { allServers, type StateFilter } from '@/lib/all-servers';
import { SESSION_STATUSES, STATUS_INFO } from '@/lib/sessions';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { ago } from '../shared/format';
import { usePopupStore } from '../shared/store';
import { AllServersRow, ServerLineRow } from './AllServersRow';
import { refreshAll } from './refresh-all';

const STATE_CHOICES: Array<{ value: StateFilter; label: string }> = [
  { value: 'any', label: 'Every state' },
  { value: 'attention', label: 'Needs attention' },
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
    <section className="all-servers" aria-label="All servers">
      {/* The view's heading: focus lands here when the view opens (../view-focus.ts). */}
      <h2 className="list-heading all-servers-heading">Sessions on every server</h2>
      <div className="list-tools">
        <label htmlFor={ids.server} className="visually-hidden">Show server</label>
        <select id={ids.server} value={server} onChange={(e) => setServer(e.target.value)}>
          <option value="any">Every server</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
        <label htmlFor={ids.state} className="visually-hidden">Show state</label>
        <select id={ids.state} value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
          {STATE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
        <button type="button" aria-label="Refresh every server" title="Refresh every server" disabled={refreshing} onClick={refresh}>↻</button>
      </div>
      <p className="hint" aria-live="polite">
        {list.attention > 0 ? `${list.attention} session${list.attention === 1 ? ' needs' : 's need'} attention · ` : ''}
        {Number.isFinite(oldest) ? `Updated ${ago(oldest)}` : 'Not loaded yet'}
        {refreshing && ' · refreshing every server…'}
      </p>
      <div className="scroll">
        {list.lines.length > 0 && (
          <ul className="sessions" aria-label="Servers whose sessions are not shown">
            {list.lines.map((line) => <ServerLineRow key={line.profileId} line={line} />)}
          </ul>
        )}
        {list.rows.length > 0 ? (
          <ul className="sessions" aria-label={`Sessions on every server (${list.rows.length})`}>
            {list.rows.slice(0, MAX_ROWS).map((row) => <AllServersRow key={`${row.profileId}\u0000${row.session.id}`} row={row} />)}
          </ul>
        ) : null}
        {list.rows.length > MAX_ROWS && (
          <p className="hint">Showing the first {MAX_ROWS} of {list.rows.length} sessions, those that need attention first. Choose a server or a state to see the others.</p>
        )}
        {list.rows.length === 0 && (
          <p className="empty">{server === 'any' && state === 'any' ? 'No sessions on the servers that answered.' : 'No session matches these filters.'}</p>
        )}
      </div>
    </section>
  );
}
