import { browser } from 'wxt/browser';
import { CampaignIcon, GearIcon, InfoIcon, ListIcon, RefreshIcon } from '@/components/HeaderIcons';
import { troubleWords } from '@/lib/warest/server-trouble';
import { ago } from './shared/format';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';
import { ServerSwitcher } from './ServerSwitcher';

/** A full-tab page (All actions, Campaigns), for the active server. */
function openTab(page: '/actions.html' | '/campaigns.html') {
  const profileId = useProfileChoice.getState().activeProfileId;
  const query = profileId ? `?profile=${encodeURIComponent(profileId)}` : '';
  return browser.tabs.create({ url: browser.runtime.getURL(`${page}${query}`) });
}

/**
 * The server switcher and the server pill (reachable, latency, version); then the places, each an
 * icon with its word (tooltip and accessible name too); then the data's age and Refresh.
 */
export function Header() {
  const { snapshots, refreshing, refresh, refreshError, show, view } = usePopupStore();
  // "All servers" (its own chunk) draws its own state line and refresh.
  const all = view.name === 'all-servers';
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
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
        <ServerSwitcher />
        {!all && (
          <span className={`pill ${reachable ? 'ok' : server ? 'bad' : ''}`} role="status" aria-label={`Server: ${pillText}`}>
            {pillText}
          </span>
        )}
      </div>
      <nav className="header-tools" aria-label="Places">
        {!all && (
          <button type="button" aria-label="Server details" title="Server details" onClick={() => show({ name: 'server' })}>
            <InfoIcon /> <span>Details</span>
          </button>
        )}
        <button type="button" aria-label="All actions" title="All actions: every WARest operation" onClick={() => void openTab('/actions.html')}>
          <ListIcon /> <span>Actions</span>
        </button>
        <button type="button" aria-label="Campaigns" title="Campaigns" onClick={() => void openTab('/campaigns.html')}>
          <CampaignIcon /> <span>Campaigns</span>
        </button>
        <button type="button" aria-label="Servers and settings" title="Servers and settings" onClick={() => void browser.runtime.openOptionsPage()}>
          <GearIcon /> <span>Settings</span>
        </button>
      </nav>
      {!all && (
        <div className="header-age">
          <p className="hint age" aria-live="polite">
            {snapshot?.fetchedAt ? `Updated ${ago(snapshot.fetchedAt)}` : 'Not loaded yet'}
            {refreshing && ' · refreshing…'}
          </p>
          <button type="button" className="quiet" aria-label="Refresh" title="Refresh" disabled={refreshing} onClick={() => void refresh()}>
            <RefreshIcon /> <span>Refresh</span>
          </button>
        </div>
      )}
      {!all && problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </header>
  );
}
