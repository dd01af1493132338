import { describe, expect, it } from 'vitest';
import { guessCallingCode } from '@/lib/country-guess';
import { likelyCause } from '@/lib/first-run';
import type { ConnectionReport } from '@/lib/warest/connection-test';

describe('the country code guessed from the browser language', () => {
  it('takes the region of the language tag, or the language’s likeliest country', () => {
    expect(guessCallingCode('id-ID')).toEqual({ region: 'ID', code: '62' });
    expect(guessCallingCode('en-US')).toEqual({ region: 'US', code: '1' });
    expect(guessCallingCode('en-GB')).toEqual({ region: 'GB', code: '44' });
    expect(guessCallingCode('id')).toEqual({ region: 'ID', code: '62' });
    expect(guessCallingCode('pt-BR')?.code).toBe('55');
  });

  it('answers null for what names no country', () => {
    expect(guessCallingCode('')).toBeNull();
    expect(guessCallingCode('not a tag!')).toBeNull();
    expect(guessCallingCode('en-150')).toBeNull();
  });
});

const line = (state: 'ok' | 'failed' | 'skipped') => ({ state, text: state });
const failedAt = (step: 'reachable' | 'key', kind: NonNullable<ConnectionReport['error']>['kind']): ConnectionReport => ({
  ok: false,
  reachable: line(step === 'reachable' ? 'failed' : 'ok'),
  version: line('skipped'),
  key: line(step === 'key' ? 'failed' : 'skipped'),
  sessions: line('skipped'),
  error: { kind, message: 'x' },
});

describe('the likeliest cause of a failed connection test', () => {
  it('names one cause per failure, in one line', () => {
    expect(likelyCause(failedAt('reachable', 'network'), 'http://10.0.0.2:3000')).toMatch(/server is down or the port is wrong/);
    expect(likelyCause(failedAt('reachable', 'network'), 'https://10.0.0.2:3000')).toMatch(/try http:\/\/ instead of https:\/\//);
    expect(likelyCause(failedAt('reachable', 'bad-response'), 'http://10.0.0.2:3000')).toMatch(/try https:\/\/ instead of http:\/\//);
    expect(likelyCause(failedAt('reachable', 'not-found'), 'http://x')).toMatch(/not a WARest server/);
    expect(likelyCause(failedAt('key', 'auth'), 'http://x')).toMatch(/wrong key/);
    expect(likelyCause(failedAt('key', 'forbidden'), 'http://x')).toMatch(/another user/);
    for (const kind of ['timeout', 'permission', 'origin-blocked', 'server'] as const) {
      expect(likelyCause(failedAt('reachable', kind), 'http://x')).toMatch(/^Likely: [^\n]+$/);
    }
  });

  it('says nothing of a passing test, except a user key that sees no session', () => {
    const passed: ConnectionReport = { ok: true, reachable: line('ok'), version: line('ok'), key: line('ok'), sessions: line('ok'), sessionCount: 2, keyRole: 'user' };
    expect(likelyCause(passed, 'http://x')).toBeNull();
    expect(likelyCause({ ...passed, sessionCount: 0 }, 'http://x')).toMatch(/another user/);
  });
});
