import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerLogin } from '@/entrypoints/background/login';
import { applyLivePairingCode, applyLiveQr } from '@/entrypoints/background/login-flow';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import { normalizePhone } from '@/lib/phone';
import { loginItem, profilesItem, readChecked, snapshotsItem, type LoginInProgress } from '@/lib/storage';
import { ask, data } from '../helpers/background';
import { envelope, fakeWarestFetch, hostAccess, listOf, seed, QR_1, QR_2, type FakeWarestFetch } from '../helpers/warest-fetch';

let server: FakeWarestFetch;
let contains: ReturnType<typeof hostAccess>;

const qrAnswer = (qr: string, qrDuration = 20) =>
  envelope([{ registryUser: 'alice', sessionId: 'shop', status: 'connecting', qr, qrString: '2@abc', qrDuration }], { status: 202, code: 1107, message: 'Scan the QR to continue' });
const openAnswer = () => envelope([{ registryUser: 'alice', sessionId: 'shop', status: 'open' }], { code: 1104, message: 'Session already open' });

beforeEach(() => {
  fakeBrowser.reset();
  contains = hostAccess();
  server = fakeWarestFetch();
  server.on('/server/healthz', () => envelope([{ serviceVersion: '0.3.44' }]));
  server.on('/session/list', () => listOf([{ id: 'shop', status: 'connecting' }]));
  server.on('/session/create', () => qrAnswer(QR_1));
  server.on('/session/create/pair-code', () => envelope([{ registryUser: 'alice', sessionId: 'shop', pairCode: 'ABCD-1234' }], { message: 'Pair code generated' }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function start(options: Parameters<typeof seed>[0] = {}) {
  await seed(options);
  registerSessionsSync();
  registerLogin();
}

async function storedLogin(): Promise<LoginInProgress | null> {
  return readChecked(loginItem);
}

describe('login.start with a QR code', () => {
  it('registers the session and stores the QR, its duration and when it came', async () => {
    await start();
    const before = Date.now();
    const login = data(await ask('login.start', { sessionId: 'shop', method: 'qr' }));
    expect(login).toMatchObject({ profileId: 'home', sessionId: 'shop', method: 'qr', state: 'waiting', qr: QR_1, qrDuration: 20 });
    expect(login.qrReceivedAt).toBeGreaterThanOrEqual(before);
    expect(login.startedAt).toBeGreaterThanOrEqual(before);
    expect(await storedLogin()).toEqual(login);
    const create = server.calls.find((c) => c.path === '/session/create');
    expect(create?.query).toEqual({ sessionId: 'shop' });
    expect(create?.apiKey).toBe('key-home');
    // …and the list is re-read so the new session shows.
    await vi.waitFor(async () => expect((await readChecked(snapshotsItem)).home?.sessions).toEqual([{ id: 'shop', status: 'connecting' }]));
  });

  it('is open at once when the server answers 1104 (an existing session that is logged in)', async () => {
    await start();
    server.on('/session/create', openAnswer);
    const login = data(await ask('login.start', { sessionId: 'shop', method: 'qr' }));
    expect(login.state).toBe('open');
    expect(login.qr).toBeUndefined();
  });

  it('accepts an existing session id: it restarts that session’s login', async () => {
    await start({ snapshots: { home: { fetchedAt: 1, sessions: [{ id: 'shop', status: 'logged_out' }], server: { state: 'ok' } } } });
    expect(data(await ask('login.start', { sessionId: 'shop', method: 'qr' })).state).toBe('waiting');
    expect(server.count('/session/create')).toBe(1);
  });

  it.each([
    ['', 'Enter a session id.'],
    ['has space', 'Use only letters, digits'],
    ['x'.repeat(65), 'At most 64 characters.'],
  ])('refuses the id %j, sending nothing', async (sessionId, message) => {
    await start();
    const reply = await ask('login.start', { sessionId, method: 'qr' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining(message) } });
    expect(server.calls).toHaveLength(0);
    expect(await storedLogin()).toBeNull();
  });

  it('passes on the server’s error and stores no login', async () => {
    await start();
    server.on('/session/create', () => envelope(null, { status: 403, code: 2201, message: 'Forbidden' }));
    expect(await ask('login.start', { sessionId: 'shop', method: 'qr' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await storedLogin()).toBeNull();
  });

  it('answers permission without host access, and no-profile without a server', async () => {
    await start();
    contains.mockResolvedValue(false);
    expect(await ask('login.start', { sessionId: 'shop', method: 'qr' })).toMatchObject({ ok: false, error: { kind: 'permission' } });
    await profilesItem.item.setValue({ profiles: [], defaultProfileId: null });
    expect(await ask('login.start', { sessionId: 'shop', method: 'qr' })).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
    expect(server.calls).toHaveLength(0);
  });
});

describe('login.start with a pairing code', () => {
  it.each([
    ['0812-3456-7890', '62'],
    ['0812 3456 7890', '+62'],
    ['+62 812 3456 7890', ''],
    ['+62 (812) 3456-7890', '44'],
    ['62 812-3456-7890', ''],
    ['0062 812 3456 7890', ''],
    ['812 3456 7890', '62'],
  ])('normalises %j (default country code %j) to 6281234567890', async (phone, defaultCountryCode) => {
    await start({ settings: { defaultCountryCode } });
    const login = data(await ask('login.start', { sessionId: 'shop', method: 'pairing', phone }));
    expect(login).toMatchObject({ method: 'pairing', state: 'waiting', phone: '6281234567890', pairingCode: 'ABCD-1234' });
    expect(login.qr).toBeUndefined();
    // create first (registers the session), then the pair code for the normalised number.
    expect(server.calls.filter((c) => c.path.startsWith('/session/create')).map((c) => c.path)).toEqual(['/session/create', '/session/create/pair-code']);
    expect(server.calls.find((c) => c.path === '/session/create/pair-code')?.query).toEqual({ sessionId: 'shop', phone: '6281234567890' });
  });

  it.each([
    ['abc', '62', /“abc” is not a phone number\. Enter the number in international format with the country code, e\.g\. \+62 812 3456 7890/],
    ['0812', '62', /not a valid phone number for country code \+62/],
    ['0812 3456 7890', '', /starts with 0, a national number, but no default country code is set/],
    ['', '62', /Enter the phone number/],
    ['+62 812', '', /not a valid international phone number/],
  ])('refuses %j (default %j) with a message naming the expected format, sending nothing', async (phone, defaultCountryCode, message) => {
    await start({ settings: { defaultCountryCode } });
    const reply = await ask('login.start', { sessionId: 'shop', method: 'pairing', phone });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(message) } });
    expect(server.calls).toHaveLength(0);
  });

  it('is open when the session is already logged in (create answers 1104), without asking for a code', async () => {
    await start({ settings: { defaultCountryCode: '62' } });
    server.on('/session/create', openAnswer);
    const login = data(await ask('login.start', { sessionId: 'shop', method: 'pairing', phone: '081234567890' }));
    expect(login.state).toBe('open');
    expect(server.count('/session/create/pair-code')).toBe(0);
  });

  it('waits without a code while the server is still generating it (1110), and the poll picks it up', async () => {
    await start();
    server.on('/session/create/pair-code', () => envelope([{ sessionId: 'shop', pairCode: '' }], { status: 202, code: 1110, message: 'Pair code pending' }));
    const login = data(await ask('login.start', { sessionId: 'shop', method: 'pairing', phone: '+6281234567890' }));
    expect(login).toMatchObject({ state: 'waiting' });
    expect(login.pairingCode).toBeUndefined();

    server.on('/session/create', () => envelope([{ sessionId: 'shop', status: 'connecting', pairCode: 'WXYZ-9876' }], { status: 202, code: 1110 }));
    expect(data(await ask('login.poll', {}))).toMatchObject({ state: 'waiting', pairingCode: 'WXYZ-9876' });
  });

  it('passes on a refusal of the pair-code call', async () => {
    await start();
    server.on('/session/create/pair-code', () => envelope(null, { status: 400, code: 2002, message: 'phone must be digits only' }));
    expect(await ask('login.start', { sessionId: 'shop', method: 'pairing', phone: '+6281234567890' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await storedLogin()).toBeNull();
  });
});

describe('login.poll and login.cancel', () => {
  async function startQr() {
    await start();
    return data(await ask('login.start', { sessionId: 'shop', method: 'qr' }));
  }

  it('answers null, sending nothing, when no login is in progress', async () => {
    await start();
    expect(data(await ask('login.poll', {}))).toBeNull();
    expect(server.calls).toHaveLength(0);
  });

  it('replaces the QR (and when it came) when the server has a new one; keeps it otherwise', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const first = await startQr();

    vi.setSystemTime(1_005_000);
    const same = data(await ask('login.poll', {}));
    expect(same).toMatchObject({ qr: QR_1, qrReceivedAt: first.qrReceivedAt });

    server.on('/session/create', () => qrAnswer(QR_2, 30));
    vi.setSystemTime(1_021_000);
    const rotated = data(await ask('login.poll', {}));
    expect(rotated).toMatchObject({ state: 'waiting', qr: QR_2, qrReceivedAt: 1_021_000, qrDuration: 30 });
    expect(await storedLogin()).toEqual(rotated);
  });

  it('is open on 1104, and re-reads the sessions', async () => {
    await startQr();
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(1));
    server.on('/session/create', openAnswer);
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }]));
    expect(data(await ask('login.poll', {}))).toMatchObject({ state: 'open' });
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(2));
    // An open login is not polled again.
    expect(data(await ask('login.poll', {}))).toMatchObject({ state: 'open' });
    expect(server.count('/session/create')).toBe(2);
  });

  it('keeps waiting with the error’s message when the server cannot be reached, and clears it when it answers again', async () => {
    await startQr();
    server.on('/session/create', () => {
      throw new TypeError('Failed to fetch');
    });
    const failed = data(await ask('login.poll', {}));
    expect(failed).toMatchObject({ state: 'waiting', qr: QR_1, message: expect.stringMatching(/Can't reach 192\.168\.1\.10:4001/) });
    server.on('/session/create', () => qrAnswer(QR_1));
    const back = data(await ask('login.poll', {}));
    expect(back?.state).toBe('waiting');
    expect(back?.message).toBeUndefined();
  });

  it('fails when the key is rejected', async () => {
    await startQr();
    server.on('/session/create', () => new Response('{"message":"Invalid API key"}', { status: 401 }));
    expect(data(await ask('login.poll', {}))).toMatchObject({ state: 'failed', message: expect.any(String) });
  });

  it('fails when the login’s profile was removed', async () => {
    await startQr();
    await profilesItem.item.setValue({ profiles: [], defaultProfileId: null });
    expect(data(await ask('login.poll', {}))).toMatchObject({ state: 'failed', message: expect.stringMatching(/no longer exists/) });
  });

  it('cancel clears the login; a poll that was under way changes neither it nor a login started since', async () => {
    await startQr();
    let answer: (response: Response) => void = () => undefined;
    server.on('/session/create', (call) => (call.query.sessionId === 'shop' ? new Promise<Response>((resolve) => (answer = resolve)) : qrAnswer(QR_2)));
    const polling = ask('login.poll', {});
    await vi.waitFor(() => expect(server.count('/session/create')).toBe(2));
    expect(data(await ask('login.cancel', {}))).toEqual({ cancelled: true });
    expect(await loginItem.item.getValue()).toBeNull();

    const other = data(await ask('login.start', { sessionId: 'other', method: 'qr' }));
    answer(openAnswer());
    await polling;
    expect(await loginItem.item.getValue()).toEqual(other);
    expect(other).toMatchObject({ sessionId: 'other', state: 'waiting', qr: QR_2 });
  });

  it('a refresh that shows the login’s session open marks the login open', async () => {
    await startQr();
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(1));
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }]));
    data(await ask('sessions.refresh', {}));
    await vi.waitFor(async () => expect((await storedLogin())?.state).toBe('open'));
  });
});

