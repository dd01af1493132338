import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notificationId, parseNotificationId, registerNotifications } from '@/entrypoints/background/notifications';
import { refreshProfile } from '@/entrypoints/background/sessions-refresh';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import { focusItem, snapshotsItem, type ProfileSnapshot } from '@/lib/storage';
import { fakeWarestFetch, home, hostAccess, listOf, office, seed, type FakeWarestFetch } from '../helpers/warest-fetch';

let server: FakeWarestFetch;

beforeEach(() => {
  fakeBrowser.reset();
  hostAccess();
  server = fakeWarestFetch();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const wasOpen: ProfileSnapshot = {
  fetchedAt: 1_000,
  sessions: [
    { id: 'shop', status: 'open', name: 'Shop Account', phone: '6281234567890' },
    { id: 'support', status: 'open' },
    { id: 'old', status: 'logged_out' },
  ],
  server: { state: 'ok', version: '0.3.44' },
};

async function start(options: Parameters<typeof seed>[0] = {}) {
  await seed({ snapshots: { home: wasOpen }, ...options });
  registerSessionsSync();
  registerNotifications();
}

function shown() {
  return fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string; contextMessage?: string; buttons?: Array<{ title: string }>; iconUrl: string; type: string }>;
}

describe('notifications for lost sessions', () => {
  it('open → logged_out: one notification naming the session and the server, saying what to do, with “Open session”', async () => {
    await start();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'logged_out' }, { id: 'support', status: 'open' }, { id: 'old', status: 'logged_out' }]));
    await refreshProfile('home');

    const all = shown();
    expect(Object.keys(all)).toEqual([notificationId('home', 'shop')]);
    const note = all[notificationId('home', 'shop')]!;
    expect(note.title).toBe('“shop” on Home was logged out');
    expect(note.message).toMatch(/log in again with a QR code or a pairing code/);
    expect(note.contextMessage).toBe('Shop Account · +6281234567890');
    expect(note.buttons).toEqual([{ title: 'Open session' }]);
    expect(note.type).toBe('basic');
    expect(note.iconUrl).toMatch(/^chrome-extension:\/\/.+\/icon\/128\.png$/);
  });

  it('open → replaced: a notification saying it was replaced and how to take it back', async () => {
    await start();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }, { id: 'support', status: 'replaced' }, { id: 'old', status: 'logged_out' }]));
    await refreshProfile('home');
    const note = shown()[notificationId('home', 'support')];
    expect(note?.title).toBe('“support” on Home was replaced');
    expect(note?.message).toMatch(/opened elsewhere.*reconnect/);
    expect(Object.keys(shown())).toHaveLength(1);
  });

  it.each([
    ['reconnecting (a transient drop)', 'reconnecting'],
    ['connecting', 'connecting'],
    ['stopped', 'stopped'],
    ['still open', 'open'],
  ])('nothing when an open session is %s', async (_label, status) => {
    await start();
    server.on('/session/list', () => listOf([{ id: 'shop', status }, { id: 'support', status: 'open' }]));
    await refreshProfile('home');
    expect(shown()).toEqual({});
  });

  it('nothing for a session that was not open before (already logged out, or new)', async () => {
    await start();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }, { id: 'support', status: 'open' }, { id: 'old', status: 'logged_out' }, { id: 'new', status: 'replaced' }]));
    await refreshProfile('home');
    expect(shown()).toEqual({});
  });

  it('nothing on the first read of a profile', async () => {
    await start({ snapshots: {} });
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'logged_out' }]));
    await refreshProfile('home');
    expect(shown()).toEqual({});
  });

  it('nothing when that profile’s notifications are off (and yes for another profile whose are on)', async () => {
    await start({ profiles: [{ ...home, notifications: false }, office], snapshots: { home: wasOpen, office: wasOpen } });
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'logged_out' }, { id: 'support', status: 'open' }]));
    await refreshProfile('home');
    expect(shown()).toEqual({});
    await refreshProfile('office');
    expect(Object.keys(shown())).toEqual([notificationId('office', 'shop')]);
    expect(shown()[notificationId('office', 'shop')]?.title).toBe('“shop” on Office was logged out');
  });

  it('nothing when the refresh fails (the last known sessions stay as they were)', async () => {
    await start();
    server.fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await refreshProfile('home');
    expect(shown()).toEqual({});
  });

  it('a `closed` live event with reason logged_out counts even when the list already shows the next QR cycle', async () => {
    await start();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'connecting' }, { id: 'support', status: 'open' }]));
    await refreshProfile('home', { sessionId: 'shop', reason: 'logged_out' });
    expect(shown()[notificationId('home', 'shop')]?.title).toBe('“shop” on Home was logged out');
  });

  it('a `closed` event does not count for a session the list shows open again or reconnecting, nor for a deleted one', async () => {
    await start();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }, { id: 'support', status: 'reconnecting' }]));
    await refreshProfile('home', { sessionId: 'shop', reason: 'logged_out' });
    expect(shown()).toEqual({});
    await snapshotsItem.item.setValue({ home: wasOpen });
    await refreshProfile('home', { sessionId: 'support', reason: 'replaced' });
    expect(shown()).toEqual({});
    await snapshotsItem.item.setValue({ home: wasOpen });
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }]));
    await refreshProfile('home', { sessionId: 'support', reason: 'deleted' });
    expect(shown()).toEqual({});
  });
});

describe('clicking a notification', () => {
  it('round-trips the session in the notification id', () => {
    expect(parseNotificationId(notificationId('p-1', 'a.b_c-d'))).toEqual({ profileId: 'p-1', sessionId: 'a.b_c-d' });
    expect(parseNotificationId('someone-else')).toBeUndefined();
    expect(parseNotificationId('warest-session-lost:not json')).toBeUndefined();
  });

  it.each(['onClicked', 'onButtonClicked'] as const)('%s stores the focus and opens the popup', async (event) => {
    await start();
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined as never);
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    const id = notificationId('home', 'shop');
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: 'x', title: 't', message: 'm' });
    await (fakeBrowser.notifications[event].trigger as (...args: unknown[]) => Promise<unknown>)(id, 0);

    await vi.waitFor(() => expect(openPopup).toHaveBeenCalledTimes(1));
    expect(await focusItem.item.getValue()).toEqual({ profileId: 'home', sessionId: 'shop' });
    expect(createTab).not.toHaveBeenCalled();
    expect(shown()[id]).toBeUndefined(); // cleared
  });

  it('opens the popup page in a tab, with the session in the URL, when the popup cannot be opened', async () => {
    await start();
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('Could not find an active browser window.'));
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(notificationId('home', 'shop.main'));

    await vi.waitFor(() => expect(createTab).toHaveBeenCalledTimes(1));
    const url = new URL(String(createTab.mock.calls[0]?.[0].url));
    expect(url.pathname).toBe('/popup.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ profile: 'home', session: 'shop.main' });
    expect(await focusItem.item.getValue()).toEqual({ profileId: 'home', sessionId: 'shop.main' });
  });

  it('ignores notifications that are not its own', async () => {
    await start();
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined as never);
    await fakeBrowser.notifications.onClicked.trigger('another-extension-thing');
    expect(openPopup).not.toHaveBeenCalled();
    expect(await focusItem.item.getValue()).toBeNull();
  });
});
