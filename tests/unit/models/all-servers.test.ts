import { describe, expect, it } from 'vitest';
import { allServers } from '@/lib/all-servers';
import type { ProfileSnapshot } from '@/lib/storage';

const ok = (sessions: ProfileSnapshot['sessions']): ProfileSnapshot => ({ fetchedAt: 1, sessions, server: { state: 'ok' } });
const SERVERS = [
  { id: 'b', name: 'Shop' },
  { id: 'a', name: 'Office' },
  { id: 'c', name: 'Locked' },
  { id: 'd', name: 'Gone' },
  { id: 'e', name: 'New' },
];
const SNAPSHOTS: Record<string, ProfileSnapshot> = {
  a: ok([{ id: 'main', status: 'open' }, { id: 'sales', status: 'logged_out' }]),
  b: ok([{ id: 'till', status: 'open' }, { id: 'stock', status: 'stopped' }, { id: 'web', status: 'replaced' }]),
  c: { fetchedAt: 1, sessions: [{ id: 'old', status: 'logged_out' }], server: { state: 'key-rejected', message: 'The key was refused.' } },
  d: { fetchedAt: 1, sessions: [], server: { state: 'unreachable', kind: 'network' } },
};
const label = (r: { serverName: string; session: { id: string } }) => `${r.serverName}/${r.session.id}`;

describe('the all-servers list', () => {
  it('lists every session with its server, those that need attention first, then by server and id', () => {
    const list = allServers(SERVERS, SNAPSHOTS, { server: 'any', state: 'any' });
    expect(list.rows.map(label)).toEqual(['Office/sales', 'Shop/stock', 'Shop/web', 'Office/main', 'Shop/till']);
    expect(list.attention).toBe(3);
  });

  it('makes a server whose sessions cannot be read one line (its old sessions are not shown), and one not read yet too', () => {
    const list = allServers(SERVERS, SNAPSHOTS, { server: 'any', state: 'any' });
    expect(list.lines.map((l) => [l.serverName, l.kind])).toEqual([['Gone', 'trouble'], ['Locked', 'trouble'], ['New', 'unread']]);
    expect(list.rows.some((r) => r.serverName === 'Locked')).toBe(false);
  });

  it('filters by server and by state', () => {
    expect(allServers(SERVERS, SNAPSHOTS, { server: 'b', state: 'any' }).rows.map(label)).toEqual(['Shop/stock', 'Shop/web', 'Shop/till']);
    expect(allServers(SERVERS, SNAPSHOTS, { server: 'c', state: 'any' }).lines.map((l) => l.serverName)).toEqual(['Locked']);
    expect(allServers(SERVERS, SNAPSHOTS, { server: 'any', state: 'attention' }).rows.map(label)).toEqual(['Office/sales', 'Shop/stock', 'Shop/web']);
    expect(allServers(SERVERS, SNAPSHOTS, { server: 'any', state: 'open' }).rows.map(label)).toEqual(['Office/main', 'Shop/till']);
    // The count of sessions needing attention is over the shown servers, whatever the state filter.
    expect(allServers(SERVERS, SNAPSHOTS, { server: 'a', state: 'open' }).attention).toBe(1);
  });
});
