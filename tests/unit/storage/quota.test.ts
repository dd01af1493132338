import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import { readChecked, snapshotsItem, type ProfileSnapshot } from '@/lib/storage';
import { ask } from '../helpers/background';
import { envelope, fakeWarestFetch, hostAccess, listOf, seed, type FakeWarestFetch } from '../helpers/warest-fetch';

/**
 * chrome.storage.local holds 10 MB for the whole extension (wxt.config.ts asks for no
 * `unlimitedStorage`). The fake browser has no quota, so these tests give it Chrome's: a write
 * that would take the area past 10 MB fails with Chrome's "quota exceeded" error.
 */

const QUOTA = 10 * 1024 * 1024;

function sizeOf(data: Record<string, unknown>): number {
  let total = 0;
  for (const [key, value] of Object.entries(data)) total += key.length + JSON.stringify(value).length;
  return total;
}

function enforceQuota(quota = QUOTA) {
  const area = fakeBrowser.storage.local;
  const realSet = area.set.bind(area);
  const realGet = area.get.bind(area);
  vi.spyOn(area, 'set').mockImplementation((async (items: Record<string, unknown>) => {
    const after = { ...((await realGet(null)) as Record<string, unknown>), ...items };
    if (sizeOf(after) > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
    return realSet(items);
  }) as never);
  return { fill: (items: Record<string, unknown>) => realSet(items), used: async () => sizeOf((await realGet(null)) as Record<string, unknown>) };
}

let server: FakeWarestFetch;

beforeEach(() => {
  fakeBrowser.reset();
  hostAccess();
  server = fakeWarestFetch();
  server.on('/server/healthz', () => envelope([{ status: 'ok', serviceVersion: '0.3.44' }]));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** 50,000 sessions with 200-character names; every 100th is logged out, ids sorting them last. */
function hugeList() {
  return listOf(
    Array.from({ length: 50_000 }, (_, i) => ({
      id: i % 100 === 99 ? `zz-lost-${String(i).padStart(5, '0')}` : `s-${String(i).padStart(5, '0')}`,
      status: i % 100 === 99 ? 'logged_out' : 'open',
      name: `${'N'.repeat(190)}${String(i).padStart(10, '0')}`,
    })),
  );
}

async function stored(): Promise<ProfileSnapshot | undefined> {
  return (await readChecked(snapshotsItem))['home'];
}

describe('a server with 50,000 sessions', () => {
  it('is stored capped (the ones that need attention first), says how many the server has, and fits', async () => {
    const quota = enforceQuota();
    await seed({});
    registerSessionsSync();
    server.on('/session/list', hugeList);

    const reply = await ask('sessions.refresh', {});
    expect(reply.ok, JSON.stringify(reply).slice(0, 300)).toBe(true);
    if (!reply.ok) return;
    const snapshot = reply.data;
    expect(snapshot.server.state).toBe('ok');
    expect(snapshot.capped).toEqual({ total: 50_000 });
    expect(snapshot.sessions.length).toBeGreaterThan(0);
    expect(snapshot.sessions.length).toBeLessThanOrEqual(1000);
    // All 500 logged-out sessions are kept although their ids sort last.
    expect(snapshot.sessions.filter((s) => s.status === 'logged_out')).toHaveLength(500);
    // In id order, names cut to a readable length.
    const ids = snapshot.sessions.map((s) => s.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(Math.max(...snapshot.sessions.map((s) => s.name?.length ?? 0))).toBeLessThanOrEqual(100);
    expect(JSON.stringify(await stored()).length).toBeLessThan(300 * 1024);
    expect(await quota.used()).toBeLessThan(400 * 1024);

    // A second refresh works just as well (before: every refresh failed the same way).
    expect((await ask('sessions.refresh', {})).ok).toBe(true);
  });

  it('when storage is nearly full, the snapshot is cut further instead of failing', async () => {
    const quota = enforceQuota();
    await seed({});
    registerSessionsSync();
    server.on('/session/list', hugeList);
    // Other things fill all but ~100 KB: the usual 256 KB snapshot does not fit, the tight one does.
    await quota.fill({ filler: 'f'.repeat(QUOTA - 100 * 1024 - (await quota.used())) });

    const reply = await ask('sessions.refresh', {});
    expect(reply.ok, JSON.stringify(reply).slice(0, 300)).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.sessions.length).toBeLessThanOrEqual(100);
    expect(reply.data.sessions.every((s) => s.status === 'logged_out')).toBe(true);
    expect(reply.data.capped).toEqual({ total: 50_000 });
    const { profileId: _id, ...snapshot } = reply.data;
    expect(await stored()).toEqual(snapshot);
  });
});

describe('when the storage is full', () => {
  it('a refresh says so in plain words and what to do, not "internal error"', async () => {
    const quota = enforceQuota();
    await seed({});
    registerSessionsSync();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }]));
    await quota.fill({ filler: 'f'.repeat(QUOTA - 64 - (await quota.used())) });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    const reply = await ask('sessions.refresh', {});
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.message).not.toMatch(/internal error/i);
    expect(reply.error.message).toMatch(/storage for WARest Companion is full/);
    expect(reply.error.message).toMatch(/could not be saved/);
    expect(reply.error.message).toMatch(/Remove bulk jobs and unsent drafts/);
    consoleError.mockRestore();
  });
});
