import type { ReactNode } from 'react';
import { DevicesView } from './DevicesView';
import { LoginView } from './LoginView';
import { LogoutByIdView } from './LogoutByIdView';
import { NewSessionView } from './NewSessionView';
import { WebhookView } from './WebhookView';

export type SessionToolsView =
  | { name: 'new-session' }
  | { name: 'devices'; sessionId: string }
  | { name: 'webhook'; sessionId: string }
  | { name: 'logout-by-id' }
  | { name: 'login' };

/**
 * What is done to the sessions apart from the list: a new session and its login (QR or pairing
 * code), a session's linked devices and webhook, logging one out by id. Its own chunk, loaded when first shown
 * (../features.ts).
 */
export default function SessionToolsScreen({ view }: { view: SessionToolsView }): ReactNode {
  switch (view.name) {
    case 'new-session':
      return <NewSessionView />;
    case 'devices':
      return <DevicesView sessionId={view.sessionId} />;
    case 'webhook':
      return <WebhookView sessionId={view.sessionId} />;
    case 'logout-by-id':
      return <LogoutByIdView />;
    case 'login':
      return <LoginView />;
  }
}
