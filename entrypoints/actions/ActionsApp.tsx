import { browser } from 'wxt/browser';
import { ServerChoice } from '@/components/ServerChoice';
import { OperationForm } from './OperationForm';
import { OperationList } from './OperationList';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { useExplorerStore } from './store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('actions');

/** "All actions": every WARest operation, searchable, each with a form made from the catalog. */
export function ActionsApp() {
  const { loaded, chooseProfile, operation } = useExplorerStore();
  const { profiles, activeProfileId: profileId } = useProfileChoice();
  if (!loaded) return <main className="explorer-page" aria-busy="true" />;
  return (
    <div className="explorer-page">
      <header className="explorer-header">
        <h1>{t('allActions')}</h1>
        <ServerChoice profiles={profiles} value={profileId} onChoose={chooseProfile} />
      </header>
      {profiles.length === 0 && (
        <p className="banner error" role="alert">
          {t('noServer')}{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('addServer')}</button>
        </p>
      )}
      <div className="explorer">
        <OperationList />
        <main className="explorer-main">
          {operation ? (
            <OperationForm key={operation.id} operation={operation} />
          ) : (
            <section className="intro">
              <h2>{t('chooseOperation')}</h2>
              <p>{t('intro')}</p>
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
