import { lazy, Suspense } from 'react';
import { browser } from 'wxt/browser';
import { DevicesView } from './sessions/DevicesView';
import { Header } from './Header';
import { LoginView } from './sessions/LoginView';
import { LogoutByIdView } from './sessions/LogoutByIdView';
import { NewSessionView } from './sessions/NewSessionView';
import { SessionList } from './sessions/SessionList';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore, type GroupsViewState, type View } from './shared/store';
import { WebhookView } from './sessions/WebhookView';

/** The groups views are loaded when first opened, to keep the popup's first paint light. */
const GroupsScreen = lazy(() => import('./groups'));
const isGroupsView = (view: View): view is GroupsViewState => view.name === 'groups' || view.name.startsWith('group-') || view.name === 'group';
/** Likewise the composer, the chats, the profile and the server views. */
const ComposeScreen = lazy(() => import('./compose'));
const ChatsScreen = lazy(() => import('./chats'));
const AccountScreen = lazy(() => import('./account'));
const ServerScreen = lazy(() => import('./server'));
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
      {view.name === 'list' && <SessionList />}
      {view.name === 'new-session' && <NewSessionView />}
      {view.name === 'login' && <LoginView />}
      {view.name === 'devices' && <DevicesView sessionId={view.sessionId} />}
      {view.name === 'webhook' && <WebhookView sessionId={view.sessionId} />}
      {view.name === 'logout-by-id' && <LogoutByIdView />}
      <Suspense fallback={loading}>
        {isGroupsView(view) && <GroupsScreen view={view} />}
        {view.name === 'compose' && <ComposeScreen sessionId={view.sessionId} to={view.to} />}
        {(view.name === 'chats' || view.name === 'chat') && <ChatsScreen view={view} />}
        {view.name === 'profile' && <AccountScreen sessionId={view.sessionId} />}
        {view.name === 'server' && <ServerScreen />}
      </Suspense>
    </main>
  );
}
