import { browser } from 'wxt/browser';
import { CampaignIcon, GearIcon, InfoIcon, ListIcon, RefreshIcon } from '@/components/HeaderIcons';
import { troubleWords } from '@/lib/warest/server-trouble';
import { ago } from './shared/format';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';
import { ServerSwitcher } from './ServerSwitcher';
import { textsOf } from '@/lib/i18n';

const t = textsOf('popup');

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
    ? t('notCheckedYet')
    : reachable
      ? [t('reachable'), server.latencyMs !== undefined ? t('latency', { ms: Math.round(server.latencyMs) }) : null, server.version ? t('version', { version: server.version }) : null].filter(Boolean).join(' · ')
      : troubleWords(server);
  const problem = refreshError?.message ?? (server && !reachable ? server.message : undefined);
  return (
    <header className="popup-header">
      <div className="popup-header-row">
        <ServerSwitcher />
        {!all && (
          <span className={`pill ${reachable ? 'ok' : server ? 'bad' : ''}`} role="status" aria-label={t('serverPill', { state: pillText })}>
            {pillText}
          </span>
        )}
      </div>
      <nav className="header-tools" aria-label={t('places')}>
        {!all && (
          <button type="button" aria-label={t('serverDetails')} title={t('serverDetails')} onClick={() => show({ name: 'server' })}>
            <InfoIcon /> <span>{t('details')}</span>
          </button>
        )}
        <button type="button" aria-label={t('allActions')} title={t('allActionsTitle')} onClick={() => void openTab('/actions.html')}>
          <ListIcon /> <span>{t('actions')}</span>
        </button>
        <button type="button" aria-label={t('campaigns')} title={t('campaigns')} onClick={() => void openTab('/campaigns.html')}>
          <CampaignIcon /> <span>{t('campaigns')}</span>
        </button>
        <button type="button" aria-label={t('serversAndSettings')} title={t('serversAndSettings')} onClick={() => void browser.runtime.openOptionsPage()}>
          <GearIcon /> <span>{t('settings')}</span>
        </button>
      </nav>
      {!all && (
        <div className="header-age">
          <p className="hint age" aria-live="polite">
            {snapshot?.fetchedAt ? t('updated', { ago: ago(snapshot.fetchedAt) }) : t('notLoadedYet')}
            {refreshing && t('refreshingSuffix')}
          </p>
          <button type="button" className="quiet" aria-label={t('refresh')} title={t('refresh')} disabled={refreshing} onClick={() => void refresh()}>
            <RefreshIcon /> <span>{t('refresh')}</span>
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
