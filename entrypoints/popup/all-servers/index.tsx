import type { ReactNode } from 'react';
import { AllServersList } from './AllServersList';
import './all-servers.css';

export type AllServersView = { name: 'all-servers' };

/**
 * Every session of every configured server in one list (the header's "All servers" choice). Its
 * own chunk, loaded when first shown (../features.ts), so the popup's first paint stays as small.
 */
export default function AllServersScreen(_props: { view: AllServersView }): ReactNode {
  return <AllServersList />;
}
