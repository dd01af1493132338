import { describe, expect, it, vi } from 'vitest';
import { failure, type ApiResult, type ErrorKind } from '@/lib/warest/api-result';
import type { CheckState } from '@/lib/warest/connection-test';
import { testConnection, type CallFn } from '@/lib/warest/connection-test';

function ok(results: unknown[] = [], latencyMs = 12.4): ApiResult {
  return { ok: true, status: 200, results, latencyMs };
}

function fail(kind: ErrorKind, message = `${kind} happened`, extra: { status?: number; code?: number } = {}): ApiResult {
  return failure(kind, message, extra);
}

/** A call function answering per operation id; unlisted operations fail the test loudly. */
function fakeCall(answers: Record<string, ApiResult>) {
  return vi.fn<CallFn>(async (operationId) => {
    const answer = answers[operationId];
    if (!answer) throw new Error(`unexpected call to ${operationId}`);
    return answer;
  });
}

const sessions = (count: number) => ok([{ items: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, status: 'open' })) }]);

describe('testConnection', () => {
  it('reports all good: latency, version from healthz, key accepted as an admin key, session count', async () => {
    const call = fakeCall({
      getServerPing: ok([{ pong: true }], 12.4),
      getServerHealthz: ok([{ status: 'ok', serviceVersion: '0.3.44' }]),
      getSessionList: sessions(3),
    });
    const report = await testConnection(call);

    expect(report.ok).toBe(true);
    expect(report.latencyMs).toBe(12);
    expect(report.reachable).toEqual({ state: 'ok', text: 'Reachable: answered in 12 ms.' });
    expect(report.serverVersion).toBe('0.3.44');
    expect(report.version).toEqual({ state: 'ok', text: 'Server version 0.3.44.' });
    expect(report.key).toEqual({ state: 'ok', text: 'API key accepted (an admin key).' });
    expect(report.keyRole).toBe('admin');
    expect(report.sessionCount).toBe(3);
    expect(report.sessions).toEqual({ state: 'ok', text: '3 sessions visible to this key.' });
    expect(report.error).toBeUndefined();
    // ping proves the address only (it needs no key); the list is the key's check.
    expect(call.mock.calls.map(([id]) => id)).toEqual(['getServerPing', 'getSessionList', 'getServerHealthz']);
  });

  it('says "1 session" in the singular', async () => {
    const report = await testConnection(
      fakeCall({ getServerPing: ok(), getServerHealthz: ok([{ serviceVersion: '1' }]), getSessionList: sessions(1) }),
    );
    expect(report.sessions.text).toBe('1 session visible to this key.');
  });

  it('counts zero sessions in an empty list', async () => {
    const report = await testConnection(fakeCall({ getServerPing: ok(), getServerHealthz: ok([{ serviceVersion: '1' }]), getSessionList: sessions(0) }));
    expect(report.ok).toBe(true);
    expect(report.sessionCount).toBe(0);
  });

  it('does not call an answer without a session list "0 sessions"', async () => {
    const report = await testConnection(fakeCall({ getServerPing: ok(), getServerHealthz: ok([{ serviceVersion: '1' }]), getSessionList: ok([]) }));
    expect(report.ok).toBe(false);
    expect(report.sessions.state).toBe('failed');
    expect(report.sessions.text).toMatch(/without a session list/);
    expect(report.sessionCount).toBeUndefined();
  });

  it('falls back to getServerInfo serverVersion when healthz has none (older servers)', async () => {
    const call = fakeCall({
      getServerPing: ok(),
      getServerHealthz: ok([{ status: 'ok' }]),
      getServerInfo: ok([{ serverVersion: '0.3.40' }]),
      getSessionList: sessions(0),
    });
    const report = await testConnection(call);
    expect(report.ok).toBe(true);
    expect(report.serverVersion).toBe('0.3.40');
    expect(report.version.state).toBe('ok');
    expect(call).toHaveBeenCalledWith('getServerInfo');
  });

  it('does not ask getServerInfo when healthz gives the version', async () => {
    const call = fakeCall({ getServerPing: ok(), getServerHealthz: ok([{ serviceVersion: '0.3.44' }]), getSessionList: sessions(0) });
    await testConnection(call);
    expect(call).not.toHaveBeenCalledWith('getServerInfo');
  });

  it('reads healthz’s 403 “Admin only” as a user key: accepted, the version not told to it', async () => {
    const call = fakeCall({
      getServerPing: ok(),
      getServerHealthz: fail('forbidden', 'This needs an admin key.', { status: 403 }),
      getSessionList: sessions(2),
    });
    const report = await testConnection(call);
    expect(report.ok).toBe(true);
    expect(report.keyRole).toBe('user');
    expect(report.key).toEqual({ state: 'ok', text: 'API key accepted (a user key).' });
    expect(report.version).toEqual({ state: 'skipped', text: 'Version: WARest tells it to admin keys only, and this is a user key.' });
    expect(report.serverVersion).toBeUndefined();
    expect(call).not.toHaveBeenCalledWith('getServerInfo');
  });

  it('reports the key rejected when a proxy answers the ping 401, without further calls', async () => {
    const call = fakeCall({ getServerPing: fail('auth', 'The server rejected the API key.', { status: 401 }) });
    const report = await testConnection(call);

    expect(report.ok).toBe(false);
    expect(report.reachable.state).toBe('ok');
    expect(report.key.state).toBe('failed');
    expect(report.key.text).toContain('The server rejected the API key.');
    expect(report.version.state).toBe('skipped');
    expect(report.sessions.state).toBe('skipped');
    expect(report.error?.kind).toBe('auth');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it.each<[string, ErrorKind]>([
    ['unreachable (network)', 'network'],
    ['timeout', 'timeout'],
    ['HTML with 200 (bad-response)', 'bad-response'],
    ['origin blocked', 'origin-blocked'],
    ['server down behind a proxy', 'server'],
    ['no host permission', 'permission'],
  ])('reports %s as not reachable and checks nothing else', async (_name, kind) => {
    const call = fakeCall({ getServerPing: fail(kind, `The ${kind} message.`) });
    const report = await testConnection(call);

    expect(report.ok).toBe(false);
    expect(report.reachable).toEqual({ state: 'failed', text: `Not reachable: The ${kind} message.` });
    expect(report.key.state).toBe('skipped');
    expect(report.version.state).toBe('skipped');
    expect(report.sessions.state).toBe('skipped');
    expect(report.error?.kind).toBe(kind);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('reports a 404 without a WARest code (wrong URL) as not reachable', async () => {
    const call = fakeCall({ getServerPing: fail('not-found', 'warest.example.com has no WARest API at this address (404).', { status: 404 }) });
    const report = await testConnection(call);
    expect(report.reachable.state).toBe('failed');
    expect(report.reachable.text).toContain('no WARest API at this address');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('reports a WARest-shaped 404 on ping as a wrong address too: every WARest server answers ping', async () => {
    const call = fakeCall({ getServerPing: fail('not-found', 'Not found.', { status: 404, code: 2600 }) });
    const report = await testConnection(call);
    expect(report.ok).toBe(false);
    expect(report.reachable.state).toBe('failed');
    expect(report.reachable.text).toContain('no WARest API at this address');
    expect(report.key.state).toBe('skipped');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('reports the key rejected when the list answers 401 (ping needs no key, so it proves nothing about one)', async () => {
    const call = fakeCall({
      getServerPing: ok([], 30),
      getSessionList: fail('auth', 'The server rejected the API key.', { status: 401 }),
    });
    const report = await testConnection(call);
    expect(report.ok).toBe(false);
    expect(report.reachable.state).toBe('ok');
    expect(report.latencyMs).toBe(30);
    expect(report.key.state).toBe('failed');
    expect(report.key.text).toMatch(/^API key rejected\./);
    expect(report.version.state).toBe('skipped');
    expect(report.sessions.state).toBe('skipped');
    expect(report.error?.kind).toBe('auth');
    expect(call).not.toHaveBeenCalledWith('getServerHealthz');
  });

  it.each<[string, ErrorKind, number, CheckState]>([
    ['403', 'forbidden', 403, 'failed'],
    ['409', 'not-logged-in', 409, 'skipped'],
    ['500', 'server', 500, 'skipped'],
    ['a 200 that is not WARest data', 'bad-response', 200, 'skipped'],
  ])('never calls the key accepted when the list answers %s', async (_name, kind, status, keyState) => {
    const report = await testConnection(
      fakeCall({ getServerPing: ok(), getSessionList: fail(kind, `The ${kind} message.`, { status }) }),
    );
    expect(report.ok).toBe(false);
    expect(report.key.state).toBe(keyState);
    expect(report.key.text).not.toMatch(/accepted/);
    expect(report.key.text).toContain(`The ${kind} message.`);
    expect(report.sessions.state).toBe('failed');
    expect(report.error?.kind).toBe(kind);
  });

  it('says a rate-limited key is limited, in one line, without waiting or calling on', async () => {
    const call = fakeCall({
      getServerPing: ok(),
      getSessionList: fail('rate-limited', 'Too many requests to the server. Try again in 42 s.', { status: 429 }),
    });
    const report = await testConnection(call);
    expect(report.ok).toBe(false);
    expect(report.key).toEqual({ state: 'skipped', text: 'API key: not checked yet. Too many requests to the server. Try again in 42 s.' });
    expect(report.sessions.state).toBe('skipped');
    expect(call).toHaveBeenCalledTimes(2);
  });
});
