import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerOperationHandlers } from '@/entrypoints/background/operations';
import { apiKeysItem, profilesItem, settingsItem, DEFAULT_SETTINGS, type ServerProfile } from '@/lib/storage';
import { ask, data } from '../helpers/background';

// Registered once for the file: the router keeps handlers in a module-level map.
registerOperationHandlers();

const KEY = 'wk_user_key_abcdef';
const home: ServerProfile = { id: 'home', name: 'Home', baseUrl: 'http://192.168.1.10:4001', notifications: true, createdAt: 1 };
const office: ServerProfile = { id: 'office', name: 'Office', baseUrl: 'https://warest.example.com/proxy', notifications: true, createdAt: 2 };

let contains: ReturnType<typeof vi.fn>;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

function envelope(results: unknown[], status = 200): Response {
  return new Response(JSON.stringify({ status: status < 300, code: 1000, message: 'OK', results }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

async function saveProfiles(profiles: ServerProfile[], keys: Record<string, string>, defaultProfileId = profiles[0]?.id ?? null) {
  await profilesItem.item.setValue({ profiles, defaultProfileId });
  await apiKeysItem.item.setValue(keys);
}

beforeEach(() => {
  fakeBrowser.reset();
  contains = vi.fn(async () => true);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(contains as never);
  fetchMock = vi.fn<typeof fetch>(async () => envelope([{ pong: true }]));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('operation.call', () => {
  it('answers no-profile when no server is set up, sending nothing', async () => {
    const reply = await ask('operation.call', { operationId: 'getServerPing' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'no-profile', message: expect.stringMatching(/No WARest server is set up/) } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('answers no-profile for a profile id that no longer exists', async () => {
    await saveProfiles([home], { home: KEY });
    expect(await ask('operation.call', { profileId: 'gone', operationId: 'getServerPing' })).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('answers permission when the browser has not granted access to the server, naming the host', async () => {
    await saveProfiles([home], { home: KEY });
    contains.mockResolvedValue(false);
    const reply = await ask('operation.call', { operationId: 'getServerPing' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'permission' } });
    if (!reply.ok) expect(reply.error.message).toContain('192.168.1.10:4001');
    expect(contains).toHaveBeenCalledWith({ origins: ['http://192.168.1.10:4001/*'] });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('calls the default server with its key when access is granted, and returns the data without `ok`', async () => {
    await saveProfiles([home, office], { home: KEY, office: 'office-key' });
    const reply = await ask('operation.call', { operationId: 'getServerPing' });

    const answer = data(reply);
    expect(answer).toMatchObject({ status: 200, code: 1000, results: [{ pong: true }] });
    expect(answer).not.toHaveProperty('ok');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://192.168.1.10:4001/api/v1/server/ping');
    expect((init?.headers as Record<string, string>)['X-WAREST-API-KEY']).toBe(KEY);
  });

  it('calls the asked profile with its own key', async () => {
    await saveProfiles([home, office], { home: KEY, office: 'office-key' });
    data(await ask('operation.call', { profileId: 'office', operationId: 'getSessionList' }));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('https://warest.example.com/proxy/api/v1/session/list');
    expect((init?.headers as Record<string, string>)['X-WAREST-API-KEY']).toBe('office-key');
  });

  it('passes the inputs through to the request', async () => {
    await saveProfiles([home], { home: KEY });
    data(await ask('operation.call', { operationId: 'getSessionCreate', inputs: { sessionId: 'shop.main' } }));
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('http://192.168.1.10:4001/api/v1/session/create?sessionId=shop.main');
  });

  it('returns the error of a failed call as it is', async () => {
    await saveProfiles([home], { home: KEY });
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ status: false, message: 'Invalid API key' }), { status: 401 }));
    expect(await ask('operation.call', { operationId: 'getServerPing' })).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
  });

  it('uses the timeout the page asks for', async () => {
    await saveProfiles([home], { home: KEY });
    fetchMock.mockImplementation(
      (_url, init) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    expect(await ask('operation.call', { operationId: 'getServerPing', timeoutMs: 20 })).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('uses the timeout of the settings otherwise', async () => {
    await saveProfiles([home], { home: KEY });
    await settingsItem.item.setValue({ ...DEFAULT_SETTINGS, requestTimeoutSec: 7 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fetchMock.mockImplementation(
        (_url, init) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      );
      const pending = ask('operation.call', { operationId: 'getServerPing' });
      await vi.advanceTimersByTimeAsync(7_000);
      const reply = await pending;
      expect(reply).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('within 7 s') } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('operation.call on a session that is not open (404/1101 from Messages and Chats routes)', () => {
  const notFound = () => new Response(JSON.stringify({ status: false, code: 1101, message: 'Session not found', results: null }), { status: 404, headers: { 'content-type': 'application/json' } });
  const list = (items: unknown[]) => envelope([{ items }]);

  it('says the session is not logged in, with its status from the server’s list', async () => {
    await saveProfiles([home], { home: KEY });
    fetchMock.mockImplementation(async (url) => (String(url).endsWith('/session/list') ? list([{ id: 'sales', status: 'logged_out' }]) : notFound()));
    const reply = await ask('operation.call', { operationId: 'getChats', inputs: { sessionId: 'sales' } });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'not-logged-in', code: 1101, message: expect.stringMatching(/^Session “sales” is not logged in to WhatsApp \(its status is logged out\)/) } });
  });

  it('uses the stored snapshot when it already knows the session is not open', async () => {
    await saveProfiles([home], { home: KEY });
    await fakeBrowser.storage.local.set({ sessionSnapshots: { home: { fetchedAt: 1, sessions: [{ id: 'sales', status: 'connecting' }], server: { state: 'ok' } } } });
    fetchMock.mockImplementation(async () => notFound());
    const reply = await ask('operation.call', { operationId: 'getChats', inputs: { sessionId: 'sales' } });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'not-logged-in', message: expect.stringContaining('its status is connecting') } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('keeps "not found" for a session the server does not list, and says so', async () => {
    await saveProfiles([home], { home: KEY });
    fetchMock.mockImplementation(async (url) => (String(url).endsWith('/session/list') ? list([{ id: 'main', status: 'open' }]) : notFound()));
    const reply = await ask('operation.call', { operationId: 'getChats', inputs: { sessionId: 'gone' } });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringMatching(/^Session “gone” does not exist on this server/) } });
  });
});

describe('connection.test', () => {
  function pingHealthList(listStatus = 200) {
    fetchMock.mockImplementation(async (url) => {
      const path = new URL(String(url)).pathname;
      if (path.endsWith('/server/ping')) return envelope([{ pong: true }]);
      if (path.endsWith('/server/healthz')) return envelope([{ serviceVersion: '0.3.44' }]);
      if (path.endsWith('/session/list')) return envelope([{ items: [{ id: 'a' }, { id: 'b' }] }], listStatus);
      return new Response('nope', { status: 404 });
    });
  }

  it('tests a draft URL with the typed key before anything is saved', async () => {
    pingHealthList();
    const report = data(await ask('connection.test', { draft: { baseUrl: 'warest.example.com:4001', apiKey: 'typed-key' } }));
    expect(report.ok).toBe(true);
    expect(report.sessionCount).toBe(2);
    expect(report.serverVersion).toBe('0.3.44');
    for (const [url, init] of fetchMock.mock.calls) {
      expect(String(url)).toMatch(/^http:\/\/warest\.example\.com:4001\/api\/v1\//);
      expect((init?.headers as Record<string, string>)['X-WAREST-API-KEY']).toBe('typed-key');
    }
  });

  it('never sends a saved key to an address typed in a blank form', async () => {
    await saveProfiles([home], { home: KEY });
    const reply = await ask('connection.test', { draft: { baseUrl: 'https://elsewhere.example' } });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'Enter the API key to test this server.' } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("uses the profile's saved key for its own test when the form leaves the key empty", async () => {
    await saveProfiles([home], { home: KEY });
    pingHealthList();
    expect(data(await ask('connection.test', { profileId: 'home', draft: { baseUrl: 'http://192.168.1.10:4001' } })).ok).toBe(true);
    expect((fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>)['X-WAREST-API-KEY']).toBe(KEY);
  });

  it('never sends the saved key to a new address typed into an edited profile', async () => {
    await saveProfiles([home], { home: KEY });
    pingHealthList();
    const reply = await ask('connection.test', { profileId: 'home', draft: { baseUrl: 'https://new-host.example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/enter the API key for the new address/);
    expect(fetchMock).not.toHaveBeenCalled();
    // Another port is another origin too.
    expect(await ask('connection.test', { profileId: 'home', draft: { baseUrl: 'http://192.168.1.10:4002' } })).toMatchObject({ ok: false });
    expect(fetchMock).not.toHaveBeenCalled();
    // A typed key goes to the new address.
    expect(data(await ask('connection.test', { profileId: 'home', draft: { baseUrl: 'https://new-host.example.com', apiKey: 'typed-key' } })).ok).toBe(true);
    expect((fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>)['X-WAREST-API-KEY']).toBe('typed-key');
  });

  it('refuses a draft URL that is not an address', async () => {
    expect(await ask('connection.test', { draft: { baseUrl: 'ftp://x', apiKey: 'k' } })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('reports the server unreachable for lack of host access, sending nothing', async () => {
    contains.mockResolvedValue(false);
    const report = data(await ask('connection.test', { draft: { baseUrl: 'https://warest.example.com', apiKey: 'k' } }));
    expect(report.ok).toBe(false);
    expect(report.reachable.state).toBe('failed');
    expect(report.error?.kind).toBe('permission');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
