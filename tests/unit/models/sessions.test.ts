import { describe, expect, it } from 'vitest';
import type { ApiSuccess } from '@/lib/warest/api-result';
import { BADGE_COLORS, computeBadge } from '@/lib/badge';
import { capSessions, MAX_STORED_SESSIONS, nextSnapshot, shrinkSnapshot } from '@/lib/session-sync';
import { parseSessionList, phoneFromJid } from '@/lib/session-list';
import { checkSessionId, needsAttention, newlyLost, SESSION_STATUSES, STATUS_INFO, type SessionSummary } from '@/lib/sessions';

function listAnswer(results: unknown[]): ApiSuccess {
  return { ok: true, status: 200, code: 1000, results, latencyMs: 5 };
}

describe('status model', () => {
  it('has a plain word, a tone and a hint for every status the server can report', () => {
    for (const status of [...SESSION_STATUSES, 'unknown' as const]) {
      const info = STATUS_INFO[status];
      expect(info.word.length, status).toBeGreaterThan(0);
      expect(info.hint.length, status).toBeGreaterThan(10);
    }
    expect(STATUS_INFO.logged_out.word).toBe('logged out');
    expect(STATUS_INFO.open.tone).toBe('ok');
    expect(STATUS_INFO.reconnecting.tone).toBe('pending');
  });

  it('needs the user only for logged out, replaced and stopped (never for transient states)', () => {
    const attention = SESSION_STATUSES.filter((status) => needsAttention({ status }));
    expect(attention.sort()).toEqual(['logged_out', 'replaced', 'stopped']);
  });
});

describe('parseSessionList', () => {
  it('reads the spec’s results[0].items, with name, number and last connection', () => {
    const sessions = parseSessionList(
      listAnswer([
        {
          items: [
            { id: 'sales', status: 'starting', me: null, pushName: null, lastConn: null },
            { id: 'main', status: 'open', me: { id: '6281234567890:12@s.whatsapp.net', name: 'WARest Bot' }, lastConn: '2024-05-01T08:30:00.000Z' },
          ],
        },
      ]),
    );
    expect(sessions).toEqual([
      { id: 'main', status: 'open', name: 'WARest Bot', phone: '6281234567890', lastConnection: '2024-05-01T08:30:00.000Z' },
      { id: 'sales', status: 'starting' },
    ]);
  });

  it('falls back to pushName, maps unknown statuses to "unknown", and skips malformed items', () => {
    const sessions = parseSessionList(listAnswer([{ items: [{ id: 'a', status: 'weird', pushName: 'Shop' }, { status: 'open' }, null, 'x', { id: '', status: 'open' }] }]));
    expect(sessions).toEqual([{ id: 'a', status: 'unknown', name: 'Shop' }]);
  });

  it('gives an empty list for an answer without items', () => {
    expect(parseSessionList(listAnswer([]))).toEqual([]);
    expect(parseSessionList(listAnswer([{ items: 'nope' }]))).toEqual([]);
  });

  it('reads the digits of user JIDs only', () => {
    expect(phoneFromJid('628111@s.whatsapp.net')).toBe('628111');
    expect(phoneFromJid('6281234567890:3@s.whatsapp.net')).toBe('6281234567890');
    expect(phoneFromJid('75987654321000@lid')).toBe('75987654321000');
    expect(phoneFromJid('abc@s.whatsapp.net')).toBeUndefined();
    expect(phoneFromJid(undefined)).toBeUndefined();
  });
});

describe('checkSessionId', () => {
  it.each([['main'], ['support-2'], ['a.b_c-D9'], ['x'.repeat(64)]])('accepts %s', (id) => {
    expect(checkSessionId(id)).toBeNull();
  });
  it.each([
    ['', /Enter a session id/],
    ['x'.repeat(65), /At most 64/],
    ['has space', /Use only letters/],
    ['ünïcode', /Use only letters/],
    ['a/b', /Use only letters/],
  ])('refuses %j', (id, reason) => {
    expect(checkSessionId(id)).toMatch(reason);
  });
  it('refuses an id that already exists', () => {
    expect(checkSessionId('main', ['main', 'sales'])).toBe('A session “main” already exists.');
  });
});

