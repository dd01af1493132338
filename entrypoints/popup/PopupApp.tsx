import { Suspense } from 'react';
import { browser } from 'wxt/browser';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { screenOf } from './features';
import { Header } from './Header';
import { usePopupStore } from './shared/store';

const loading = <p className="hint" aria-busy="true">Loading…</p>;

/** Stored data was found damaged and reset: one line, and where to read what. */
function StorageDamaged() {
  return (
    <p className="banner warn" role="alert">
      Some stored data was damaged and has been reset.{' '}
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        See what, in the options
      </button>
    </p>
  );
}

export function PopupApp() {
  const { loaded, view, notice, say, login, show, storageNotices } = usePopupStore();
  const { profiles, activeProfileId } = useProfileChoice();
  if (!loaded) return <main className="popup" aria-busy="true" />;
  if (profiles.length === 0 || !activeProfileId) {
    return (
      <main className="popup">
        <h1 className="popup-title">WARest Companion</h1>
        {storageNotices > 0 && <StorageDamaged />}
        <p>No server set up yet. Add your WARest server (its URL and API key) to see its WhatsApp sessions here.</p>
        <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          Add a server
        </button>
      </main>
    );
  }
  const loginElsewhere = login && view.name !== 'login' && login.profileId === activeProfileId;
  // The view's feature draws it; a feature in its own chunk shows "Loading…" until it arrives.
  const Screen = screenOf(view);
  return (
    <main className="popup">
      <Header />
      {notice && (
        <div className={`banner ${notice.tone === 'ok' ? 'ok' : 'error'}`} role={notice.tone === 'ok' ? 'status' : 'alert'}>
          <span>{notice.text}</span>
          <button type="button" className="link" aria-label="Dismiss message" onClick={() => say(null)}>
            ×
          </button>
        </div>
      )}
      {storageNotices > 0 && <StorageDamaged />}
      {loginElsewhere && (
        <div className="banner ok" role="status">
          Logging in “{login.sessionId}”…{' '}
          <button type="button" className="link" onClick={() => show({ name: 'login' })}>
            Show login
          </button>
        </div>
      )}
      <Suspense fallback={loading}>
        <Screen view={view} />
      </Suspense>
    </main>
  );
}
