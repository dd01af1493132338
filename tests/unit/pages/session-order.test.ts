import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, type SessionStatus } from '@/lib/sessions';
import { attentionOrder, primaryAction } from '@/entrypoints/popup/shared/session-order';

const s = (id: string, status: SessionStatus) => ({ id, status });

describe('attentionOrder', () => {
  it('puts sessions that need the person first, then those on their way, then open ones', () => {
    const sorted = attentionOrder([s('a', 'open'), s('b', 'connecting'), s('c', 'logged_out'), s('d', 'starting'), s('e', 'replaced'), s('f', 'stopped'), s('g', 'reconnecting')]);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'e', 'f', 'b', 'd', 'g', 'a']);
  });

  it('orders by id within a rank, digits as numbers and case aside', () => {
    const sorted = attentionOrder([s('shop-10', 'open'), s('Shop-2', 'open'), s('alpha', 'open'), s('shop-1', 'open')]);
    expect(sorted.map((x) => x.id)).toEqual(['alpha', 'shop-1', 'Shop-2', 'shop-10']);
  });

  it('gives a total order (ids differing only in case keep one place) and leaves its input alone', () => {
    const input = [s('B', 'open'), s('b', 'open'), s('x', 'logged_out')];
    const once = attentionOrder(input).map((x) => x.id);
    expect(attentionOrder([...input].reverse()).map((x) => x.id)).toEqual(once);
    expect(once[0]).toBe('x');
    expect(input.map((x) => x.id)).toEqual(['B', 'b', 'x']);
  });

  it('ranks an unknown status with those on their way, before open', () => {
    expect(attentionOrder([s('a', 'open'), s('b', 'unknown')]).map((x) => x.id)).toEqual(['b', 'a']);
  });
});

describe('primaryAction', () => {
  it('is Log in for logged out, starting and connecting; Send for open; Reconnect otherwise', () => {
    const actions = Object.fromEntries(SESSION_STATUSES.map((status) => [status, primaryAction(status)]));
    expect(actions).toEqual({
      starting: 'login',
      connecting: 'login',
      logged_out: 'login',
      open: 'send',
      reconnecting: 'reconnect',
      replaced: 'reconnect',
      stopped: 'reconnect',
    });
    expect(primaryAction('unknown')).toBe('reconnect');
  });
});
