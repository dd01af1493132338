import { Suspense, useEffect, useReducer, useRef } from 'react';
import { useViewFocus } from './view-focus';
import { browser } from 'wxt/browser';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { preloadAllViews, preloadView, screenOf, type View } from './features';
import { Header } from './Header';
import { usePopupStore } from './shared/store';

/** A view still waiting for its chunk (only a first view can): bars where its content will be. */
const loading = (
  <div aria-busy="true" aria-label="Loading">
    <span className="skeleton" style={{ width: '40%', height: 20 }} />
    <span className="skeleton" style={{ width: '90%' }} />
    <span className="skeleton" style={{ width: '75%' }} />
  </div>
);

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

/**
 * The view to draw: the one asked for once its chunk is there, the previous one until then (the
 * newest request wins). The first view is drawn at once even if it must wait for its chunk.
 */
function useReadyView(view: View): View {
  const [, chunkArrived] = useReducer((n: number) => n + 1, 0);
  const ready = useRef(view);
  const pending = preloadView(view);
  useEffect(() => {
    if (!pending) return;
    let current = true;
    const settle = () => current && chunkArrived();
    pending.then(settle, settle);
    return () => {
      current = false;
    };
  }, [pending]);
  if (!pending) ready.current = view;
  return ready.current;
}

/** Every feature's chunk, fetched once the popup is idle after its first paint. */
function usePreloadWhenIdle(): void {
  useEffect(() => {
    const idle = requestIdleCallback(preloadAllViews, { timeout: 1_000 });
    return () => cancelIdleCallback(idle);
  }, []);
}

export function PopupApp() {
  const { loaded, view: asked, notice, say, login, show, storageNotices } = usePopupStore();
  const { profiles, activeProfileId } = useProfileChoice();
  const view = useReadyView(asked);
  usePreloadWhenIdle();
  const viewRef = useRef<HTMLDivElement>(null);
  const announced = useViewFocus(view, viewRef);
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
  // The view's feature draws it (only a first view can still be waiting for its chunk: "Loading…").
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
      <div ref={viewRef} className="popup-view">
        <Suspense fallback={loading}>
          <Screen view={view} />
        </Suspense>
      </div>
      {/* The new view's name, said once it is on screen (view-focus.ts). */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">{announced}</p>
    </main>
  );
}
