import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSessionsSync, refreshProfile } from '@/entrypoints/background/sessions-sync';
import { apiKeysItem, profilesItem, readChecked, snapshotsItem, type ProfileSnapshot, type StorageNotice } from '@/lib/stored-state';
import { ask, data } from './helpers/background';
import { settleMicrotasks } from './helpers/clocks';
import { envelope, fakeWarestFetch, home, hostAccess, listOf, office, seed, type FakeWarestFetch } from './helpers/warest-fetch';

let server: FakeWarestFetch;
let contains: ReturnType<typeof hostAccess>;

beforeEach(() => {
  fakeBrowser.reset();
  contains = hostAccess();
  server = fakeWarestFetch();
  server.on('/server/healthz', () => envelope([{ status: 'ok', serviceVersion: '0.3.44' }]));
  server.on('/session/list', () => listOf([{ id: 'shop', status: 'open', name: 'Shop', phone: '6281234567890' }, { id: 'alpha', status: 'logged_out' }]));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function start(options: Parameters<typeof seed>[0] = {}) {
  await seed(options);
  registerSessionsSync();
}

async function stored(profileId = 'home'): Promise<ProfileSnapshot | undefined> {
  return (await readChecked(snapshotsItem))[profileId];
}

const known: ProfileSnapshot = {
  fetchedAt: 1_000,
  sessions: [{ id: 'shop', status: 'open', name: 'Shop' }],
  server: { state: 'ok', latencyMs: 12, version: '0.3.40' },
  updates: { mode: 'live' },
};

describe('sessions.refresh', () => {
  it('reads the list with the profile’s key, stores the snapshot and answers it with the profile id', async () => {
    await start();
    const before = Date.now();
    const answer = data(await ask('sessions.refresh', {}));

    expect(answer.profileId).toBe('home');
    expect(answer.sessions).toEqual([
      { id: 'alpha', status: 'logged_out' },
      { id: 'shop', status: 'open', name: 'Shop', phone: '6281234567890' },
    ]);
    expect(answer.server).toMatchObject({ state: 'ok', version: '0.3.44' });
    expect(answer.server.latencyMs).toEqual(expect.any(Number));
    expect(answer.fetchedAt).toBeGreaterThanOrEqual(before);
    const { profileId: _id, ...snapshot } = answer;
    expect(await stored()).toEqual(snapshot);
    const list = server.calls.find((c) => c.path === '/session/list');
    expect(list?.url.origin).toBe('http://192.168.1.10:4001');
    expect(list?.apiKey).toBe('key-home');
  });

  it('refreshes the profile asked for, not the default', async () => {
    await start({ profiles: [home, office] });
    data(await ask('sessions.refresh', { profileId: 'office' }));
    expect(server.calls.find((c) => c.path === '/session/list')?.url.href).toBe('https://warest.example.com/proxy/api/v1/session/list');
    expect(await stored('office')).toBeDefined();
    expect(await stored('home')).toBeUndefined();
  });

  it('answers no-profile, sending nothing, when there is no such profile', async () => {
    await start();
    expect(await ask('sessions.refresh', { profileId: 'gone' })).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
    expect(server.calls).toHaveLength(0);
  });

  it('keeps the last known sessions and their time when the server cannot be reached, and says so', async () => {
    await start({ snapshots: { home: known } });
    server.fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const answer = data(await ask('sessions.refresh', {}));
    expect(answer.sessions).toEqual(known.sessions);
    expect(answer.fetchedAt).toBe(1_000);
    expect(answer.server.state).toBe('unreachable');
    expect(answer.server.message).toMatch(/Can't reach 192\.168\.1\.10:4001/);
    expect(answer.server.version).toBe('0.3.40');
    expect(answer.updates).toEqual({ mode: 'live' });
    expect(await stored()).toMatchObject({ fetchedAt: 1_000, server: { state: 'unreachable' } });
  });

  it.each([
    [500, 'unreachable'],
    [404, 'error'],
  ] as const)('HTTP %i on the list → server state %s, sessions kept', async (status, state) => {
    await start({ snapshots: { home: known } });
    server.on('/session/list', () => envelope(null, { status, code: status, message: 'boom' }));
    const answer = data(await ask('sessions.refresh', {}));
    expect(answer.server.state).toBe(state);
    expect(answer.sessions).toEqual(known.sessions);
  });

  it('a rejected key (401) is key-rejected, not unreachable', async () => {
    await start({ snapshots: { home: known } });
    server.on('/session/list', () => new Response(JSON.stringify({ status: false, message: 'Invalid API key' }), { status: 401 }));
    const answer = data(await ask('sessions.refresh', {}));
    expect(answer.server.state).toBe('key-rejected');
    expect(answer.server.message).toBeTruthy();
    expect(answer.sessions).toEqual(known.sessions);
  });

  it('a profile without a saved key is key-rejected, and nothing is sent', async () => {
    await start({ keys: {} });
    const answer = data(await ask('sessions.refresh', {}));
    expect(answer.server).toMatchObject({ state: 'key-rejected', message: expect.stringContaining('No API key is saved for “Home”') });
    expect(server.calls).toHaveLength(0);
  });

  it('without host access the snapshot says so (unreachable, permission message) and nothing is sent', async () => {
    await start();
    contains.mockResolvedValue(false);
    const answer = data(await ask('sessions.refresh', {}));
    expect(answer.server).toMatchObject({ state: 'unreachable', message: expect.stringContaining('has not given the extension access to 192.168.1.10:4001') });
    expect(server.calls).toHaveLength(0);
  });

  it('asks for the version at most every 10 minutes per profile, and keeps it in between', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    await start({ profiles: [home, office] });

    data(await ask('sessions.refresh', {}));
    data(await ask('sessions.refresh', { profileId: 'office' }));
    expect(server.count('/server/healthz')).toBe(2); // once per profile

    server.on('/server/healthz', () => envelope([{ serviceVersion: '0.4.0' }]));
    vi.setSystemTime(new Date('2026-01-01T10:09:59Z'));
    const cached = data(await ask('sessions.refresh', {}));
    expect(server.count('/server/healthz')).toBe(2);
    expect(cached.server.version).toBe('0.3.44');

    vi.setSystemTime(new Date('2026-01-01T10:10:01Z'));
    const fresh = data(await ask('sessions.refresh', {}));
    expect(server.count('/server/healthz')).toBe(3);
    expect(fresh.server.version).toBe('0.4.0');
  });

  it('keeps the known version when the health check fails', async () => {
    await start({ snapshots: { home: known } });
    server.on('/server/healthz', () => envelope(null, { status: 500 }));
    const answer = data(await ask('sessions.refresh', {}));
    expect(answer.server).toMatchObject({ state: 'ok', version: '0.3.40' });
  });

  it('runs one refresh per profile at a time: requests during one share the next', async () => {
    await start();
    let release: () => void = () => undefined;
    server.on('/session/list', () => new Promise<Response>((resolve) => (release = () => resolve(listOf([{ id: 'shop', status: 'open' }])))));
    const first = refreshProfile('home');
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(1));
    const second = refreshProfile('home');
    const third = refreshProfile('home');
    release();
    await first;
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(2));
    release();
    const [a, b] = await Promise.all([second, third]);
    expect(a).toEqual(b);
    expect(server.count('/session/list')).toBe(2);
  });
});

