import { browser } from 'wxt/browser';
import { ServerChoice } from '@/components/ServerChoice';
import { campaignProgress } from '@/lib/campaigns/campaign';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { CampaignView } from './CampaignView';
import { NewCampaign } from './NewCampaign';
import { OptOutSection } from './OptOutSection';
import { useCampaignsStore } from './store';
import { stateWord, t } from './words';

/** Campaigns: the list with each one's state, a new campaign, or one campaign's progress and results. */
export function CampaignsApp() {
  const { loaded, campaigns, selection, select, banner } = useCampaignsStore();
  const { profiles, activeProfileId, choose } = useProfileChoice();
  if (!loaded) return <main className="campaigns-page" aria-busy="true" />;
  const shown = selection.kind === 'campaign' ? campaigns.find((c) => c.id === selection.id) : undefined;
  return (
    <div className="campaigns-page">
      <header className="campaigns-header">
        <h1>{t('campaigns')}</h1>
        <ServerChoice profiles={profiles} value={activeProfileId} onChoose={choose} />
      </header>
      {profiles.length === 0 && (
        <p className="banner error" role="alert">
          {t('noServer')}{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('addServer')}</button>
        </p>
      )}
      {banner && <p className={`banner ${banner.tone}`} role={banner.tone === 'error' ? 'alert' : 'status'}>{banner.text}</p>}
      <div className="campaigns-layout">
        <nav aria-label={t('campaigns')}>
          <button type="button" className="primary new" aria-current={selection.kind === 'new' || undefined} onClick={() => select({ kind: 'new' })}>{t('newCampaign')}</button>
          <ul className="campaign-list">
            {[...campaigns].reverse().map((c) => {
              const p = campaignProgress(c);
              return (
                <li key={c.id}>
                  <button type="button" aria-current={shown?.id === c.id || undefined} onClick={() => select({ kind: 'campaign', id: c.id })}>
                    <span className="name">{c.name}</span>
                    <span className={`state state-${c.state}`}>{stateWord(c.state)}</span>
                    <span className="hint">{t('listSent', { sent: p.sent, total: p.total - p.skipped })}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <OptOutSection />
        </nav>
        <main>{shown ? <CampaignView key={shown.id} campaign={shown} /> : <NewCampaign key={activeProfileId ?? ''} />}</main>
      </div>
    </div>
  );
}
