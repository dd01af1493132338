import type { ReactNode } from 'react';
import { SessionList } from './SessionList';

export type SessionsView = { name: 'list' };

/**
 * The server's sessions: the one feature in the popup's first chunk (../features.ts), since the
 * popup opens on their list and must paint it at once. (A login in progress, which the popup
 * also opens on, is drawn by session-tools; its chunk is asked for at once then.)
 */
export default function SessionsScreen(_props: { view: SessionsView }): ReactNode {
  return <SessionList />;
}
