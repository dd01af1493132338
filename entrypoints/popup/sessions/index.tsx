import type { ReactNode } from 'react';
import { LoginView } from './LoginView';
import { SessionList } from './SessionList';

export type SessionsView = { name: 'list' } | { name: 'login' };

/**
 * The server's sessions and the login in progress: the one feature in the popup's first chunk
 * (../features.ts), since the popup opens on one of the two and must paint it at once.
 */
export default function SessionsScreen({ view }: { view: SessionsView }): ReactNode {
  return view.name === 'list' ? <SessionList /> : <LoginView />;
}
