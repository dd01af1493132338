/**
 * The fake server's profile picture and server restart are stateful, as the Profile and Server
 * views rely on: a picture set or removed shows in the next read; a restart makes the server
 * not ready for a moment, then starts its uptime again; schedules are stored and checked.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeWarest, type FakeWarest } from './index';
import { dataUrl, placeholderPng } from './png';

let server: FakeWarest;
afterEach(async () => {
  await server?.stop();
});

async function api(method: string, path: string, options: { key?: string; query?: Record<string, string>; body?: unknown } = {}) {
  const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const response = await fetch(`${server.url}/api/v1${path}${query}`, {
    method,
    headers: { 'X-WAREST-API-KEY': options.key ?? 'user-key', ...(options.body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const json = (await response.json()) as { code?: number; error?: string; results?: Array<Record<string, unknown>> };
  return { status: response.status, json, first: json.results?.[0] ?? {} };
}

describe('profile picture', () => {
  test('a picture set from a data URI or a link is what getProfilePicture answers next; removing it leaves none', async () => {
    server = await startFakeWarest();
    server.addSession('alice', { id: 'main', account: { phone: '6281234567890' } });
    const read = async () => (await api('GET', '/profile/picture', { query: { sessionId: 'main' } })).first;
    expect(await read()).toMatchObject({ imgFull: null, imgPreview: null });

    const set = await api('POST', '/profile/picture', { body: { sessionId: 'main', picture: dataUrl('image/png', placeholderPng('me')) } });
    expect(set.status).toBe(200);
    const hosted = String((await read()).imgFull);
    expect(hosted).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    expect((await fetch(hosted)).status).toBe(200);

    await api('POST', '/profile/picture', { body: { sessionId: 'main', picture: 'https://images.example.com/me.jpg' } });
    expect((await read()).imgFull).toBe('https://images.example.com/me.jpg');

    expect((await api('DELETE', '/profile/picture', { body: { sessionId: 'main' } })).status).toBe(200);
    expect(await read()).toMatchObject({ imgFull: null });
    expect(server.state.sessions.get('main')?.picture).toBeNull();
  });
});

describe('server restart', () => {
  test('an admin restart is pending (not ready) for a moment, then the uptime starts again', async () => {
    server = await startFakeWarest();
    server.state.server.startedAt = Date.now() - 3 * 86400_000;
    expect((await api('GET', '/server/healthz', { key: 'admin-key' })).first.uptimeSeconds).toBeGreaterThanOrEqual(3 * 86400);

    const restart = await api('POST', '/server/restart', { key: 'admin-key' });
    expect(restart.first).toMatchObject({ restartInitiated: true });
    expect((await api('GET', '/server/ready', { key: 'admin-key' })).first).toMatchObject({ ready: false });
    expect((await api('POST', '/server/restart', { key: 'admin-key' })).first).toMatchObject({ restartInitiated: false });

    await new Promise((done) => setTimeout(done, 3300));
    expect(server.state.server.restartCount).toBe(1);
    expect((await api('GET', '/server/ready', { key: 'admin-key' })).first).toMatchObject({ ready: true });
    expect((await api('GET', '/server/info', { key: 'admin-key' })).first.uptimeSeconds).toBeLessThan(10);
  });

  test('a user key is refused (403 {"error":"Admin only"}) and nothing restarts', async () => {
    server = await startFakeWarest();
    const refused = await api('POST', '/server/restart');
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ error: 'Admin only' });
    expect(server.state.server.restartPending).toBeNull();
  });

  test('a daily schedule is stored with its timezone, checked, and cleared with "0"', async () => {
    server = await startFakeWarest();
    const stored = await api('POST', '/server/restart/scheduled', { key: 'admin-key', body: { schedule: '02:30', timezone: 'Europe/Berlin' } });
    expect(stored.first).toMatchObject({ scheduledRestart: '02:30', timezone: 'Europe/Berlin' });
    expect(server.state.server.scheduledRestart).toEqual({ time: '02:30', timezone: 'Europe/Berlin' });
    expect((await api('POST', '/server/restart/scheduled', { key: 'admin-key', body: { schedule: '25:00' } })).status).toBe(400);
    expect((await api('POST', '/server/restart/scheduled', { key: 'admin-key', body: { schedule: '0' } })).status).toBe(200);
    expect(server.state.server.scheduledRestart).toBeNull();
  });
});
