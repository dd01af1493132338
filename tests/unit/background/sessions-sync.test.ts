import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshProfile } from '@/entrypoints/background/sessions-refresh';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import { apiKeysItem, profilesItem, readChecked, snapshotsItem, type ProfileSnapshot, type StorageNotice } from '@/lib/storage';
import { guardStoredState } from '@/lib/storage/guard-all';
import { ask, data } from '../helpers/background';
import { settleMicrotasks } from '../helpers/clocks';
import { envelope, fakeWarestFetch, home, hostAccess, listOf, office, seed, type FakeWarestFetch } from '../helpers/warest-fetch';

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

let stopGuard: (() => void) | undefined;
afterEach(() => {
  stopGuard?.();
  stopGuard = undefined;
});

/** What the worker's entry starts: the storage guard first, then this concern. */
function startWorker() {
  stopGuard = guardStoredState();
  registerSessionsSync();
}

async function start(options: Parameters<typeof seed>[0] = {}) {
  await seed(options);
  startWorker();
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
    // A 500 was answered by the server: it is reached, just in trouble (a proxy's 502 is not).
    [500, 'error'],
    [502, 'unreachable'],
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

});

describe('refreshes asked for while one runs', () => {
  const T0 = Date.parse('2026-01-01T10:00:00Z');

  interface HeldList {
    apiKey: string | undefined;
    signal: AbortSignal | undefined;
    answer(response: Response): void;
  }

  /** Every list request waits until the test answers it; an aborted one fails as fetch does. */
  function holdLists(): HeldList[] {
    const held: HeldList[] = [];
    server.fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const path = url.pathname.replace(/^.*\/api\/v1/, '');
      const apiKey = ((init?.headers ?? {}) as Record<string, string>)['X-WAREST-API-KEY'];
      server.calls.push({ url, path, query: {}, apiKey });
      if (path !== '/session/list') return envelope([{ serviceVersion: '0.3.44' }]);
      return new Promise<Response>((resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
        held.push({ apiKey, signal: init?.signal ?? undefined, answer: resolve });
      });
    });
    return held;
  }

  const ids = (reply: Awaited<ReturnType<typeof refreshProfile>>) => data(reply).sessions.map((s) => s.id);

  it('the popup opened right after saving a server does not wait behind the refresh the save started', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await start({ profiles: [], keys: {} });
    const lists = holdLists();
    // As profile.save does it: the key first, then the profile. The server hangs.
    await apiKeysItem.item.setValue({ home: 'key-home' });
    await profilesItem.item.setValue({ profiles: [home], defaultProfileId: 'home' });
    await vi.waitFor(() => expect(lists).toHaveLength(1));

    // Two seconds later the person opens the popup: its refresh starts at once (before: it
    // queued behind the hung one, twice the timeout).
    vi.setSystemTime(T0 + 2_000);
    const popup = ask('sessions.refresh', { profileId: 'home' });
    await vi.waitFor(() => expect(lists).toHaveLength(2));
    lists[1]!.answer(listOf([{ id: 'shop', status: 'open' }]));
    expect(ids(await popup)).toEqual(['shop']);

    // The hung one answers last, with older news: it is not stored over the newer snapshot.
    lists[0]!.answer(listOf([{ id: 'old', status: 'open' }]));
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(2));
    await settleMicrotasks();
    expect((await stored())?.sessions.map((s) => s.id)).toEqual(['shop']);
    expect(server.count('/session/list')).toBe(2);
  });

  it('requests within a moment of a refresh starting share it; one re-read follows for what changed meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await start();
    const lists = holdLists();
    const first = refreshProfile('home');
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    vi.setSystemTime(T0 + 500);
    const second = refreshProfile('home');
    const third = ask('sessions.refresh', {});
    await settleMicrotasks();
    expect(lists).toHaveLength(1);

    lists[0]!.answer(listOf([{ id: 'shop', status: 'open' }]));
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // Nobody waits for the re-read; it makes sure the stored snapshot is no older than the last ask.
    await vi.waitFor(() => expect(lists).toHaveLength(2));
    lists[1]!.answer(listOf([{ id: 'shop', status: 'open' }, { id: 'new', status: 'connecting' }]));
    await vi.waitFor(async () => expect((await stored())?.sessions.map((s) => s.id)).toEqual(['new', 'shop']));
    expect(server.count('/session/list')).toBe(2);
  });

  it('a new key while a refresh runs: the running one is abandoned (aborted), a fresh one with the new key answers everyone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await start();
    const lists = holdLists();
    const first = refreshProfile('home');
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    expect(lists[0]!.apiKey).toBe('key-home');

    vi.setSystemTime(T0 + 100); // well within the moment: the change, not the time, decides
    await apiKeysItem.item.setValue({ home: 'new-key' });
    await vi.waitFor(() => expect(lists).toHaveLength(2));
    expect(lists[1]!.apiKey).toBe('new-key');
    expect(lists[0]!.signal?.aborted).toBe(true);

    lists[1]!.answer(listOf([{ id: 'fresh', status: 'open' }]));
    expect(ids(await first)).toEqual(['fresh']);
    await settleMicrotasks();
    expect((await stored())?.sessions.map((s) => s.id)).toEqual(['fresh']);
    expect(server.count('/session/list')).toBe(2);
  });

  it('a changed server address makes the running refresh stale too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await start();
    const lists = holdLists();
    const first = refreshProfile('home');
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    await profilesItem.item.setValue({ profiles: [{ ...home, baseUrl: 'http://192.168.1.11:4001' }], defaultProfileId: 'home' });
    await vi.waitFor(() => expect(lists).toHaveLength(2));
    expect(lists[0]!.signal?.aborted).toBe(true);
    lists[1]!.answer(listOf([{ id: 'moved', status: 'open' }]));
    expect(ids(await first)).toEqual(['moved']);
    expect(server.calls.filter((c) => c.path === '/session/list').map((c) => c.url.host)).toEqual(['192.168.1.10:4001', '192.168.1.11:4001']);
  });

  it('at most two reads of one profile at once: a third request shares the newer one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await start();
    const lists = holdLists();
    const first = refreshProfile('home');
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    vi.setSystemTime(T0 + 5_000);
    const second = refreshProfile('home');
    await vi.waitFor(() => expect(lists).toHaveLength(2));
    vi.setSystemTime(T0 + 10_000);
    const third = refreshProfile('home');
    await settleMicrotasks();
    expect(lists).toHaveLength(2);
    lists[1]!.answer(listOf([{ id: 'b', status: 'open' }]));
    expect(ids(await third)).toEqual(['b']);
    expect(ids(await second)).toEqual(['b']);
    // The third joined after the second had started: one re-read follows (the first started earlier, so it does not count).
    await vi.waitFor(() => expect(lists).toHaveLength(3));
    lists[0]!.answer(listOf([{ id: 'a', status: 'open' }]));
    // The older read's answer is not stored over the newer one; its caller gets the newer snapshot.
    expect(ids(await first)).toEqual(['b']);
    lists[2]!.answer(listOf([{ id: 'c', status: 'open' }]));
    await vi.waitFor(async () => expect((await stored())?.sessions.map((s) => s.id)).toEqual(['c']));
    expect(server.count('/session/list')).toBe(3);
  });

  it('the version is asked alongside the list, so one refresh takes one timeout at most', async () => {
    await start();
    const lists = holdLists();
    const refresh = refreshProfile('home');
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    await vi.waitFor(() => expect(server.count('/server/healthz')).toBe(1)); // before: only after the list answered
    lists[0]!.answer(listOf([{ id: 'shop', status: 'open' }]));
    expect(data(await refresh).server.version).toBe('0.3.44');
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
    startWorker();
    await vi.waitFor(async () => expect((await notices()).map((n) => n.key).sort()).toEqual(['local:recentRecipients', 'local:versionChecks']));
  });
});
