/**
 * Request validation against openapi.yaml, the check a strict server makes before a route runs:
 * required and typed path/query parameters, the Content-Type, and the body against the
 * operation's schema. Every problem becomes a violation string (so tests can assert the extension
 * never sends an invalid request); the first one decides the 400 answer: code 2001 for something
 * missing, 2002 for something invalid (1100 when the missing thing is the session ID, as the spec's
 * SessionRequiredError documents; 2008 for a body that is not JSON at all).
 */
import type { ErrorObject } from 'ajv';
import { envelope, type Reply } from './envelope';
import { SESSION_ID_PATTERN } from './ids';
import { contract, type JsonSchema, type OperationSpec, type ParameterSpec } from './spec';

export interface ValidationOutcome {
  violations: string[];
  /** The 400 answer when the request must be refused, null when it may proceed. */
  rejection: Reply | null;
  body: Record<string, unknown>;
  /** The body as logged: parsed JSON, multipart fields with file descriptions, or a byte count. */
  loggedBody: unknown;
  files: Map<string, File[]>;
  rawBody: Uint8Array | null;
}

interface Problem {
  code: number;
  message: string;
}

/** The session ID query parameter also answers to these names (spec: SessionIdQuery). */
const SESSION_ID_ALIASES = ['id', 'session'];
const SESSION_ID_RULE = 'sessionId must be 1-64 characters of A-Z a-z 0-9 . _ -';

function missing(field: string): Problem {
  return { code: field === 'sessionId' ? 1100 : 2001, message: `${field} is required` };
}

function invalid(message: string): Problem {
  return { code: 2002, message };
}

