import { textsOf } from '../../i18n';
import type { Category, HttpMethod, InputFormat, InputLocation, InputType, Operation, OperationInput } from './types';

/**
 * The catalog's words (operation labels, field labels, help, formats) are in the `ops` area of
 * the catalogs (locales/<language>/ops.json), keyed by the operation's id (`op_<id>`) and the
 * field's name (`f_<name>`, `h_<name>`, `fmt_<name>`): a field name means the same everywhere.
 * They are read when shown, in the language of the moment, and the service worker's script
 * carries none of them.
 */
const words = textsOf('ops') as unknown as (key: string) => string;

type FieldExtra = Pick<OperationInput, 'options' | 'minimum' | 'maximum' | 'minItems' | 'maxLength' | 'format' | 'shape'> & {
  /** The field has a line of help, `h_<name>` in the catalogs. */
  help?: true;
};

/**
 * Most characters a text value may have, unless a field says otherwise: enough for any id, link
 * or list of numbers in a URL, and for the longest WhatsApp text (65,536) in a body. Files (URLs,
 * base64, data URLs) are bounded by the upload limit instead (file-payload.ts).
 */
export const DEFAULT_MAX_LENGTH: Record<InputLocation, number> = { path: 1024, query: 4096, body: 65_536 };

export function field(name: string, location: InputLocation, type: InputType, required: boolean, extra: FieldExtra = {}): OperationInput {
  const textual = type === 'string' || type === 'string[]' || type === 'recipients';
  const { help, ...limits } = extra;
  const input: OperationInput = {
    name,
    in: location,
    type,
    required,
    get label() {
      return words(`f_${name}`);
    },
    ...(textual && { maxLength: DEFAULT_MAX_LENGTH[location] }),
    ...limits,
  };
  if (help) Object.defineProperty(input, 'help', { get: () => words(`h_${name}`), enumerable: true });
  return input;
}

/** A form a text value must have; `fmt_<key>` completes "<label> must be …" in the catalogs. */
export function format(key: string, pattern: RegExp): InputFormat {
  return {
    pattern,
    get description() {
      return words(`fmt_${key}`);
    },
  };
}

/** WARest session ids (README of ../shared/warest, fact 6). */
export const SESSION_ID_FORMAT = format('sessionId', /^[A-Za-z0-9._-]{1,64}$/);

/**
 * A web address the server will call or fetch (openapi `format: uri`). Stricter than a URI: only
 * http(s), which is what a webhook or a media link can be.
 */
export const WEB_ADDRESS_FORMAT = format('web', /^https?:\/\/[^\s/?#]+[^\s]*$/i);

/** A phone number as WARest's pairing takes it: digits only, with the country code. */
export const PHONE_DIGITS_FORMAT = format('phone', /^\d{8,15}$/);

/** Fields that recur across many operations, written once. */
export const sessionField = (location: InputLocation, required = true) =>
  field('sessionId', location, 'string', required, { maxLength: 64, format: SESSION_ID_FORMAT });
export const groupField = (location: InputLocation) =>
  field('groupId', location, 'string', true, { help: true });
export const recipientField = field('to', 'body', 'recipients', true, {
  help: true,
});
export const participantsField = field('participants', 'body', 'string[]', true, {
  help: true,
  minItems: 1,
});
/** Options every send route accepts. */
export const sendOptionFields: readonly OperationInput[] = [
  field('presence', 'body', 'boolean', false),
  field('replyMessageId', 'body', 'string', false),
  field('isForwarded', 'body', 'boolean', false),
];

export interface OperationSpec<Id extends string = string> {
  /** Kept as its literal, so the catalog's ids make the type OperationId. */
  id: Id;
  method: HttpMethod;
  path: string;
  inputs: readonly OperationInput[];
  destructive?: boolean;
  adminOnly?: boolean;
  /** The route answers without a key (ping). */
  noAuth?: boolean;
  /** A send: its `to` input is a recipient that WARest's anti-spam guard spaces sends to. */
  send?: boolean;
  /** The route also takes multipart uploads of its file inputs. */
  multipart?: boolean;
  /** The route has body inputs but accepts an empty body. */
  bodyOptional?: boolean;
}

/**
 * Builds a category's operations, deriving what follows from the inputs. The ids are inferred as
 * literals (`Id` is bounded by string), so each category's operations carry their own ids' union.
 */
export function defineOperations<Id extends string>(category: Category, specs: readonly OperationSpec<Id>[]): readonly Operation<Id>[] {
  return specs.map((spec) => {
    if (spec.send && !spec.inputs.some((input) => input.name === 'to')) throw new Error(`${spec.id}: a send needs a "to" input`); // i18n-exempt: catalog error for developers, thrown at load
    const hasBody = spec.inputs.some((input) => input.in === 'body');
    return {
      id: spec.id,
      category,
      get label() {
        return words(`op_${spec.id}`);
      },
      method: spec.method,
      path: spec.path,
      inputs: spec.inputs,
      needsSession: spec.inputs.some((input) => input.name === 'sessionId' && input.required),
      destructive: spec.destructive ?? false,
      adminOnly: spec.adminOnly ?? false,
      auth: spec.noAuth ? 'none' : 'key',
      ...(spec.send && { recipientInput: 'to' }),
      bodyEncodings: hasBody ? (spec.multipart ? ['json', 'multipart'] : ['json']) : [],
      bodyRequired: hasBody && !spec.bodyOptional,
    };
  });
}
