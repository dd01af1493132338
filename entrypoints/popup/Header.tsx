import { useId } from 'react';
import { browser } from 'wxt/browser';
import { InfoIcon, ListIcon } from '@/components/HeaderIcons';
import { troubleWords } from '@/lib/warest/server-trouble';
import { ago } from './shared/format';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';

/** A full-tab page (All actions, Campaigns), for the active server. */
function openTab(page: '/actions.html' | '/campaigns.html') {
  const profileId = useProfileChoice.getState().activeProfileId;
  const query = profileId ? `?profile=${encodeURIComponent(profileId)}` : '';
  return browser.tabs.create({ url: browser.runtime.getURL(`${page}${query}`) });
}

/** Profile switcher, the server pill (reachable, latency, version) and the data's age. */
export function Header() {
  const { switchProfile, snapshots, refreshing, refresh, refreshError, show, view } = usePopupStore();
  // "All servers" (its own chunk) draws its own state line and refresh.
  const all = view.name === 'all-servers';
  const { profiles, activeProfileId } = useProfileChoice();
  const switcherId = useId();
  const snapshot = activeProfileId ? snapshots[activeProfileId] : undefined;
  const server = snapshot?.server;
  const reachable = server?.state === 'ok';
  const pillText = !server
    ? 'Not checked yet'
    : reachable
      ? ['Reachable', server.latencyMs !== undefined ? `${Math.round(server.latencyMs)} ms` : null, server.version ? `v${server.version}` : null].filter(Boolean).join(' · ')
      : troubleWords(server);
  const problem = refreshError?.message ?? (server && !reachable ? server.message : undefined);
  return (
    <header className="popup-header">
      <div className="popup-header-row">
        {profiles.length > 1 ? (
          <>
            <label htmlFor={switcherId} className="visually-hidden">Server</label>
            <select id={switcherId} value={all ? '' : (activeProfileId ?? '')} onChange={(e) => (e.target.value ? switchProfile(e.target.value) : show({ name: 'all-servers' }))}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              <option value="">All servers</option>
            </select>
          </>
        ) : (
          <h1 className="popup-title">{profiles[0]?.name}</h1>
        )}
        {!all && <>
        <span className={`pill ${reachable ? 'ok' : server ? 'bad' : ''}`} role="status" aria-label={`Server: ${pillText}`}>
          {pillText}
        </span>
        <button type="button" className="icon" aria-label="Server details" title="Server details" onClick={() => show({ name: 'server' })}>
          <InfoIcon />
        </button>
        <button type="button" className="icon" aria-label="All actions" title="All actions: every WARest operation" onClick={() => void openTab('/actions.html')}>
          <ListIcon />
        </button>
        <button type="button" className="icon" aria-label="Campaigns" title="Campaigns" onClick={() => void openTab('/campaigns.html')}>
          ✉
        </button>
        <button type="button" className="icon" aria-label="Refresh" title="Refresh" disabled={refreshing} onClick={() => void refresh()}>
          ↻
        </button>
        </>}
        <button type="button" className="icon" aria-label="Servers and settings" title="Servers and settings" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </div>
      {!all && <p className="hint age" aria-live="polite">
        {snapshot?.fetchedAt ? `Updated ${ago(snapshot.fetchedAt)}` : 'Not loaded yet'}
        {refreshing && ' · refreshing…'}
      </p>}
      {!all && problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </header>
  );
}