describe('live events for the login', () => {
  it('a qr event with a data URL replaces the QR; without one the server is asked for it', async () => {
    await start();
    data(await ask('login.start', { sessionId: 'shop', method: 'qr' }));
    await applyLiveQr('home', { id: 'shop', qr: '2@x', qrDuration: 25, qrDataUrl: QR_2 });
    expect(await storedLogin()).toMatchObject({ qr: QR_2, qrDuration: 25 });
    expect(server.count('/session/create')).toBe(1);

    server.on('/session/create', () => qrAnswer('data:image/png;base64,Q0NDQw=='));
    await applyLiveQr('home', { id: 'shop', qr: '2@y', qrDuration: 20 });
    expect(server.count('/session/create')).toBe(2);
    expect((await storedLogin())?.qr).toBe('data:image/png;base64,Q0NDQw==');
  });

  it('ignores events for other sessions or profiles, and QR “URLs” that are not images', async () => {
    await start();
    data(await ask('login.start', { sessionId: 'shop', method: 'qr' }));
    await applyLiveQr('home', { id: 'other', qrDataUrl: QR_2 });
    await applyLiveQr('office', { id: 'shop', qrDataUrl: QR_2 });
    expect((await storedLogin())?.qr).toBe(QR_1);
    server.on('/session/create', () => qrAnswer(QR_1));
    await applyLiveQr('home', { id: 'shop', qrDataUrl: 'https://evil.example/qr.png' });
    expect((await storedLogin())?.qr).toBe(QR_1);
  });

  it('a pairing_code event updates the code of a pairing login', async () => {
    await start();
    data(await ask('login.start', { sessionId: 'shop', method: 'pairing', phone: '+6281234567890' }));
    await applyLivePairingCode('home', { id: 'shop', code: 'NEW1-CODE' });
    expect((await storedLogin())?.pairingCode).toBe('NEW1-CODE');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-2671', '', '14155552671'],
    ['07911 123456', '44', '447911123456'],
    ['+44 7911 123456', '62', '447911123456'],
    ['4915112345678', '62', '4915112345678'], // another country's number typed without +
    ['81234567890', '62', '6281234567890'], // with a default country, its numbers come first
  ])('%j (default %j) → %s', (input, country, digits) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, digits });
  });

  it.each(['+62 812 34a', '++6281234567890', '62+81234567890'])('refuses %j', (input) => {
    expect(normalizePhone(input, '62').ok).toBe(false);
  });
});
