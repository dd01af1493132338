import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '@/lib/warest/catalog';
import { matchScore, rankOperations, searchWords } from '@/lib/explorer/search';

const labels = (search: string) => rankOperations(OPERATIONS, search).map((o) => o.label);

describe('the All actions search', () => {
  it('ranks whole words of the label first: "session list" gives List sessions before List linked devices', () => {
    const ranked = labels('session list');
    expect(ranked[0]).toBe('List sessions');
    expect(ranked).toContain('List linked devices');
    expect(ranked.indexOf('List sessions')).toBeLessThan(ranked.indexOf('List linked devices'));
  });

  it('keeps every operation, in catalog order, for an empty search', () => {
    expect(rankOperations(OPERATIONS, '  ')).toEqual([...OPERATIONS]);
  });

  it('needs every word somewhere, and keeps the catalog order on ties', () => {
    expect(labels('teleport')).toEqual([]);
    expect(labels('/misc/crypto')).toEqual(['Hash', 'HMAC']);
    expect(labels('list teleport')).toEqual([]);
  });

  it('scores a whole label word over a word start over a label part over the path', () => {
    const op = OPERATIONS.find((o) => o.label === 'List sessions')!;
    expect(matchScore(op, ['list'])).toBe(3);
    expect(matchScore(op, ['sess'])).toBe(2);
    expect(matchScore(op, ['ions'])).toBe(1);
    expect(matchScore(op, ['get'])).toBe(0.5);
    expect(matchScore(op, ['nothing'])).toBe(0);
    expect(searchWords('  Session  LIST ')).toEqual(['session', 'list']);
  });
});
