import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBadge, updateBadge } from '@/entrypoints/background/badge';
import { setLiveSocketFactory, stopLiveUpdates } from '@/entrypoints/background/live-connections';
import { registerLogin } from '@/entrypoints/background/login';
import { POLL_ALARM, armPolling, registerPolling } from '@/entrypoints/background/polling';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import { BADGE_COLORS } from '@/lib/badge';
import type { SessionStatus } from '@/lib/sessions';
import { DEFAULT_SETTINGS, loginItem, profilesItem, settingsItem, snapshotsItem, type LoginInProgress, type ProfileSnapshot } from '@/lib/storage';
import { envelope, fakeWarestFetch, home, hostAccess, listOf, office, seed, QR_1, type FakeWarestFetch } from '../helpers/warest-fetch';

let server: FakeWarestFetch;

beforeEach(() => {
  fakeBrowser.reset();
  hostAccess();
  server = fakeWarestFetch();
  server.on('/server/healthz', () => envelope([{ serviceVersion: '0.3.44' }]));
  server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }]));
  // Live sockets that never connect nor fail: these tests count the poll's own reads, and a
  // refused handshake would add one (live-updates.test.ts covers those).
  setLiveSocketFactory(() => ({ on() {}, emit() {}, close() {} }));
});

afterEach(() => {
  stopLiveUpdates();
  setLiveSocketFactory();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const waitingLogin = (startedAt = Date.now()): LoginInProgress => ({ profileId: 'home', sessionId: 'shop', method: 'qr', startedAt, state: 'waiting', qr: QR_1 });

async function alarmPeriod(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes;
}

function fireAlarm(): Promise<unknown> {
  return fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 0.5, persistAcrossSessions: true });
}

describe('the poll alarm', () => {
  it.each([
    [120, 2],
    [45, 0.75],
    [30, 0.5],
    [10, 0.5], // Chrome's minimum is 30 s
    [0, 0.5],
  ])('pollIntervalSec %i → a period of %f min', async (pollIntervalSec, minutes) => {
    await seed({ settings: { pollIntervalSec } });
    expect(await armPolling()).toBe(minutes * 60);
    expect(await alarmPeriod()).toBe(minutes);
  });

  it('polls at the minimum while a login waits, and at the setting again once it is over', async () => {
    await seed({ settings: { pollIntervalSec: 300 } });
    await loginItem.item.setValue(waitingLogin());
    await armPolling();
    expect(await alarmPeriod()).toBe(0.5);
    await loginItem.item.setValue({ ...waitingLogin(), state: 'open' });
    await armPolling();
    expect(await alarmPeriod()).toBe(5);
  });

  it('a login left waiting for over 10 minutes no longer speeds the poll up', async () => {
    await seed({ settings: { pollIntervalSec: 300 } });
    await loginItem.item.setValue(waitingLogin(Date.now() - 11 * 60_000));
    await armPolling();
    expect(await alarmPeriod()).toBe(5);
  });

  it('is re-armed when the settings or the login change', async () => {
    await seed({ settings: { pollIntervalSec: 60 } });
    registerPolling();
    await vi.waitFor(async () => expect(await alarmPeriod()).toBe(1));
    await settingsItem.item.setValue({ ...DEFAULT_SETTINGS, pollIntervalSec: 600 });
    await vi.waitFor(async () => expect(await alarmPeriod()).toBe(10));
    await loginItem.item.setValue(waitingLogin());
    await vi.waitFor(async () => expect(await alarmPeriod()).toBe(0.5));
  });

  it('is not re-created (which would reset its schedule) when the period stays the same', async () => {
    await seed({ settings: { pollIntervalSec: 60 } });
    await armPolling();
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await armPolling();
    expect(create).not.toHaveBeenCalled();
  });

  it('a tick refreshes every profile the browser lets the extension reach, and only those', async () => {
    hostAccess((origin) => origin.startsWith('http://192.168.1.10'));
    await seed({ profiles: [home, office] });
    registerSessionsSync();
    registerPolling();
    await fireAlarm();
    await vi.waitFor(async () => expect(Object.keys(await snapshotsItem.item.getValue())).toEqual(['home']));
    expect(server.count('/session/list', (c) => c.url.host === '192.168.1.10:4001')).toBe(1);
    expect(server.count('/session/list', (c) => c.url.host === 'warest.example.com')).toBe(0);
  });

  it('a tick also polls the login the popup left waiting', async () => {
    await seed({});
    registerSessionsSync();
    registerLogin();
    registerPolling();
    server.on('/session/create', () => envelope([{ sessionId: 'shop', status: 'open' }], { code: 1104 }));
    await loginItem.item.setValue(waitingLogin());
    await fireAlarm();
    await vi.waitFor(async () => expect((await loginItem.item.getValue())?.state).toBe('open'));
    expect(server.count('/session/create', (c) => c.query.sessionId === 'shop')).toBe(1);
  });

  it.each(['onStartup', 'onInstalled'] as const)('runtime.%s refreshes every profile and arms the alarm', async (event) => {
    await seed({ profiles: [home, office] });
    registerSessionsSync();
    registerPolling();
    await (fakeBrowser.runtime[event].trigger as (...args: unknown[]) => Promise<unknown>)({ reason: 'install' });
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(2));
    expect(await alarmPeriod()).toBe(0.5);
  });
});

