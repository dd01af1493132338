import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { countStates, inDoubt, markSending, nextPending, resendUnconfirmed, retryFailed, settleSend, verifyUnknown, type LedgerEntry } from '@/lib/campaigns/ledger';
import { resultsCsv } from '@/lib/campaigns/results-csv';

const T = Date.UTC(2026, 11, 1, 10);
const fresh = (n: number): LedgerEntry[] => Array.from({ length: n }, (_, i) => ({ digits: `62812000000${i}`, text: `Hi ${i}`, status: { state: 'pending' } }));

describe('a campaign’s ledger', () => {
  it('sends in order, marks before and settles after each send', () => {
    let ledger = fresh(3);
    const first = nextPending(ledger)!;
    ledger = markSending(ledger, first, T);
    expect(ledger[0]!.status).toEqual({ state: 'sending', since: T });
    expect(nextPending(ledger)).toBe(1);
    ledger = settleSend(ledger, first, { kind: 'sent', messageId: 'M1' }, T + 1);
    expect(ledger[0]!.status).toEqual({ state: 'sent', at: T + 1, messageId: 'M1' });
    ledger = settleSend(markSending(ledger, 1, T + 2), 1, { kind: 'failed', reason: 'Not on WhatsApp.' }, T + 3);
    expect(countStates(ledger)).toMatchObject({ sent: 1, failed: 1, pending: 1 });
    expect(() => markSending(ledger, 0, T)).toThrow(/not waiting/);
    expect(() => settleSend(ledger, 2, { kind: 'sent' }, T)).toThrow(/not being sent/);
  });

  it('after a stop, a send in doubt is verified against the chat and never sent twice', () => {
    // Stopped between "mark sending" and "settle": what was stored says sending.
    let ledger = markSending(fresh(3), 0, T);
    expect(inDoubt(ledger)).toEqual([0]);
    // Nothing goes out while one is in doubt: the next pending one is only taken after verifying.
    ledger = verifyUnknown(ledger, 0, { state: 'sent', messageId: 'FOUND' }, T + 5);
    expect(ledger[0]!.status).toEqual({ state: 'sent', at: T + 5, messageId: 'FOUND', confirmedFromChat: true });

    ledger = markSending(ledger, 1, T + 6);
    ledger = settleSend(ledger, 1, { kind: 'unknown', reason: 'timeout' }, T + 7);
    expect(inDoubt(ledger)).toEqual([1]);
    ledger = verifyUnknown(ledger, 1, { state: 'not-found' }, T + 8);
    expect(ledger[1]!.status).toMatchObject({ state: 'unconfirmed', reason: expect.stringMatching(/look at the chat before sending it again/) });
    // Neither "retry failed" nor the next step sends it again.
    expect(nextPending(retryFailed(ledger))).toBe(2);
    // Only the person's explicit choice does.
    expect(nextPending(resendUnconfirmed(ledger, [1]))).toBe(1);
  });

  it('says when the chat could not be read to check', () => {
    const ledger = verifyUnknown(markSending(fresh(1), 0, T), 0, { state: 'unknown', reason: 'Server down.' }, T + 1);
    expect(ledger[0]!.status).toMatchObject({ state: 'unconfirmed', reason: expect.stringContaining('(Server down.)') });
  });

  it('retries failed recipients only', () => {
    let ledger = settleSend(markSending(fresh(2), 0, T), 0, { kind: 'failed', reason: 'x' }, T);
    ledger = retryFailed(ledger);
    expect(ledger.map((e) => e.status.state)).toEqual(['pending', 'pending']);
  });

  it('exports the results as CSV a spreadsheet reads', () => {
    let ledger = fresh(3);
    ledger = settleSend(markSending(ledger, 0, T), 0, { kind: 'sent', messageId: 'M1' }, T);
    ledger = settleSend(markSending(ledger, 1, T), 1, { kind: 'failed', reason: 'Blocked, "really"' }, T);
    ledger = [...ledger.slice(0, 2), { ...ledger[2]!, status: { state: 'skipped', reason: 'Opted out.' } }];
    const rows = Papa.parse<string[]>(resultsCsv(ledger)).data;
    expect(rows).toEqual([
      ['phone', 'result', 'message id', 'time', 'reason'],
      ['+628120000000', 'sent', 'M1', '2026-12-01T10:00:00.000Z', ''],
      ['+628120000001', 'failed', '', '2026-12-01T10:00:00.000Z', 'Blocked, "really"'],
      ['+628120000002', 'skipped', '', '', 'Opted out.'],
    ]);
  });
});
