import type { ReactNode } from 'react';
import { DevicesView } from './DevicesView';
import { LoginView } from './LoginView';
import { LogoutByIdView } from './LogoutByIdView';
import { NewSessionView } from './NewSessionView';
import { SessionList } from './SessionList';
import { WebhookView } from './WebhookView';

export type SessionsView =
  | { name: 'list' }
  | { name: 'new-session' }
  | { name: 'login' }
  | { name: 'devices'; sessionId: string }
  | { name: 'webhook'; sessionId: string }
  | { name: 'logout-by-id' };

/**
 * The server's sessions: the list the popup opens on, new sessions and logins, and each
 * session's devices, webhook and logout. The one feature in the popup's first chunk (see
 * ../features.ts): the popup must paint its list, or a login in progress, at once.
 */
export default function SessionsScreen({ view }: { view: SessionsView }): ReactNode {
  switch (view.name) {
    case 'list':
      return <SessionList />;
    case 'new-session':
      return <NewSessionView />;
    case 'login':
      return <LoginView />;
    case 'devices':
      return <DevicesView sessionId={view.sessionId} />;
    case 'webhook':
      return <WebhookView sessionId={view.sessionId} />;
    case 'logout-by-id':
      return <LogoutByIdView />;
  }
}
