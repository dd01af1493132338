/**
 * The WARest contract as the fake server reads it: the published OpenAPI description and the
 * result-code table, loaded at run time from ../shared/warest (never copied into the project).
 * Everything here is derived from those two files, so a new spec version changes the fake's
 * routes and validation without code changes.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** tests/fake-server → project root → its sibling shared/warest. */
export const WAREST_SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/warest');

export type JsonSchema = { [key: string]: unknown };

export interface ParameterSpec {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface RequestBodySpec {
  required: boolean;
  /** Media type (e.g. application/json) → its schema, as written in the spec. */
  content: Record<string, JsonSchema | undefined>;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  pathTemplate: string;
  tag: string;
  parameters: ParameterSpec[];
  requestBody: RequestBodySpec | null;
  /** HTTP status (as written: "200", "400"…) → application/json response schema, if any. */
  responseSchemas: Record<string, JsonSchema | undefined>;
  /** Path template as a regular expression with one named group per path parameter. */
  matcher: RegExp;
  pathParamCount: number;
}

export interface ResultCode {
  code: number;
  name: string;
  http: number;
  retryable: boolean;
  category: string;
  message: string;
}

export interface WarestContract {
  version: string;
  operations: OperationSpec[];
  byId: Map<string, OperationSpec>;
  codes: Map<number, ResultCode>;
  /** Validator for a request body of one operation and media type (compiled on first use). */
  bodyValidator(operationId: string, mediaType: string): ValidateFunction | null;
  /** Validator for the JSON answer of one operation at one HTTP status, for self-checks in tests. */
  responseValidator(operationId: string, status: number): ValidateFunction | null;
  /** The schema with allOf flattened into one properties map, to coerce multipart fields by type. */
  flatProperties(schema: JsonSchema): Record<string, JsonSchema>;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
const COMPONENTS_ID = 'urn:warest:components';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (#/a/b/c) inside the document. */
function resolveLocalRef(doc: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Unsupported $ref ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    if (!isRecord(node)) throw new Error(`Dangling $ref ${ref}`);
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`Dangling $ref ${ref}`);
  return node;
}

function deref(doc: Record<string, unknown>, node: unknown): unknown {
  let current = node;
  while (isRecord(current) && typeof current.$ref === 'string') current = resolveLocalRef(doc, current.$ref);
  return current;
}

/** Keywords that only document a schema; ajv would ignore them, dropping them keeps errors clean. */
const DOC_ONLY_KEYWORDS = new Set(['example', 'examples', 'description', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'discriminator', 'summary', 'title']);

/**
 * OpenAPI 3.0 schema → JSON Schema that ajv accepts:
 * - `nullable: true` becomes a `null` alternative;
 * - a boolean `required: true` written inside a property (the spec does this for `location`)
 *   is lifted into the parent's `required` list, the way a strict server reads it;
 * - component refs point into the components schema registered with ajv.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOC_ONLY_KEYWORDS.has(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', `${COMPONENTS_ID}#/definitions/`);
    } else if (key === 'properties' && isRecord(value)) {
      const properties: Record<string, unknown> = {};
      const liftedRequired: string[] = [];
      for (const [name, propertySchema] of Object.entries(value)) {
        if (isRecord(propertySchema) && propertySchema.required === true) {
          liftedRequired.push(name);
          const { required: _flag, ...rest } = propertySchema;
          properties[name] = toJsonSchema(rest);
        } else {
          properties[name] = toJsonSchema(propertySchema);
        }
      }
      out.properties = properties;
      if (liftedRequired.length > 0) {
        const existing = Array.isArray(node.required) ? (node.required as string[]) : [];
        out.required = [...new Set([...existing, ...liftedRequired])];
      }
    } else if (key === 'required' && !Array.isArray(value)) {
      continue; // a stray boolean `required` on a non-property schema has no JSON Schema meaning
    } else if (key === 'required' && Array.isArray(value)) {
      out.required = [...new Set([...(Array.isArray(out.required) ? (out.required as string[]) : []), ...(value as string[])])];
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function buildMatcher(template: string): { matcher: RegExp; count: number } {
  let count = 0;
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param) {
        count += 1;
        return `(?<${param[1]}>[^/]+)`;
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { matcher: new RegExp(`^${pattern}$`), count };
}

function loadContract(): WarestContract {
  const doc = parse(readFileSync(resolve(WAREST_SHARED_DIR, 'openapi.yaml'), 'utf8'), { merge: true, maxAliasCount: -1 }) as Record<string, unknown>;
  const codesList = JSON.parse(readFileSync(resolve(WAREST_SHARED_DIR, 'codes.json'), 'utf8')) as ResultCode[];
  const codes = new Map(codesList.map((entry) => [entry.code, entry]));

  const info = isRecord(doc.info) ? doc.info : {};
  const paths = isRecord(doc.paths) ? doc.paths : {};
  const operations: OperationSpec[] = [];
  for (const [pathTemplate, pathItemRaw] of Object.entries(paths)) {
    const pathItem = deref(doc, pathItemRaw);
    if (!isRecord(pathItem)) continue;
    const sharedParameters = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isRecord(op) || typeof op.operationId !== 'string') continue;
      const parameters: ParameterSpec[] = [...sharedParameters, ...(Array.isArray(op.parameters) ? op.parameters : [])].map((raw) => {
        const parameter = deref(doc, raw);
        if (!isRecord(parameter)) throw new Error(`Bad parameter in ${op.operationId as string}`);
        return {
          name: String(parameter.name),
          in: parameter.in as ParameterSpec['in'],
          required: parameter.required === true || parameter.in === 'path',
          schema: (isRecord(parameter.schema) ? parameter.schema : {}) as JsonSchema,
        };
      });
      let requestBody: RequestBodySpec | null = null;
      const bodyRaw = deref(doc, op.requestBody);
      if (isRecord(bodyRaw)) {
        const content: Record<string, JsonSchema | undefined> = {};
        for (const [mediaType, media] of Object.entries(isRecord(bodyRaw.content) ? bodyRaw.content : {})) {
          content[mediaType.toLowerCase()] = isRecord(media) && isRecord(media.schema) ? (media.schema as JsonSchema) : undefined;
        }
        requestBody = { required: bodyRaw.required === true, content };
      }
      const responseSchemas: Record<string, JsonSchema | undefined> = {};
      for (const [status, responseRaw] of Object.entries(isRecord(op.responses) ? op.responses : {})) {
        const response = deref(doc, responseRaw);
        const content = isRecord(response) && isRecord(response.content) ? response.content : {};
        const json = content['application/json'];
        responseSchemas[status] = isRecord(json) && isRecord(json.schema) ? (json.schema as JsonSchema) : undefined;
      }
      const { matcher, count } = buildMatcher(pathTemplate);
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        tag: Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : '',
        parameters,
        requestBody,
        responseSchemas,
        matcher,
        pathParamCount: count,
      });
    }
  }
  // Static segments win over parameters, the way a router registered in spec order resolves them.
  operations.sort((a, b) => a.pathParamCount - b.pathParamCount);

  const components = isRecord(doc.components) && isRecord(doc.components.schemas) ? doc.components.schemas : {};
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, definitions: toJsonSchema(components) });

  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const compiled = new Map<string, ValidateFunction | null>();
  const compile = (cacheKey: string, schema: JsonSchema | undefined): ValidateFunction | null => {
    if (!compiled.has(cacheKey)) compiled.set(cacheKey, schema ? ajv.compile(toJsonSchema(schema) as object) : null);
    return compiled.get(cacheKey) ?? null;
  };

  const flatProperties = (schema: JsonSchema): Record<string, JsonSchema> => {
    const resolved = deref(doc, schema);
    if (!isRecord(resolved)) return {};
    const merged: Record<string, JsonSchema> = {};
    for (const part of Array.isArray(resolved.allOf) ? resolved.allOf : []) Object.assign(merged, flatProperties(part as JsonSchema));
    if (isRecord(resolved.properties)) {
      for (const [name, property] of Object.entries(resolved.properties)) {
        const propertySchema = deref(doc, property);
        if (isRecord(propertySchema)) merged[name] = propertySchema;
      }
    }
    return merged;
  };

  return {
    version: typeof info.version === 'string' ? info.version : 'unknown',
    operations,
    byId,
    codes,
    bodyValidator(operationId, mediaType) {
      const op = byId.get(operationId);
      return compile(`req ${operationId} ${mediaType}`, op?.requestBody?.content[mediaType]);
    },
    responseValidator(operationId, status) {
      const op = byId.get(operationId);
      return compile(`res ${operationId} ${status}`, op?.responseSchemas[String(status)]);
    },
    flatProperties,
  };
}

let cached: WarestContract | null = null;

/** The contract, parsed once per process. */
export function contract(): WarestContract {
  cached ??= loadContract();
  return cached;
}

/** Finds the operation for a method and path; `pathMatched` tells a wrong method from an unknown path. */
export function matchOperation(method: string, pathname: string): { op: OperationSpec; params: Record<string, string> } | { op: null; pathMatched: boolean } {
  let pathMatched = false;
  for (const op of contract().operations) {
    const match = op.matcher.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (op.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) params[name] = safeDecode(value);
    return { op, params };
  }
  return { op: null, pathMatched };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