function checkScalar(name: string, raw: string, schema: JsonSchema): Problem | null {
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    const pattern = type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
    if (!pattern.test(raw)) return invalid(`${name} must be ${type === 'integer' ? 'an integer' : 'a number'}`);
    const value = Number(raw);
    if (typeof schema.minimum === 'number' && value < schema.minimum) return invalid(`${name} must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) return invalid(`${name} must be <= ${schema.maximum}`);
  } else if (type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') return invalid(`${name} must be true or false`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(raw)) return invalid(`${name} must be one of: ${schema.enum.join(', ')}`);
  if (name === 'sessionId' && !SESSION_ID_PATTERN.test(raw)) return invalid(SESSION_ID_RULE);
  return null;
}

function checkParameters(op: OperationSpec, params: Record<string, string>, query: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const parameter of op.parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const source = parameter.in === 'path' ? params : query;
    const raw = source[parameter.name] ?? aliasValue(parameter, query);
    if (raw === undefined || (raw === '' && parameter.required)) {
      if (parameter.required) problems.push(missing(parameter.name));
      continue;
    }
    const problem = checkScalar(parameter.name, raw, parameter.schema);
    if (problem) problems.push(problem);
  }
  return problems;
}

function aliasValue(parameter: ParameterSpec, query: Record<string, string>): string | undefined {
  if (parameter.in !== 'query' || parameter.name !== 'sessionId') return undefined;
  for (const alias of SESSION_ID_ALIASES) if (query[alias] !== undefined) return query[alias];
  return undefined;
}

/** `/location/latitude` → `location.latitude`, `/files/0` → `files[0]`. */
function fieldName(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (extra) parts.push(extra);
  return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '') || 'body';
}

function alternativesOf(schema: unknown): string {
  if (!Array.isArray(schema)) return 'a valid value';
  const kinds = schema.map((alternative: unknown) => {
    const type = typeof alternative === 'object' && alternative !== null ? (alternative as JsonSchema).type : undefined;
    return typeof type === 'string' ? type : 'a valid value';
  });
  return [...new Set(kinds)].join(' or ');
}

/** ajv errors → problems, reporting a failed oneOf once (as its alternatives) instead of once per branch. */
function describeSchemaErrors(errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) continue;
    const field = fieldName(error.instancePath);
    switch (error.keyword) {
      case 'required':
        problems.push(missing(fieldName(error.instancePath, String((error.params as { missingProperty: string }).missingProperty))));
        break;
      case 'type':
        problems.push(invalid(`${field} must be ${String((error.params as { type: string }).type)}`));
        break;
      case 'enum':
        problems.push(invalid(`${field} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`));
        break;
      case 'oneOf':
      case 'anyOf':
        problems.push(invalid(`${field} must be ${alternativesOf(error.schema)}`));
        break;
      case 'format':
        problems.push(invalid(`${field} must be a valid ${String((error.params as { format: string }).format)}`));
        break;
      default:
        problems.push(invalid(`${field} ${error.message ?? 'is invalid'}`));
    }
  }
  return problems;
}

const FILE_PLACEHOLDER = '<binary>';

/** Multipart text fields carry no types: coerce each to what its schema property expects. */
function coerceField(values: string[], schema: JsonSchema | undefined): unknown {
  const coerceOne = (value: string, type: unknown): unknown => {
    if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    if ((type === 'object' || type === 'array') && /^[[{]/.test(value.trim())) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    return value;
  };
  if (schema?.type === 'array') {
    const items = (schema.items ?? {}) as JsonSchema;
    return values.length === 1 && values[0]?.trim().startsWith('[') ? coerceOne(values[0], 'array') : values.map((value) => coerceOne(value, items.type));
  }
  const last = values[values.length - 1] ?? '';
  return coerceOne(last, schema?.type);
}

async function parseMultipart(bytes: Uint8Array, contentType: string, schema: JsonSchema | undefined) {
  const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(bytes) }).formData();
  const properties = schema ? contract().flatProperties(schema) : {};
  const textFields = new Map<string, string[]>();
  const files = new Map<string, File[]>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') textFields.set(name, [...(textFields.get(name) ?? []), value]);
    else files.set(name, [...(files.get(name) ?? []), value]);
  }
  const body: Record<string, unknown> = {};
  const forSchema: Record<string, unknown> = {};
  const logged: Record<string, unknown> = {};
  for (const [name, values] of textFields) {
    body[name] = coerceField(values, properties[name]);
    forSchema[name] = body[name];
    logged[name] = body[name];
  }
  for (const [name, parts] of files) {
    const isArray = properties[name]?.type === 'array';
    forSchema[name] = isArray ? parts.map(() => FILE_PLACEHOLDER) : FILE_PLACEHOLDER;
    logged[name] = parts.map((file) => ({ file: file.name, type: file.type, size: file.size }));
  }
  return { body, forSchema, logged, files };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function validateRequest(op: OperationSpec, params: Record<string, string>, query: Record<string, string>, contentTypeHeader: string | undefined, bytes: Uint8Array): Promise<ValidationOutcome> {
  const mediaType = contentTypeHeader ? (contentTypeHeader.split(';')[0] ?? '').trim().toLowerCase() : null;
  const outcome: ValidationOutcome = { violations: [], rejection: null, body: {}, loggedBody: undefined, files: new Map(), rawBody: null };
  const problems = checkParameters(op, params, query);

  const spec = op.requestBody;
  const hasBody = bytes.length > 0;
  if (hasBody) outcome.loggedBody = mediaType === 'application/json' ? tryParseJson(bytes) : { bytes: bytes.length };

  if (spec && !hasBody && spec.required) {
    problems.push({ code: 2001, message: 'request body is required' });
  } else if (spec && hasBody) {
    const allowed = Object.keys(spec.content);
    if (!mediaType || !allowed.includes(mediaType)) {
      problems.push(invalid(`Content-Type must be one of: ${allowed.join(', ')}`));
    } else if (mediaType === 'application/json') {
      const parsed = tryParseJson(bytes);
      if (parsed === undefined) problems.push({ code: 2008, message: 'Malformed JSON body' });
      else if (!isPlainObject(parsed)) problems.push(invalid('body must be a JSON object'));
      else {
        outcome.body = parsed;
        problems.push(...schemaProblems(op, mediaType, parsed));
      }
    } else if (mediaType === 'multipart/form-data') {
      try {
        const form = await parseMultipart(bytes, contentTypeHeader ?? '', spec.content[mediaType]);
        outcome.body = form.body;
        outcome.files = form.files;
        outcome.loggedBody = form.logged;
        problems.push(...schemaProblems(op, mediaType, form.forSchema));
      } catch {
        problems.push(invalid('multipart/form-data body could not be parsed'));
      }
    } else {
      // Raw uploads carry their addressing in the query string (spec: application/octet-stream).
      outcome.rawBody = bytes;
      for (const name of ['sessionId', 'to']) if (!query[name]) problems.push(missing(name));
    }
  }
  const bodySessionId = outcome.body.sessionId;
  if (typeof bodySessionId === 'string' && !SESSION_ID_PATTERN.test(bodySessionId)) problems.push(invalid(SESSION_ID_RULE));

  outcome.violations = problems.map((problem) => `${op.operationId}: ${problem.message}`);
  // Something missing is reported before something malformed, as the first problem a handler would meet.
  const first = problems.find((problem) => problem.code === 1100 || problem.code === 2001) ?? problems[0];
  if (first) outcome.rejection = envelope(first.code, first.message);
  return outcome;
}

function schemaProblems(op: OperationSpec, mediaType: string, value: unknown): Problem[] {
  const validator = contract().bodyValidator(op.operationId, mediaType);
  if (!validator || validator(value)) return [];
  return describeSchemaErrors(validator.errors ?? []);
}

export function tryParseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
