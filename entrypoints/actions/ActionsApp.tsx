import { browser } from 'wxt/browser';
import { ServerChoice } from '@/components/ServerChoice';
import { OperationForm } from './OperationForm';
import { OperationList } from './OperationList';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { useExplorerStore } from './store';

/** "All actions": every WARest operation, searchable, each with a form made from the catalog. */
export function ActionsApp() {
  const { loaded, chooseProfile, operation } = useExplorerStore();
  const { profiles, activeProfileId: profileId } = useProfileChoice();
  if (!loaded) return <main className="explorer-page" aria-busy="true" />;
  return (
    <div className="explorer-page">
      <header className="explorer-header">
        <h1>All actions</h1>
        <ServerChoice profiles={profiles} value={profileId} onChoose={chooseProfile} />
      </header>
      {profiles.length === 0 && (
        <p className="banner error" role="alert">
          No server set up yet: forms can be filled, but nothing can run.{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>Add a server</button>
        </p>
      )}
      <div className="explorer">
        <OperationList />
        <main className="explorer-main">
          {operation ? (
            <OperationForm key={operation.id} operation={operation} />
          ) : (
            <section className="intro">
              <h2>Choose an operation</h2>
              <p>Every operation of the WARest API is here, grouped as in the server’s documentation. Choose one to get a form for its inputs; Run sends it through the extension (your API key stays in the extension), and Copy as cURL gives the same request for a terminal.</p>
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
