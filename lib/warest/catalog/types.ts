/**
 * The shape of the one description of every WARest operation. The API client, the forms, the
 * context menus and the contract test all read the catalog built from these types.
 */

export const CATEGORIES = [
  'Sessions',
  'Messages - Sending',
  'Messages - Actions',
  'Chats',
  'Groups',
  'Profiles',
  'Server',
  'Misc',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * What kind of value an input takes. `recipients` is WARest's `to`: one id, a comma-separated
 * list, or an array. `file` is a URL, a data URL or base64 in JSON, or an uploaded file in
 * multipart. `json` is a structured value the user edits as JSON (objects, arrays of objects).
 */
export type InputType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'string[]'
  | 'recipients'
  | 'file'
  | 'file[]'
  | 'json';

export type InputLocation = 'path' | 'query' | 'body';

export interface OperationInput {
  name: string;
  in: InputLocation;
  type: InputType;
  required: boolean;
  label: string;
  /** The only values the server accepts, when it says so. */
  options?: readonly string[];
  /** One line of help shown under the field. */
  help?: string;
  /**
   * Limits checked before anything is sent, so a value the server would refuse never leaves.
   * Taken from the server's description where it states them (the contract test checks that
   * they agree), or from what a running server is known to enforce (README of ../shared/warest).
   */
  /** Smallest and largest value of a number input. */
  minimum?: number;
  maximum?: number;
  /** Fewest items of a list (`string[]`, a `json` array). */
  minItems?: number;
  /** Most characters of a text value, or of each text item of a list. */
  maxLength?: number;
  /** The form a text value must have, and how to say it to a person ("must be …"). */
  format?: InputFormat;
  /** For `json` inputs: whether the value is an object, an array, or either. */
  shape?: JsonShape;
}

export interface InputFormat {
  pattern: RegExp;
  /** Completes "<label> must be …", e.g. "HH:MM (24-hour, e.g. 02:30), or 0 to cancel". */
  description: string;
}

export type JsonShape = 'object' | 'array' | 'object-or-array';

/** How a request body may be encoded. Operations with file inputs can also go as multipart. */
export type BodyEncoding = 'json' | 'multipart';

export interface Operation<Id extends string = string> {
  /** The server's operationId, stable across versions. */
  id: Id;
  category: Category;
  label: string;
  method: HttpMethod;
  /** Path below the server's base URL, with `{name}` for path inputs. */
  path: string;
  inputs: readonly OperationInput[];
  /** Whether the operation acts on one WhatsApp session (takes a `sessionId`). */
  needsSession: boolean;
  /** Whether it removes or breaks something the user cannot simply undo: ask first. */
  destructive: boolean;
  /** Whether only an admin key may call it (a user key gets 403 "Admin only"). */
  adminOnly: boolean;
  /** Whether the route wants the API key; `none` (ping) answers anyone and sends no rate-limit headers. */
  auth: 'key' | 'none';
  /**
   * For sends: the input holding the recipient(s). WARest's anti-spam guard allows one send per
   * key and recipient every 3 s, so the client spaces sends to the same recipient.
   */
  recipientInput?: string;
  /** Body encodings the server accepts; empty when there is no body. */
  bodyEncodings: readonly BodyEncoding[];
  /** Whether the server requires a body at all. */
  bodyRequired: boolean;
}