describe('profile changes', () => {
  it('a new profile is read at once; a removed one loses its snapshot', async () => {
    await start({ snapshots: { home: known } });
    // As profile.save does it: the key first, then the profile.
    await apiKeysItem.item.setValue({ home: 'key-home', office: 'key-office' });
    await profilesItem.item.setValue({ profiles: [home, office], defaultProfileId: 'home' });
    await vi.waitFor(async () => expect(await stored('office')).toMatchObject({ server: { state: 'ok' } }));
    expect(server.count('/session/list', (c) => c.url.host === 'warest.example.com')).toBe(1);
    expect(server.count('/session/list', (c) => c.url.host === '192.168.1.10:4001')).toBe(0);

    await profilesItem.item.setValue({ profiles: [office], defaultProfileId: 'office' });
    await vi.waitFor(async () => expect(await stored('home')).toBeUndefined());
  });

  it('a profile whose last read failed is read again when profiles are saved (how a user retries)', async () => {
    await start({ profiles: [home, office], snapshots: { home: known, office: { ...known, server: { state: 'unreachable', message: 'no access' } } } });
    await profilesItem.item.setValue({ profiles: [home, { ...office, name: 'Office 2' }], defaultProfileId: 'home' });
    await vi.waitFor(async () => expect((await stored('office'))?.server.state).toBe('ok'));
    expect(server.count('/session/list', (c) => c.url.host === '192.168.1.10:4001')).toBe(0);
  });

  it('a new key for a profile re-reads it with that key', async () => {
    await start({ snapshots: { home: known } });
    await apiKeysItem.item.setValue({ home: 'new-key' });
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(1));
    expect(server.calls.find((c) => c.path === '/session/list')?.apiKey).toBe('new-key');
  });
});

