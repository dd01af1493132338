import { API_PREFIX, type Operation, type OperationInput } from './catalog';
import { failure, type ApiError } from './api-result';
import { filePayloadToBlob, filePayloadToDataUrl, isFilePayload, type FilePayload } from './file-payload';

/**
 * Turns an operation of the catalog and the caller's inputs into an HTTP request: checks the
 * inputs against the catalog (nothing malformed is ever sent), coerces form strings to the
 * declared types, fills the path and query, and encodes the body as JSON or multipart.
 */

export type OperationInputs = Record<string, unknown>;

export interface BuiltRequest {
  method: Operation['method'];
  url: string;
  /** Undefined for GET and for bodiless calls. */
  body?: string | FormData;
  contentType?: string;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function splitList(text: string): string[] {
  return text.split(/[\n,;]+/).map((item) => item.trim()).filter(Boolean);
}

/**
 * Checks one value against its input's declared type and turns form text into that type. The
 * explorer's form uses it too, so a field is judged exactly as the request will be.
 */
export function coerceInput(input: OperationInput, value: unknown): Coerced {
  switch (input.type) {
    case 'string':
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      if (typeof value !== 'string') return { ok: false, reason: 'must be text' };
      if (input.options && !input.options.includes(value.trim())) return { ok: false, reason: `must be one of ${input.options.join(', ')}` };
      // Body text keeps its spaces (a message), but an option is sent exactly as listed.
      return { ok: true, value: input.in === 'body' && !input.options ? value : value.trim() };
    case 'integer':
    case 'number': {
      const number = typeof value === 'string' ? Number(value.trim()) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) return { ok: false, reason: 'must be a number' };
      if (input.type === 'integer' && !Number.isInteger(number)) return { ok: false, reason: 'must be a whole number' };
      return { ok: true, value: number };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return { ok: false, reason: 'must be true or false' };
    case 'string[]': {
      const list = typeof value === 'string' ? splitList(value) : value;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) return { ok: false, reason: 'must be a list of text items' };
      return { ok: true, value: list.map((item) => item.trim()).filter(Boolean) };
    }
    case 'recipients': {
      if (typeof value === 'string') return { ok: true, value: value.trim() };
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return { ok: true, value };
      return { ok: false, reason: 'must be a phone number, JID, or a list of them' };
    }
    case 'file':
      if (typeof value === 'string' || isFilePayload(value)) return { ok: true, value };
      return { ok: false, reason: 'must be a file, a URL or base64 data' };
    case 'file[]': {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((item) => typeof item === 'string' || isFilePayload(item) || isFileEntry(item))) {
        return { ok: false, reason: 'must be files, URLs or base64 data' };
      }
      return { ok: true, value: list };
    }
    case 'json':
      if (typeof value !== 'string') return { ok: true, value };
      try {
        return { ok: true, value: JSON.parse(value) };
      } catch {
        return { ok: false, reason: 'is not valid JSON' };
      }
  }
}

/** A file with its own options, as WARest's files route takes them: `{ file, caption?, filename? }`. */
function isFileEntry(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  const textOrAbsent = (key: string) => entry[key] === undefined || typeof entry[key] === 'string';
  return typeof entry.file === 'string' && textOrAbsent('caption') && textOrAbsent('filename') && textOrAbsent('replyMessageId');
}

function queryText(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Whether any file input holds a picked file rather than a URL or base64 text. */
function hasPickedFile(values: Map<string, unknown>): boolean {
  return [...values.values()].some((value) => isFilePayload(value) || (Array.isArray(value) && value.some(isFilePayload)));
}

function toJsonValue(value: unknown): unknown {
  if (isFilePayload(value)) return filePayloadToDataUrl(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  return value;
}

function appendMultipart(form: FormData, name: string, value: unknown): void {
  if (Array.isArray(value) && value.some(isFilePayload)) {
    for (const item of value) appendMultipart(form, name, item);
  } else if (isFilePayload(value)) {
    form.append(name, filePayloadToBlob(value), (value as FilePayload).name);
  } else if (Array.isArray(value) || (value && typeof value === 'object')) {
    form.append(name, JSON.stringify(value));
  } else {
    form.append(name, String(value));
  }
}

export function buildRequest(
  baseUrl: string,
  operation: Operation,
  inputs: OperationInputs,
): { ok: true; request: BuiltRequest } | { ok: false; error: ApiError } {
  const known = new Set(operation.inputs.map((input) => input.name));
  const unknown = Object.keys(inputs).filter((name) => !known.has(name));
  if (unknown.length) {
    return failure('invalid-input', `“${operation.label}” has no input named ${unknown.join(', ')}.`);
  }

  const values = new Map<string, unknown>();
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const input of operation.inputs) {
    const raw = inputs[input.name];
    if (isBlank(raw)) {
      if (input.required) missing.push(input.label);
      continue;
    }
    const coerced = coerceInput(input, raw);
    if (!coerced.ok) invalid.push(`${input.label} ${coerced.reason}`);
    else if (!isBlank(coerced.value)) values.set(input.name, coerced.value);
    else if (input.required) missing.push(input.label);
  }
  if (missing.length) return failure('invalid-input', `Fill in: ${missing.join(', ')}.`);
  if (invalid.length) return failure('invalid-input', `${invalid.join('. ')}.`);
  // URL parsing resolves a "." or ".." path segment (escaped or not) away, which would call another route.
  const dotted = operation.inputs.filter((input) => input.in === 'path' && /^\.{1,2}$/.test(queryText(values.get(input.name) ?? '')));
  if (dotted.length) return failure('invalid-input', `${dotted.map((input) => input.label).join(', ')} cannot be “.” or “..” here: the address would point at another route.`);

  let path = operation.path;
  const query = new URLSearchParams();
  const bodyInputs: OperationInput[] = [];
  for (const input of operation.inputs) {
    if (!values.has(input.name)) continue;
    const value = values.get(input.name);
    if (input.in === 'path') path = path.replace(`{${input.name}}`, encodeURIComponent(queryText(value)));
    else if (input.in === 'query') query.set(input.name, queryText(value));
    else bodyInputs.push(input);
  }
  const search = query.toString();
  const url = `${baseUrl}${API_PREFIX}${path}${search ? `?${search}` : ''}`;
  if (operation.bodyEncodings.length === 0) return { ok: true, request: { method: operation.method, url } };

  const bodyValues = new Map(bodyInputs.map((input) => [input.name, values.get(input.name)]));
  if (operation.bodyEncodings.includes('multipart') && hasPickedFile(bodyValues)) {
    const form = new FormData();
    for (const [name, value] of bodyValues) appendMultipart(form, name, value);
    // fetch sets the multipart content type with its boundary itself.
    return { ok: true, request: { method: operation.method, url, body: form } };
  }
  const json = Object.fromEntries([...bodyValues].map(([name, value]) => [name, toJsonValue(value)]));
  return { ok: true, request: { method: operation.method, url, body: JSON.stringify(json), contentType: 'application/json' } };
}
