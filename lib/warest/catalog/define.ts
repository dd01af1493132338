import type { Category, HttpMethod, InputLocation, InputType, Operation, OperationInput } from './types';

type FieldExtra = Pick<OperationInput, 'options' | 'help' | 'minimum' | 'maximum' | 'minItems' | 'maxLength' | 'format' | 'shape'>;

/**
 * Most characters a text value may have, unless a field says otherwise: enough for any id, link
 * or list of numbers in a URL, and for the longest WhatsApp text (65,536) in a body. Files (URLs,
 * base64, data URLs) are bounded by the upload limit instead (file-payload.ts).
 */
export const DEFAULT_MAX_LENGTH: Record<InputLocation, number> = { path: 1024, query: 4096, body: 65_536 };

export function field(name: string, location: InputLocation, type: InputType, required: boolean, label: string, extra: FieldExtra = {}): OperationInput {
  const textual = type === 'string' || type === 'string[]' || type === 'recipients';
  return { name, in: location, type, required, label, ...(textual && { maxLength: DEFAULT_MAX_LENGTH[location] }), ...extra };
}

/** WARest session ids (README of ../shared/warest, fact 6). */
export const SESSION_ID_FORMAT = {
  pattern: /^[A-Za-z0-9._-]{1,64}$/,
  description: '1 to 64 characters: letters, digits, dots (.), underscores (_) or hyphens (-), without spaces or slashes',
};

/**
 * A web address the server will call or fetch (openapi `format: uri`). Stricter than a URI: only
 * http(s), which is what a webhook or a media link can be.
 */
export const WEB_ADDRESS_FORMAT = {
  pattern: /^https?:\/\/[^\s/?#]+[^\s]*$/i,
  description: 'a web address starting with http:// or https://',
};

/** A phone number as WARest's pairing takes it: digits only, with the country code. */
export const PHONE_DIGITS_FORMAT = {
  pattern: /^\d{8,15}$/,
  description: 'digits only, with the country code (8 to 15 digits), e.g. 6281234567890',
};

/** Fields that recur across many operations, written once. */
export const sessionField = (location: InputLocation, required = true) =>
  field('sessionId', location, 'string', required, 'Session', { maxLength: 64, format: SESSION_ID_FORMAT });
export const groupField = (location: InputLocation) =>
  field('groupId', location, 'string', true, 'Group', { help: 'Group ID or JID, e.g. 1203630…@g.us' });
export const recipientField = field('to', 'body', 'recipients', true, 'Recipient', {
  help: 'Phone number, JID or LID; several separated by commas',
});
export const participantsField = field('participants', 'body', 'string[]', true, 'Participants', {
  help: 'Phone numbers or JIDs',
  minItems: 1,
});
/** Options every send route accepts. */
export const sendOptionFields: readonly OperationInput[] = [
  field('presence', 'body', 'boolean', false, 'Show typing first'),
  field('replyMessageId', 'body', 'string', false, 'Reply to message ID'),
  field('isForwarded', 'body', 'boolean', false, 'Mark as forwarded'),
];

export interface OperationSpec<Id extends string = string> {
  /** Kept as its literal, so the catalog's ids make the type OperationId. */
  id: Id;
  label: string;
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
    if (spec.send && !spec.inputs.some((input) => input.name === 'to')) throw new Error(`${spec.id}: a send needs a "to" input`);
    const hasBody = spec.inputs.some((input) => input.in === 'body');
    return {
      id: spec.id,
      category,
      label: spec.label,
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
