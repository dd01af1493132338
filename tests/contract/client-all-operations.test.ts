import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/warest/client';
import { OPERATIONS } from '@/lib/warest/catalog';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { demoHandles, operationSamples } from '../fake-server/operation-samples';

/**
 * Every one of the 90 operations, called through the extension's own client with its inputs
 * given flat (as pages give them), against the fake server that checks each request against
 * the published description: every call must succeed and none may break the contract.
 */

describe('the client calls every catalog operation correctly', () => {
  let server: FakeWarest | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('covers all 90 operations', () => {
    expect(OPERATIONS.filter((op) => operationSamples[op.id])).toHaveLength(90);
  });

  it.each(OPERATIONS.map((op) => [op.id]))('%s', async (operationId) => {
    server = await startFakeWarest({ demo: true });
    const sample = operationSamples[operationId]!(demoHandles(server));
    const inputs = { ...sample.params, ...sample.query, ...sample.body };
    const client = createClient();
    const result = await client.call({ baseUrl: server.url, apiKey: sample.key ?? 'user-key' }, operationId, inputs);

    expect(server.violations()).toEqual([]);
    expect(server.errors).toEqual([]);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(server.requests.at(-1)?.operationId).toBe(operationId);
    if (result.ok && sample.expectStatus) expect(result.status).toBe(sample.expectStatus);
  });
});