const snapshot = (server: ProfileSnapshot['server'], statuses: SessionStatus[] = []): ProfileSnapshot => ({
  fetchedAt: Date.now(),
  sessions: statuses.map((status, i) => ({ id: `s${i}`, status })),
  server,
});

async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    color: await fakeBrowser.action.getBadgeBackgroundColor({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

function rgba(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

describe('the toolbar badge', () => {
  it('counts the default profile’s sessions that need the user, in red', async () => {
    await seed({ profiles: [home, office], snapshots: { home: snapshot({ state: 'ok' }, ['open', 'logged_out', 'replaced', 'reconnecting']), office: snapshot({ state: 'ok' }, ['stopped']) } });
    await updateBadge();
    const shown = await badge();
    expect(shown.text).toBe('2');
    expect(shown.color).toEqual(rgba(BADGE_COLORS.attention));
    expect(shown.title).toMatch(/^Home: 2 sessions need attention \(s1, s2\)/);
  });

  it('shows "!" when the default server is unreachable and "key" when it rejects the key', async () => {
    await seed({ snapshots: { home: snapshot({ state: 'unreachable', message: 'down' }, ['logged_out']) } });
    await updateBadge();
    expect(await badge()).toMatchObject({ text: '!', color: rgba(BADGE_COLORS.unreachable), title: 'Home: server unreachable' });

    await snapshotsItem.item.setValue({ home: snapshot({ state: 'key-rejected', message: 'no' }) });
    await updateBadge();
    expect(await badge()).toMatchObject({ text: 'key', color: rgba(BADGE_COLORS.keyRejected) });
  });

  it('is empty when all is well, and when there is no profile', async () => {
    await seed({ snapshots: { home: snapshot({ state: 'ok' }, ['open']) } });
    await updateBadge();
    expect((await badge()).text).toBe('');
    await fakeBrowser.action.setBadgeText({ text: 'x' });
    await profilesItem.item.setValue({ profiles: [], defaultProfileId: null });
    await updateBadge();
    expect(await badge()).toMatchObject({ text: '', title: 'WARest Companion' });
  });

  it('follows snapshot and default-profile changes by itself', async () => {
    await seed({ profiles: [home, office], snapshots: { home: snapshot({ state: 'ok' }, ['open']), office: snapshot({ state: 'ok' }, ['logged_out', 'stopped', 'replaced']) } });
    registerBadge();
    await vi.waitFor(async () => expect((await badge()).title).toBe('Home: all sessions fine'));

    await snapshotsItem.item.setValue({ home: snapshot({ state: 'ok' }, ['logged_out']), office: snapshot({ state: 'ok' }, ['logged_out', 'stopped', 'replaced']) });
    await vi.waitFor(async () => expect((await badge()).text).toBe('1'));

    await profilesItem.item.setValue({ profiles: [home, office], defaultProfileId: 'office' });
    await vi.waitFor(async () => expect((await badge()).text).toBe('3'));
    expect((await badge()).title).toMatch(/^Office: 3 sessions/);
  });

  it('reflects a refresh that finds the key rejected', async () => {
    await seed({});
    registerSessionsSync();
    registerBadge();
    server.on('/session/list', () => new Response('{"message":"Invalid API key"}', { status: 401 }));
    const { refreshProfile } = await import('@/entrypoints/background/sessions-refresh');
    await refreshProfile();
    await vi.waitFor(async () => expect((await badge()).text).toBe('key'));
  });
});
