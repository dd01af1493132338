import { describe, expect, it } from 'vitest';
import { computeBadgeAll } from '@/lib/badge';

const ok = { state: 'ok' as const };

describe('the badge for all servers', () => {
  it('counts the sessions that need attention across servers and names them per server', () => {
    const badge = computeBadgeAll([
      { name: 'Office', server: ok, sessions: [{ id: 'main', status: 'open' }, { id: 'sales', status: 'logged_out' }] },
      { name: 'Shop', server: ok, sessions: [{ id: 'a', status: 'replaced' }, { id: 'b', status: 'stopped' }] },
      { name: 'Home', server: { state: 'unreachable', kind: 'network' }, sessions: [{ id: 'x', status: 'logged_out' }] },
    ]);
    expect(badge.text).toBe('3');
    expect(badge.title).toBe('3 sessions need attention\nOffice: sales\nShop: a, b\nHome: unreachable');
  });

  it('marks a server in trouble when no session needs attention, and stays empty when all is well', () => {
    expect(computeBadgeAll([
      { name: 'Office', server: ok, sessions: [{ id: 'main', status: 'open' }] },
      { name: 'Shop', server: { state: 'error', kind: 'rate-limited' }, sessions: [] },
    ])).toMatchObject({ text: '!', title: '1 of 2 servers in trouble\nShop: rate limited' });
    expect(computeBadgeAll([{ name: 'A', server: ok, sessions: [] }, { name: 'B', server: ok, sessions: [] }])).toMatchObject({ text: '', title: 'All sessions fine on 2 servers' });
  });

  it('is the one-server badge for one server', () => {
    expect(computeBadgeAll([{ name: 'Office', server: { state: 'key-rejected' }, sessions: [] }]).text).toBe('key');
  });
});
