import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * Reads the published WARest description where it lives, beside the project at
 * ../shared/warest/ (it is not copied into the project). Tests share this reader.
 */

export const SHARED_WAREST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/warest');
export const OPENAPI_PATH = path.join(SHARED_WAREST_DIR, 'openapi.yaml');

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SpecSchema;
}
export interface SpecSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: string[];
  required?: string[] | boolean;
  properties?: Record<string, SpecSchema>;
  items?: SpecSchema;
  allOf?: SpecSchema[];
  oneOf?: SpecSchema[];
  anyOf?: SpecSchema[];
}
export interface SpecOperation {
  operationId: string;
  tags: string[];
  method: string;
  path: string;
  parameters: SpecParameter[];
  /** Body properties merged over every encoding; required if any encoding requires it. */
  body?: { required: boolean; encodings: string[]; properties: Record<string, { schema: SpecSchema; required: boolean }> };
}

export function openapiAvailable(): boolean {
  return fs.existsSync(OPENAPI_PATH);
}

export function loadSpecOperations(): SpecOperation[] {
  const doc = parse(fs.readFileSync(OPENAPI_PATH, 'utf8'), { merge: true, maxAliasCount: -1 }) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const deref = <T>(node: T): T => {
    let current = node as unknown as { $ref?: string };
    while (current && current.$ref) {
      current = current.$ref.slice(2).split('/').reduce<any>((acc, key) => acc[key], doc);
    }
    return current as unknown as T;
  };
  const flatten = (schema: SpecSchema | undefined, into: Record<string, { schema: SpecSchema; required: boolean }>) => {
    const resolved = deref(schema);
    if (!resolved) return;
    for (const part of resolved.allOf ?? []) flatten(part, into);
    const required = Array.isArray(resolved.required) ? resolved.required : [];
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      const prop = deref(property);
      // Some schemas mark a property required inside the property itself.
      const isRequired = required.includes(name) || prop.required === true;
      into[name] = { schema: prop, required: (into[name]?.required ?? false) || isRequired };
    }
    for (const name of required) if (into[name]) into[name].required = true;
  };

  const operations: SpecOperation[] = [];
  for (const [specPath, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters as SpecParameter[] | undefined) ?? [];
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as { operationId: string; tags: string[]; parameters?: SpecParameter[]; requestBody?: unknown };
      const parameters = [...shared, ...(op.parameters ?? [])].map((p) => deref(p));
      let body: SpecOperation['body'];
      if (op.requestBody) {
        const requestBody = deref(op.requestBody as { required?: boolean; content: Record<string, { schema: SpecSchema }> });
        const properties: Record<string, { schema: SpecSchema; required: boolean }> = {};
        const encodings = Object.keys(requestBody.content);
        for (const encoding of ['application/json', 'multipart/form-data']) {
          const content = requestBody.content[encoding];
          if (content) flatten(content.schema, properties);
        }
        body = { required: !!requestBody.required, encodings, properties };
      }
      operations.push({ operationId: op.operationId, tags: op.tags, method: method.toUpperCase(), path: specPath, parameters, ...(body && { body }) });
    }
  }
  return operations;
}