describe('newlyLost', () => {
  const s = (id: string, status: SessionSummary['status']): SessionSummary => ({ id, status });
  it('reports open → logged out or replaced, and nothing else', () => {
    const before = [s('a', 'open'), s('b', 'open'), s('c', 'open'), s('d', 'connecting'), s('e', 'logged_out')];
    const after = [s('a', 'logged_out'), s('b', 'replaced'), s('c', 'reconnecting'), s('d', 'logged_out'), s('e', 'logged_out'), s('f', 'logged_out')];
    expect(newlyLost(before, after).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('computeBadge', () => {
  const ok = { state: 'ok' as const };
  it('counts sessions that need attention, in red, naming them in the title', () => {
    const badge = computeBadge(ok, [{ id: 'a', status: 'logged_out' }, { id: 'b', status: 'open' }, { id: 'c', status: 'stopped' }], 'Office');
    expect(badge).toEqual({ text: '2', color: BADGE_COLORS.attention, title: 'Office: 2 sessions need attention (a, c)' });
  });
  it('is empty when all sessions are fine, including transient reconnects', () => {
    expect(computeBadge(ok, [{ id: 'a', status: 'reconnecting' }, { id: 'b', status: 'open' }]).text).toBe('');
  });
  it('marks an unreachable server and a rejected key distinctly, whatever the sessions', () => {
    const lost = [{ id: 'a', status: 'logged_out' as const }];
    expect(computeBadge({ state: 'unreachable' }, lost)).toMatchObject({ text: '!', color: BADGE_COLORS.unreachable });
    expect(computeBadge({ state: 'key-rejected' }, lost)).toMatchObject({ text: 'key', color: BADGE_COLORS.keyRejected });
  });
  it('caps the count at 99+', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ id: `s${i}`, status: 'logged_out' as const }));
    expect(computeBadge(ok, many).text).toBe('99+');
  });
});

describe('what is stored of a session list (capSessions, nextSnapshot)', () => {
  const s = (id: string, status: SessionSummary['status'], extra: Partial<SessionSummary> = {}): SessionSummary => ({ id, status, ...extra });

  it('keeps everything, untouched, when the list is small', () => {
    const list = [s('a', 'open', { name: 'Shop', phone: '628123', lastConnection: '2024-05-01T08:30:00.000Z' }), s('b', 'logged_out')];
    expect(capSessions(list)).toEqual({ sessions: list, total: 2 });
  });

  it('over the count: those that need attention first, then those on their way, then open ones; in id order', () => {
    const list = [s('a', 'open'), s('b', 'connecting'), s('c', 'open'), s('d', 'replaced'), s('e', 'starting'), s('f', 'logged_out'), s('g', 'stopped')];
    const { sessions, total } = capSessions(list, { maxSessions: 5, maxBytes: 1_000_000 });
    expect(total).toBe(7);
    expect(sessions.map((x) => x.id)).toEqual(['b', 'd', 'e', 'f', 'g']);
  });

  it('within a byte budget, whatever the names; names cut, odd times and ids dropped', () => {
    const list = Array.from({ length: 500 }, (_, i) => s(`s${String(i).padStart(3, '0')}`, 'open', { name: 'N'.repeat(5000), lastConnection: 'T'.repeat(5000) }));
    list.push(s('x'.repeat(5000), 'logged_out'));
    const { sessions, total } = capSessions(list, { maxSessions: 1000, maxBytes: 16 * 1024 });
    expect(total).toBe(501);
    expect(JSON.stringify(sessions).length).toBeLessThanOrEqual(16 * 1024);
    expect(sessions.length).toBeGreaterThan(50);
    expect(sessions.every((x) => x.name!.length <= 100 && x.lastConnection === undefined && x.id.length < 10)).toBe(true);
  });

  it('a capped list says how many the server has; a failure keeps that; a small list says nothing', () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ id: `s${String(i).padStart(4, '0')}`, status: 'open', me: null }));
    const capped = nextSnapshot(undefined, listAnswer([{ items }]), 1_000);
    expect(capped.sessions).toHaveLength(MAX_STORED_SESSIONS);
    expect(capped.capped).toEqual({ total: 1500 });
    const failed = nextSnapshot(capped, { ok: false, error: { kind: 'network', message: 'down' } }, 2_000);
    expect(failed.capped).toEqual({ total: 1500 });
    expect(failed.sessions).toBe(capped.sessions);
    expect(nextSnapshot(undefined, listAnswer([{ items: items.slice(0, 3) }]), 1_000).capped).toBeUndefined();
  });

  it('a server error of a megabyte is stored as a readable sentence', () => {
    const failed = nextSnapshot(undefined, { ok: false, error: { kind: 'server', message: 'E'.repeat(1_000_000) } }, 1);
    expect(failed.server.message!.length).toBeLessThanOrEqual(1000);
  });

  it('shrinkSnapshot cuts to tighter limits and keeps the server’s total', () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ id: `s${String(i).padStart(4, '0')}`, status: i < 10 ? 'logged_out' : 'open', me: null }));
    const snapshot = nextSnapshot(undefined, listAnswer([{ items }]), 1_000);
    const tight = shrinkSnapshot(snapshot, { maxSessions: 20, maxBytes: 1_000_000 });
    expect(tight.sessions).toHaveLength(20);
    expect(tight.sessions.filter((x) => x.status === 'logged_out')).toHaveLength(10);
    expect(tight.capped).toEqual({ total: 1500 });
  });
});
