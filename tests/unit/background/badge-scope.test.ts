import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeNow } from '@/entrypoints/background/badge';
import { BADGE_COLORS } from '@/lib/badge';
import type { ProfileSnapshot } from '@/lib/storage';
import { home, office, seed } from '../helpers/warest-fetch';

/** The badge setting: the default server only (as before), or every server's sessions. */

const snapshots: Record<string, ProfileSnapshot> = {
  home: { fetchedAt: 1, sessions: [{ id: 'shop', status: 'logged_out' }, { id: 'till', status: 'open' }], server: { state: 'ok' } },
  office: { fetchedAt: 1, sessions: [{ id: 'desk', status: 'replaced' }, { id: 'web', status: 'stopped' }], server: { state: 'ok' } },
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('what the badge counts', () => {
  it('counts the default server only by default', async () => {
    await seed({ profiles: [home, office], defaultProfileId: 'home', snapshots });
    expect(await badgeNow()).toMatchObject({ text: '1', color: BADGE_COLORS.attention, title: 'Home: 1 session needs attention (shop)' });
  });

  it('counts every server with "all servers", the tooltip naming server and session', async () => {
    await seed({ profiles: [home, office], defaultProfileId: 'home', snapshots, settings: { badgeScope: 'all' } });
    expect(await badgeNow()).toEqual({ text: '3', color: BADGE_COLORS.attention, title: '3 sessions need attention\nHome: shop\nOffice: desk, web' });
  });
});
