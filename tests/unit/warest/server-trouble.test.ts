import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '@/lib/warest/api-result';
import { computeBadge } from '@/lib/badge';
import { healthStateFor, troubleWords } from '@/lib/warest/server-trouble';

describe('what a failed session list says about the server', () => {
  it.each<[ErrorKind, number | undefined, string, string]>([
    ['network', undefined, 'unreachable', 'Unreachable'],
    ['timeout', undefined, 'unreachable', 'Unreachable'],
    ['permission', undefined, 'unreachable', 'No access'],
    ['auth', 401, 'key-rejected', 'Key rejected'],
    ['forbidden', 403, 'error', 'Key refused'],
    ['not-found', 404, 'error', 'Wrong address'],
    ['rate-limited', 429, 'error', 'Rate limited'],
    ['not-logged-in', 409, 'error', 'Server problem'],
    ['server', 500, 'error', 'Server error'],
    ['server', 502, 'unreachable', 'Unreachable'],
    ['bad-response', 200, 'error', 'Not WARest'],
    ['origin-blocked', 500, 'error', 'Origin refused'],
  ])('%s (HTTP %s) is %s, “%s”', (kind, status, state, words) => {
    const health = { state: healthStateFor({ kind, ...(status !== undefined && { status }) }), kind };
    expect(health.state).toBe(state);
    expect(troubleWords(health)).toBe(words);
  });

  it('a server that answered wrongly marks the badge too, naming the trouble', () => {
    expect(computeBadge({ state: 'error', kind: 'rate-limited', message: 'Too many' }, [], 'Office')).toMatchObject({ text: '!', title: 'Office: rate limited — open the popup for what to do' });
  });
});
