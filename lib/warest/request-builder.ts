import { API_PREFIX, type Operation, type OperationInput } from './catalog';
import { failure, type ApiError } from './api-result';
import {
  filePayloadToBlob,
  filePayloadToDataUrl,
  isFilePayload,
  isValidBase64,
  MAX_FILE_BASE64_CHARS,
  MAX_FILE_BYTES,
  MAX_FILE_NAME_LENGTH,
  type FilePayload,
} from './file-payload';
import { textsOf } from '../i18n';

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

/** Half of a surrogate pair on its own: no URL or JSON encoding can carry it faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Most items a list input may have, and most files one call may carry. */
export const MAX_LIST_ITEMS = 5_000;
export const MAX_FILES = 100;
/** Most characters of a structured (JSON) value, written out. */
export const MAX_JSON_CHARS = 1_000_000;
const MAX_JSON_DEPTH = 32;
/** Object keys that reach a prototype when code merges objects carelessly; no WARest field has them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A file given as text: a URL, base64 or a data URL, bounded like a picked file. */
const MAX_FILE_TEXT = MAX_FILE_BASE64_CHARS + 256;

const count = (n: number) => n.toLocaleString('en-US');
const t = textsOf('errors');
const filesTooLarge = () => t('filesTooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 });

/** What is wrong with a text value, if anything: broken characters or too many of them (`item`: said of a list's item). */
function textProblem(text: string, maxLength: number | undefined, item = false): string | undefined {
  if (maxLength !== undefined && text.length > maxLength) {
    return t(item ? 'itemTooLong' : 'tooLong', { max: count(maxLength), length: count(text.length) });
  }
  if (LONE_SURROGATE.test(text)) return t(item ? 'itemBroken' : 'broken');
  return undefined;
}

function rangeProblem(input: OperationInput, number: number): string | undefined {
  const { minimum: min, maximum: max } = input;
  const outside = (min !== undefined && number < min) || (max !== undefined && number > max);
  if (!outside) return undefined;
  if (min !== undefined && max !== undefined) return t('fromTo', { min: count(min), max: count(max) });
  return min !== undefined ? t('atLeast', { min: count(min) }) : t('atMost', { max: count(max!) });
}

function listProblem(input: OperationInput, items: readonly string[]): string | undefined {
  if (items.length > MAX_LIST_ITEMS) return t('tooManyItems', { max: count(MAX_LIST_ITEMS) });
  for (const item of items) {
    const problem = textProblem(item, input.maxLength, true);
    if (problem) return problem;
  }
  if (input.minItems !== undefined && items.length < input.minItems) return t.count('needsItems', input.minItems, { count: count(input.minItems) });
  return undefined;
}

/** Why a picked file cannot be sent, if it cannot. */
function fileProblem(file: FilePayload): string | undefined {
  if (file.name.length > MAX_FILE_NAME_LENGTH || LONE_SURROGATE.test(file.name)) return t('badFileName');
  if (file.type.length > MAX_FILE_NAME_LENGTH || !/^[\x20-\x7e]*$/.test(file.type)) return t('badFileType');
  if (file.base64.length > MAX_FILE_TEXT) return filesTooLarge();
  if (!isValidBase64(file.base64)) return t('notBase64');
  return undefined;
}

function fileTextProblem(text: string): string | undefined {
  if (text.length > MAX_FILE_TEXT) return filesTooLarge();
  return textProblem(text, undefined);
}

/** What is wrong with a structured value: a key that could reach a prototype, too deep, too big. */
function jsonProblem(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_JSON_DEPTH) return t('tooDeep', { max: MAX_JSON_DEPTH });
  if (typeof value === 'string') return textProblem(value, undefined);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && !Number.isFinite(value) ? t('notFinite') : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_ITEMS) return t('tooManyItems', { max: count(MAX_LIST_ITEMS) });
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(key)) return t('keyNotAllowed', { key });
    const problem = textProblem(key, undefined) ?? jsonProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

function shapeProblem(input: OperationInput, value: unknown): string | undefined {
  const isArray = Array.isArray(value);
  const isObject = !!value && typeof value === 'object' && !isArray;
  switch (input.shape) {
    case 'object':
      return isObject ? undefined : t('jsonObject');
    case 'array':
      if (!isArray) return t('jsonList');
      if (input.minItems !== undefined && value.length < input.minItems) return t.count('needsItems', input.minItems, { count: count(input.minItems) });
      return undefined;
    case 'object-or-array':
      return isObject || isArray ? undefined : t('jsonEither');
    default:
      return undefined;
  }
}

function fileListProblem(list: readonly unknown[]): string | undefined {
  if (list.length > MAX_FILES) return t('tooManyFiles', { max: MAX_FILES });
  let text = 0;
  for (const item of list) {
    const problem = typeof item === 'string' ? fileTextProblem(item) : isFilePayload(item) ? fileProblem(item) : jsonProblem(item);
    if (problem) return problem;
    text += typeof item === 'string' ? item.length : isFilePayload(item) ? item.base64.length : (item as { file: string }).file.length;
  }
  return text > MAX_FILE_TEXT ? filesTooLarge() : undefined;
}

/**
 * Checks one value against its input's declared type and limits (from the catalog) and turns form
 * text into that type. The explorer's form uses it too, so a field is judged exactly as the
 * request will be.
 */
