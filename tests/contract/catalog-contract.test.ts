import { beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, OPERATIONS, type InputType } from '@/lib/catalog';
import { loadSpecOperations, openapiAvailable, OPENAPI_PATH, type SpecOperation, type SpecSchema } from '../support/openapi';

/**
 * Proves the extension's catalog says what the server's published description says: every
 * operation once, same method and path, same inputs in the same places, same required flags.
 */

const available = openapiAvailable();
if (!available) {
  const message = `CONTRACT TEST NOT RUN: ${OPENAPI_PATH} is missing, so the catalog is unchecked against the WARest description.`;
  // In CI the description is always beside the project: its absence is a failure, not a skip.
  if (process.env.CI) throw new Error(message);
  console.warn(`\n\n*** ${message} ***\n`);
}

/** Which catalog input types can carry a value of a spec schema. */
function typeFits(type: InputType, schema: SpecSchema): boolean {
  if (schema.oneOf || schema.anyOf) return type === 'json' || type === 'recipients';
  switch (schema.type) {
    case 'string':
      return type === 'string' || type === 'file' || (type === 'recipients');
    case 'integer':
      return type === 'integer';
    case 'number':
      return type === 'number' || type === 'integer';
    case 'boolean':
      return type === 'boolean';
    case 'array':
      return type === 'string[]' || type === 'file[]' || type === 'json';
    case 'object':
      return type === 'json';
    default:
      return type === 'json';
  }
}

describe.skipIf(!available)('catalog matches ../shared/warest/openapi.yaml', () => {
  let spec: SpecOperation[] = [];
  beforeAll(() => {
    spec = loadSpecOperations();
  });

  it('has every operation of the description exactly once, and nothing else', () => {
    const specIds = spec.map((op) => op.operationId).sort();
    const catalogIds = OPERATIONS.map((op) => op.id).sort();
    expect(new Set(catalogIds).size).toBe(catalogIds.length);
    expect(catalogIds).toEqual(specIds);
    expect(catalogIds).toHaveLength(90);
  });

  it('puts every operation in the category of its tag', () => {
    for (const op of spec) {
      expect(OPERATIONS.find((c) => c.id === op.operationId)?.category, op.operationId).toBe(op.tags[0]);
    }
  });

  it('uses the same method and path for every operation', () => {
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      expect(`${entry.method} ${API_PREFIX}${entry.path}`, op.operationId).toBe(`${op.method} ${op.path}`);
    }
  });

  it('has the same path and query inputs, required where the description requires them', () => {
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      const fromSpec = op.parameters
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => `${p.in}:${p.name}:${p.in === 'path' || !!p.required}`)
        .sort();
      const fromCatalog = entry.inputs
        .filter((i) => i.in !== 'body')
        .map((i) => `${i.in}:${i.name}:${i.required}`)
        .sort();
      expect(fromCatalog, op.operationId).toEqual(fromSpec);
    }
  });

  it('has the same body inputs with the same required flags', () => {
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      const fromSpec = Object.entries(op.body?.properties ?? {}).map(([name, p]) => `${name}:${p.required}`).sort();
      const fromCatalog = entry.inputs.filter((i) => i.in === 'body').map((i) => `${i.name}:${i.required}`).sort();
      expect(fromCatalog, op.operationId).toEqual(fromSpec);
    }
  });

  it('gives every input a type that can carry what the description allows, with the same choices', () => {
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      for (const input of entry.inputs) {
        const schema = input.in === 'body' ? op.body?.properties[input.name]?.schema : op.parameters.find((p) => p.name === input.name)?.schema;
        expect(schema, `${op.operationId}.${input.name}`).toBeDefined();
        expect(typeFits(input.type, schema!), `${op.operationId}.${input.name}: ${input.type} vs ${JSON.stringify(schema).slice(0, 80)}`).toBe(true);
        expect(input.options ?? null, `${op.operationId}.${input.name} choices`).toEqual(schema!.enum ?? null);
      }
    }
  });

  it('sends bodies in the encodings the server accepts', () => {
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      const accepted = (op.body?.encodings ?? []).filter((e) => e === 'application/json' || e === 'multipart/form-data');
      const expected = accepted.map((e) => (e === 'application/json' ? 'json' : 'multipart'));
      // An operation whose body has no properties (none here today) would send none.
      expect([...entry.bodyEncodings], op.operationId).toEqual(Object.keys(op.body?.properties ?? {}).length ? expected : []);
      expect(entry.bodyRequired, op.operationId).toBe(!!op.body?.required && Object.keys(op.body.properties).length > 0);
    }
  });
});
