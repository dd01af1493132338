import { describe, expect, it } from 'vitest';
import { addToHistory, describeOutcome, filterHistory, HISTORY_LIMIT, keptInputs, type HistoryEntry } from '@/lib/history';
import { historyItem } from '@/lib/storage';
import { inspectValue } from '@/lib/storage';

const entry = (n: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `e${n}`,
  at: n,
  operationId: 'getSessionList',
  label: 'List sessions',
  server: 'Office',
  ok: true,
  result: 'Done (HTTP 200).',
  inputs: {},
  ...over,
});

describe('the history of operations', () => {
  it('keeps the newest first and at most 200', () => {
    let list: HistoryEntry[] = [];
    for (let n = 0; n < HISTORY_LIMIT + 25; n++) list = addToHistory(list, entry(n));
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]!.id).toBe(`e${HISTORY_LIMIT + 24}`);
    expect(list.at(-1)!.id).toBe('e25');
  });

  it('drops the oldest until the list fits its size, and the stored item accepts what it wrote', () => {
    let list: HistoryEntry[] = [];
    const long = 'x'.repeat(1_900);
    for (let n = 0; n < HISTORY_LIMIT; n++) list = addToHistory(list, entry(n, { inputs: { message: long } }));
    expect(JSON.stringify(list).length).toBeLessThanOrEqual(200 * 1024);
    expect(list.length).toBeLessThan(HISTORY_LIMIT);
    expect(list[0]!.id).toBe(`e${HISTORY_LIMIT - 1}`);
    expect(inspectValue(historyItem, list)).toMatchObject({ ok: true });
    expect(addToHistory([], entry(1), 10)).toEqual([]);
  });

  it('keeps small inputs only, so a file’s bytes are never stored', () => {
    expect(keptInputs({ sessionId: 'main' })).toEqual({ sessionId: 'main' });
    expect(keptInputs({ file: 'A'.repeat(5_000) })).toBeUndefined();
    expect(keptInputs(undefined)).toEqual({});
  });

  it('says the outcome in words and filters by text and result', () => {
    expect(describeOutcome({ ok: true, status: 200, message: 'Sessions listed' })).toBe('Done (HTTP 200): Sessions listed');
    expect(describeOutcome({ ok: false, error: { kind: 'auth', message: 'API key rejected.' } })).toBe('API key rejected.');
    const list = [entry(1), entry(2, { ok: false, result: 'API key rejected.', server: 'Home', sessionId: 'sales' })];
    expect(filterHistory(list, 'home', 'all').map((e) => e.id)).toEqual(['e2']);
    expect(filterHistory(list, 'sales rejected', 'all').map((e) => e.id)).toEqual(['e2']);
    expect(filterHistory(list, '', 'ok').map((e) => e.id)).toEqual(['e1']);
    expect(filterHistory(list, '', 'failed').map((e) => e.id)).toEqual(['e2']);
  });
});