export function coerceInput(input: OperationInput, value: unknown): Coerced {
  const refuse = (reason: string): Coerced => ({ ok: false, reason });
  switch (input.type) {
    case 'string': {
      const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
      if (typeof text !== 'string') return refuse(t('mustBeText'));
      // An option or a formatted value is sent trimmed, so it is measured trimmed.
      const exact = !!(input.options || input.format);
      const trimmed = text.trim();
      const problem = textProblem(exact ? trimmed : text, input.maxLength);
      // A value with a form is best told its form, also when it is far too long for it.
      if (problem && input.format && trimmed.length > (input.maxLength ?? Infinity)) return refuse(t('mustBe', { form: input.format.description }));
      if (problem) return refuse(problem);
      if (input.options && !input.options.includes(trimmed)) return refuse(t('oneOf', { options: input.options.join(', ') }));
      if (input.format && !input.format.pattern.test(trimmed)) return refuse(t('mustBe', { form: input.format.description }));
      // Body text keeps its spaces (a message), but an option or a formatted value is sent exactly as checked.
      return { ok: true, value: input.in === 'body' && !exact ? text : trimmed };
    }
    case 'integer':
    case 'number': {
      const number = typeof value === 'string' ? Number(value.trim()) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) return refuse(t('mustBeNumber'));
      if (input.type === 'integer' && !Number.isInteger(number)) return refuse(t('wholeNumber'));
      if (input.type === 'integer' && !Number.isSafeInteger(number)) return refuse(t('numberTooLarge'));
      const problem = rangeProblem(input, number);
      return problem ? refuse(problem) : { ok: true, value: number };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return refuse(t('trueFalse'));
    case 'string[]': {
      const list = typeof value === 'string' ? splitList(value) : value;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) return refuse(t('textList'));
      const items = list.map((item) => item.trim()).filter(Boolean);
      const problem = items.length ? listProblem(input, items) : undefined;
      return problem ? refuse(problem) : { ok: true, value: items };
    }
    case 'recipients': {
      if (typeof value === 'string') {
        const problem = textProblem(value, input.maxLength);
        return problem ? refuse(problem) : { ok: true, value: value.trim() };
      }
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        const problem = listProblem(input, value);
        return problem ? refuse(problem) : { ok: true, value };
      }
      return refuse(t('recipients'));
    }
    case 'file': {
      const problem = typeof value === 'string' ? fileTextProblem(value) : isFilePayload(value) ? fileProblem(value) : t('fileInput');
      return problem ? refuse(problem) : { ok: true, value };
    }
    case 'file[]': {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((item) => typeof item === 'string' || isFilePayload(item) || isFileEntry(item))) {
        return refuse(t('filesInput'));
      }
      const problem = fileListProblem(list);
      return problem ? refuse(problem) : { ok: true, value: list };
    }
    case 'json': {
      let parsed = value;
      if (typeof value === 'string') {
        if (value.length > MAX_JSON_CHARS) return refuse(t('jsonTooLong', { max: count(MAX_JSON_CHARS) }));
        try {
          parsed = JSON.parse(value);
        } catch {
          return refuse(t('notValidJson'));
        }
      }
      // A picked file is sent as a file only where the operation takes one; here it would become a data URL in place of the JSON.
      const holdsFile = isFilePayload(parsed) || (Array.isArray(parsed) && parsed.some(isFilePayload));
      const problem = holdsFile ? t('notAFile') : (shapeProblem(input, parsed) ?? jsonProblem(parsed));
      if (problem) return refuse(problem);
      if (typeof value !== 'string' && (JSON.stringify(parsed)?.length ?? 0) > MAX_JSON_CHARS) return refuse(t('jsonTooLarge', { max: count(MAX_JSON_CHARS) }));
      return { ok: true, value: parsed };
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
  if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs)) {
    return failure('invalid-input', t('inputsNotObject', { label: operation.label }));
  }
  try {
    return checkAndBuild(baseUrl, operation, inputs);
  } catch {
    // Nothing the checks let through should fail here; if something does, it is still the input's fault, and nothing was sent.
    return failure('invalid-input', t('cannotBuild', { label: operation.label }));
  }
}

function checkAndBuild(baseUrl: string, operation: Operation, inputs: OperationInputs): { ok: true; request: BuiltRequest } | { ok: false; error: ApiError } {
  const known = new Set(operation.inputs.map((input) => input.name));
  // Own keys only: a key like "__proto__" is just an unknown name here, and nothing is read from a prototype.
  const unknown = Object.keys(inputs).filter((name) => !known.has(name));
  if (unknown.length) {
    return failure('invalid-input', t('unknownInput', { label: operation.label, names: unknown.join(', ') }));
  }

  const values = new Map<string, unknown>();
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const input of operation.inputs) {
    const raw = Object.hasOwn(inputs, input.name) ? inputs[input.name] : undefined;
    if (isBlank(raw)) {
      if (input.required) missing.push(input.label);
      continue;
    }
    const coerced = coerceInput(input, raw);
    if (!coerced.ok) invalid.push(`${input.label} ${coerced.reason}`);
    else if (!isBlank(coerced.value)) values.set(input.name, coerced.value);
    else if (input.required) missing.push(input.label);
  }
  if (missing.length) return failure('invalid-input', t('fillIn', { names: missing.join(', ') }));
  if (invalid.length) return failure('invalid-input', `${invalid.join('. ')}.`);
  // URL parsing resolves a "." or ".." path segment (escaped or not) away, which would call another route.
  const dotted = operation.inputs.filter((input) => input.in === 'path' && /^\.{1,2}$/.test(queryText(values.get(input.name) ?? '')));
  if (dotted.length) return failure('invalid-input', t('dotted', { names: dotted.map((input) => input.label).join(', ') }));

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
