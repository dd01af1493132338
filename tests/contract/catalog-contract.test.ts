import { beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, OPERATIONS, type InputType, type Operation, type OperationInput } from '@/lib/warest/catalog';
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

/** The limits a spec schema states (the shared reader's type leaves them out). */
type Limits = SpecSchema & { minimum?: number; maximum?: number; minItems?: number; maxLength?: number; pattern?: string };

/**
 * Limits the catalog checks that the description does not state as schema keywords, each with
 * where it comes from. Anything else the catalog adds beyond the description fails the test.
 */
const LIMITS_BEYOND_THE_DESCRIPTION: Record<string, string> = {
  'sessionId.format': 'README of ../shared/warest, fact 6: session ids are 1–64 of A-Z a-z 0-9 . _ -',
  'postServerRestartScheduled.schedule.format': 'fact 9, and the description: "HH:MM 24-hour notation or \"0\" to clear"',
  'postMiscConvertStringTarget.target.format': 'the description: "Output format (base64, svg, png, jpg, jpeg, or webp)"',
  'getSessionCreatePairCode.phone.format': 'the description: "Digits only phone number including country code."',
  'postSessionSessionIdConfig.webhookUrl.format': 'the schema: format uri (only http(s) addresses make sense for a webhook)',
  'postMessagesActionMute.duration.minimum': 'the description: "Duration in minutes (1 - 43200)"',
  'postMessagesActionMute.duration.maximum': 'the description: "Duration in minutes (1 - 43200)"',
  'getChatsChatIdMessages.startTime.minimum': 'a Unix time in ms is never negative',
  'getChatsChatIdMessages.endTime.minimum': 'a Unix time in ms is never negative',
  'postChatsChatIdRead.messages.minimum': 'the description: "Number of inbound messages to acknowledge (0 = no limit)"',
  'postChatsChatIdRead.days.minimum': 'the description: "limits acknowledgements to the last N days"',
  'postMiscMediaThumbnail.width.minimum': 'a size in pixels',
  'postMiscMediaThumbnail.height.minimum': 'a size in pixels',
  'postMiscMediaThumbnail.count.minimum': 'the description: "Number of stills"',
};

function beyond(op: Operation, input: OperationInput, limit: string): boolean {
  return `${op.id}.${input.name}.${limit}` in LIMITS_BEYOND_THE_DESCRIPTION || `${input.name}.${limit}` in LIMITS_BEYOND_THE_DESCRIPTION;
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

  it('checks the same numeric limits, list sizes and formats as the description states, and only documented others', () => {
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      for (const input of entry.inputs) {
        const found = input.in === 'body' ? op.body?.properties[input.name]?.schema : op.parameters.find((p) => p.name === input.name)?.schema;
        const schema = found as Limits;
        const name = `${op.operationId}.${input.name}`;
        for (const limit of ['minimum', 'maximum', 'minItems'] as const) {
          if (schema[limit] !== undefined) expect(input[limit], `${name}.${limit}`).toBe(schema[limit]);
          else if (input[limit] !== undefined && limit !== 'minItems') expect(beyond(entry, input, limit), `${name}.${limit} is not in the description: document it`).toBe(true);
        }
        // A required list is never sent empty anyway, so minItems 1 there adds nothing the description lacks.
        if (schema.minItems === undefined && input.minItems !== undefined) expect(input.minItems === 1 && input.required, `${name}.minItems`).toBe(true);
        if (schema.maxLength !== undefined) expect(input.maxLength, `${name}.maxLength`).toBeLessThanOrEqual(schema.maxLength);
        if (schema.pattern !== undefined) expect(input.format?.pattern.source, `${name}.pattern`).toBe(schema.pattern);
        else if (input.format) expect(beyond(entry, input, 'format'), `${name}.format is not in the description: document it`).toBe(true);
        // A value the server checks as a URI is checked before it is sent.
        if ((schema as { format?: string }).format === 'uri') expect(input.format, `${name}: format uri`).toBeDefined();
      }
    }
  });

  it('gives structured (json) inputs the shape the description gives them', () => {
    const shapeOf = (schema: SpecSchema): string | undefined => {
      const kinds = (schema.oneOf ?? schema.anyOf ?? [schema]).map((part) => part.type).sort().join('|');
      return { object: 'object', array: 'array', 'array|object': 'object-or-array' }[kinds];
    };
    for (const op of spec) {
      const entry = OPERATIONS.find((c) => c.id === op.operationId)!;
      for (const input of entry.inputs.filter((i) => i.type === 'json')) {
        const schema = op.body?.properties[input.name]?.schema ?? op.parameters.find((p) => p.name === input.name)?.schema;
        expect(input.shape, `${op.operationId}.${input.name}`).toBe(shapeOf(schema!));
      }
    }
  });
});
