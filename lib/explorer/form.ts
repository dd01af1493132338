import type { Operation, OperationInput } from '../warest/catalog';
import type { FilePayload } from '../warest/file-payload';
import { coerceInput, isBlank } from '../warest/request-builder';
import { textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * The explorer's forms, generated from the catalog: which control each input gets, what its
 * hint says, and how the typed text becomes the operation's inputs. Every field is judged by
 * the same rules the request builder applies, so a form that passes here is sent as is.
 */

export type FieldKind =
  | 'session'
  | 'text'
  | 'long-text'
  | 'choice'
  | 'yes-no'
  | 'checkbox'
  | 'number'
  | 'list'
  | 'recipients'
  | 'file'
  | 'files'
  | 'json';

/** Body text that is naturally more than one line. */
const LONG_TEXT = new Set(['message', 'text', 'caption', 'groupDescription', 'input', 'string', 'question']);

export function fieldKind(input: OperationInput): FieldKind {
  if (input.name === 'sessionId') return 'session';
  switch (input.type) {
    case 'string':
      if (input.options) return 'choice';
      return input.in === 'body' && LONG_TEXT.has(input.name) ? 'long-text' : 'text';
    case 'boolean':
      // A required flag always has a value; an optional one can also be left to the server.
      return input.required ? 'checkbox' : 'yes-no';
    case 'integer':
    case 'number':
      return 'number';
    case 'string[]':
      return 'list';
    case 'recipients':
      return 'recipients';
    case 'file':
      return 'file';
    case 'file[]':
      return 'files';
    case 'json':
      return 'json';
  }
}

/** What the field takes, in words, shown under it. */
export function typeHint(input: OperationInput): string {
  switch (fieldKind(input)) {
    case 'session':
      return t('hSession');
    case 'number':
      return t(input.type === 'integer' ? 'hWhole' : 'hNumber');
    case 'list':
      return t('hList');
    case 'recipients':
      return t('hRcpt');
    case 'file':
      return t('hFile');
    case 'files':
      return t('hFiles');
    case 'json':
      return 'JSON.';
    default:
      return '';
  }
}

export interface FormState {
  /** What is typed (or chosen) in each field, by input name. */
  text: Record<string, string>;
  /** Files picked from disk, by input name. */
  files: Record<string, FilePayload[]>;
}

export function emptyForm(operation: Operation, defaults: { sessionId?: string } = {}): FormState {
  const text: Record<string, string> = {};
  for (const input of operation.inputs) {
    const kind = fieldKind(input);
    if (kind === 'checkbox') text[input.name] = 'false';
    else if (kind === 'session' && defaults.sessionId) text[input.name] = defaults.sessionId;
    else text[input.name] = '';
  }
  return { text, files: {} };
}

export interface ReadForm {
  inputs: Record<string, unknown>;
  /** A sentence per field that is wrong, by input name; empty when the form can be sent. */
  errors: Record<string, string>;
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (problem) {
    return { ok: false, reason: t('badJson', { error: (problem as Error).message }) };
  }
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The raw value of one field before type checks: text, parsed JSON, picked files. */
function rawValue(input: OperationInput, form: FormState): Parsed {
  const text = form.text[input.name] ?? '';
  const picked = form.files[input.name] ?? [];
  switch (fieldKind(input)) {
    case 'file':
      return { ok: true, value: picked[0] ?? text.trim() };
    case 'files': {
      const typed = text.trim();
      if (typed.startsWith('[')) {
        const parsed = parseJson(typed);
        if (!parsed.ok) return parsed;
        if (!Array.isArray(parsed.value)) return { ok: false, reason: t('jsonArray') };
        return { ok: true, value: [...picked, ...parsed.value] };
      }
      return { ok: true, value: [...picked, ...lines(typed)] };
    }
    case 'json':
      return text.trim() ? parseJson(text) : { ok: true, value: '' };
    default:
      return { ok: true, value: text };
  }
}

const sentence = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${reason.endsWith('.') ? '' : '.'}`;

/** Turns the form into the operation's inputs, or says what is wrong with each field. */
export function readForm(operation: Operation, form: FormState): ReadForm {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const input of operation.inputs) {
    const raw = rawValue(input, form);
    if (!raw.ok) {
      errors[input.name] = raw.reason;
      continue;
    }
    if (isBlank(raw.value)) {
      if (input.required) errors[input.name] = t('required');
      continue;
    }
    const coerced = coerceInput(input, raw.value);
    if (!coerced.ok) errors[input.name] = sentence(coerced.reason);
    else if (isBlank(coerced.value) && input.required) errors[input.name] = t('required');
    else if (!isBlank(coerced.value)) inputs[input.name] = coerced.value;
  }
  return { inputs, errors };
}
