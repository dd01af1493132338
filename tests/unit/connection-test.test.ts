import { describe, expect, it, vi } from 'vitest';
import { failure, type ApiResult, type ErrorKind } from '@/lib/api-result';
import { testConnection, type CallFn } from '@/lib/connection-test';

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
  it('reports all good: latency, version from healthz, key accepted, session count', async () => {
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
    expect(report.key.state).toBe('ok');
    expect(report.sessionCount).toBe(3);
    expect(report.sessions).toEqual({ state: 'ok', text: '3 sessions visible to this key.' });
    expect(report.error).toBeUndefined();
    expect(call.mock.calls.map(([id]) => id)).toEqual(['getServerPing', 'getServerHealthz', 'getSessionList']);
  });

  it('says "1 session" in the singular', async () => {
    const report = await testConnection(
      fakeCall({ getServerPing: ok(), getServerHealthz: ok([{ serviceVersion: '1' }]), getSessionList: sessions(1) }),
    );
    expect(report.sessions.text).toBe('1 session visible to this key.');
  });

  it('counts zero sessions when the list has no items', async () => {
    const report = await testConnection(fakeCall({ getServerPing: ok(), getServerHealthz: ok([{ serviceVersion: '1' }]), getSessionList: ok([]) }));
    expect(report.ok).toBe(true);
    expect(report.sessionCount).toBe(0);
  });

  it('falls back to getServerInfo serverVersion when healthz fails', async () => {
    const call = fakeCall({
      getServerPing: ok(),
      getServerHealthz: fail('not-found', 'Not found.', { status: 404, code: 404 }),
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

  it('skips the version when neither source gives one (a user key gets 403 on server info)', async () => {
    const report = await testConnection(
      fakeCall({
        getServerPing: ok(),
        getServerHealthz: ok([{ status: 'ok' }]),
        getServerInfo: fail('forbidden', 'Admin only', { status: 403 }),
        getSessionList: sessions(2),
      }),
    );
    expect(report.ok).toBe(true);
    expect(report.version.state).toBe('skipped');
    expect(report.serverVersion).toBeUndefined();
  });

  it('reports the key rejected when the ping answers 401, without further calls', async () => {
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
    const call = fakeCall({
      getServerPing: fail('not-found', 'Not found.', { status: 404, code: 2600 }),
      getServerHealthz: ok([{ serviceVersion: '0.3.44' }]),
      getSessionList: sessions(1),
    });
    const report = await testConnection(call);
    expect(report.ok).toBe(false);
    expect(report.reachable.state).toBe('failed');
    expect(report.reachable.text).toContain('no WARest API at this address');
    expect(report.key.state).toBe('skipped');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('reports the key rejected when the list fails with auth after the ping worked', async () => {
    const report = await testConnection(
      fakeCall({
        getServerPing: ok([], 30),
        getServerHealthz: ok([{ serviceVersion: '0.3.44' }]),
        getSessionList: fail('auth', 'The server rejected the API key.', { status: 401 }),
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.reachable.state).toBe('ok');
    expect(report.latencyMs).toBe(30);
    expect(report.serverVersion).toBe('0.3.44');
    expect(report.key.state).toBe('failed');
    expect(report.key.text).toMatch(/^API key rejected\./);
    expect(report.sessions.state).toBe('failed');
    expect(report.error?.kind).toBe('auth');
  });

  it('keeps the key accepted when the list fails for another reason', async () => {
    const report = await testConnection(
      fakeCall({
        getServerPing: ok(),
        getServerHealthz: ok([{ serviceVersion: '0.3.44' }]),
        getSessionList: fail('server', 'The server had an error (HTTP 500).', { status: 500 }),
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.key).toEqual({ state: 'ok', text: 'API key accepted.' });
    expect(report.sessions.state).toBe('failed');
    expect(report.sessions.text).toContain('HTTP 500');
  });
});