describe('damaged stored values reaching the background', () => {
  async function notices(): Promise<StorageNotice[]> {
    return ((await fakeBrowser.storage.local.get('storageNotices'))['storageNotices'] as StorageNotice[] | undefined) ?? [];
  }

  it('a damaged apiKeys value (a 20,000-character string) is handled once: no refresh per character, one notice', async () => {
    await start();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await fakeBrowser.storage.local.set({ apiKeys: 'k'.repeat(20_000) });
    await vi.waitFor(async () => expect(await notices()).toHaveLength(1));
    await settleMicrotasks();
    // Before: one refreshProfile (a profile lookup, a storage read) per character.
    expect(reads.mock.calls.length).toBeLessThan(50);
    expect((await notices())[0]?.message).toContain('your saved API keys');
    expect((await fakeBrowser.storage.local.get('apiKeys'))['apiKeys']).toEqual({});
    expect(server.calls).toHaveLength(0);
  });

  it('a damaged profile list (100,000 junk profiles) is not walked: no access check per entry, one notice', async () => {
    await start();
    await fakeBrowser.storage.local.set({ profiles: { profiles: Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}` })), defaultProfileId: null } });
    await vi.waitFor(async () => expect(await notices()).toHaveLength(1));
    await settleMicrotasks();
    expect(contains.mock.calls.length).toBeLessThan(10);
    expect((await notices())[0]?.message).toContain('your server profiles');
  });

  it.each([
    ['recentRecipients', 'your recent recipients', 'not a list'],
    ['composeDrafts', 'your unsent messages', 42],
    ['jobs', 'your bulk jobs', { not: 'a list' }],
    ['storageNotices', 'the list of storage problems', 'x'.repeat(4 * 1024 * 1024)],
  ])('an item no background code reads (%s), damaged while the worker runs, gets one notice at once', async (key, named, damage) => {
    await start();
    await fakeBrowser.storage.local.set({ [key]: damage });
    await vi.waitFor(async () => expect((await notices()).map((n) => n.key)).toEqual([`local:${key}`]));
    expect((await notices())[0]?.message).toContain(named);
  });

  it('a version marker from a newer release, written while the worker runs, gets one notice', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await start();
    await fakeBrowser.storage.local.set({ apiKeys$: { v: 99 } });
    await vi.waitFor(async () => expect((await notices()).map((n) => n.key)).toEqual(['local:apiKeys']));
    expect((await notices())[0]?.message).toMatch(/newer version/);
    expect((await fakeBrowser.storage.local.get('apiKeys$'))['apiKeys$']).toEqual({ v: 1 });
  });

  it('damage already there when the worker starts is reported once', async () => {
    await seed({});
    await fakeBrowser.storage.local.set({ recentRecipients: 'x', versionChecks: [1, 2] });
    registerSessionsSync();
    await vi.waitFor(async () => expect((await notices()).map((n) => n.key).sort()).toEqual(['local:recentRecipients', 'local:versionChecks']));
  });
});
