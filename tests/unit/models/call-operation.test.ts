import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callOperation } from '@/lib/messaging/call-operation';
import { PROTOCOL } from '@/lib/messaging/protocol';
import { OPERATIONS, findOperation, isOperationId, type OperationId } from '@/lib/warest/catalog';

/**
 * The one way pages call an operation: the message it sends, and the id type that keeps a page
 * from naming an operation the catalog does not have.
 */

let sent: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    sent.push(message);
    return { ok: true, data: { status: 200, code: 1000, message: 'ok', results: [], latencyMs: 3 } };
  }) as never);
});

describe('callOperation', () => {
  it('sends one operation.call with the id, the inputs and only the options given', async () => {
    const reply = await callOperation('getSessionDevices', { sessionId: 'main' });
    expect(reply.ok).toBe(true);
    await callOperation('postMessagesSendText', { sessionId: 'main', to: '62812', message: 'hi' }, { profileId: 'office', timeoutMs: 5000 });
    expect(sent).toEqual([
      { protocol: PROTOCOL, type: 'operation.call', payload: { operationId: 'getSessionDevices', inputs: { sessionId: 'main' } } },
      {
        protocol: PROTOCOL,
        type: 'operation.call',
        payload: { operationId: 'postMessagesSendText', inputs: { sessionId: 'main', to: '62812', message: 'hi' }, profileId: 'office', timeoutMs: 5000 },
      },
    ]);
  });

  it('leaves the server to the background when no profile is chosen yet (null)', async () => {
    await callOperation('getServerPing', undefined, { profileId: null });
    expect(sent).toEqual([{ protocol: PROTOCOL, type: 'operation.call', payload: { operationId: 'getServerPing', inputs: {} } }]);
  });

  it('answers an unknown outcome instead of throwing when the background stops mid-call', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const reply = await callOperation('postMessagesSendText', { sessionId: 'main', to: '62812', message: 'hi' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.outcomeUnknown).toBe(true);
  });
});

describe('OperationId', () => {
  it('is every catalog id, and nothing else', () => {
    expect(OPERATIONS).toHaveLength(90);
    for (const operation of OPERATIONS) expect(isOperationId(operation.id)).toBe(true);
    expect(isOperationId('postMessagesSendTxt')).toBe(false);
    expect(isOperationId('__proto__')).toBe(false);
    expect(findOperation('getGroups')?.id).toBe('getGroups');
  });

  it('does not compile with an id the catalog does not have (checked by tsc)', () => {
    const known: OperationId = 'postMessagesSendText';
    // @ts-expect-error a typo is not an operation id
    const typo: OperationId = 'postMessagesSendTxt';
    // @ts-expect-error nor is any string
    const anyString: OperationId = String(known);
    expect([known, typo, anyString]).toHaveLength(3);
  });
});
