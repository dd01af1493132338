/**
 * WARest answers: the `{ status, code, message, results }` envelope, with the HTTP status taken
 * from codes.json for the result code (1107 → 202 with status true, 1106 → 409…), and the
 * `{ …, result }` single-object variant that some routes (chats) use.
 */
import { contract } from './spec';

/** What a handler (or the pipeline) answers; the server writes it out unchanged. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface Envelope {
  status: boolean;
  code: number;
  message: string;
  results: unknown[] | null;
}

/** The HTTP status codes.json assigns to a result code (500 for an unknown code, as a bug signal). */
export function httpStatusFor(code: number): number {
  return contract().codes.get(code)?.http ?? 500;
}

export function defaultMessageFor(code: number): string {
  return contract().codes.get(code)?.message ?? 'Unexpected server error';
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** An envelope answer; `status` is true exactly when the code's HTTP status is a success. */
export function envelope(code: number, message: string = defaultMessageFor(code), results: unknown[] | null = null): Reply {
  const http = httpStatusFor(code);
  const body: Envelope = { status: http < 400, code, message, results };
  return jsonReply(http, body);
}

/** The single-object variant (`result` instead of `results`) the spec gives the chat routes. */
export function singleResult(code: number, message: string, result: unknown): Reply {
  const http = httpStatusFor(code);
  return jsonReply(http, { status: http < 400, code, message, result });
}

/** Success with code 1000 and the given results. */
export function ok(message: string, results: unknown[] | null): Reply {
  return envelope(1000, message, results);
}

/** Which envelope an error goes out in: `results` (most routes) or the chat routes' single `result`. */
export type EnvelopeShape = 'results' | 'result';

/**
 * Thrown by handlers and guards to answer with an error envelope; the pipeline turns it into a
 * Reply. `results` is null on errors unless a route documents otherwise (webhook preflight);
 * with shape 'result' the body carries `result: null` instead.
 */
export class ApiError extends Error {
  readonly code: number;
  readonly results: unknown[] | null;
  readonly shape: EnvelopeShape;

  constructor(code: number, message: string = defaultMessageFor(code), results: unknown[] | null = null, shape: EnvelopeShape = 'results') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.results = results;
    this.shape = shape;
  }

  toReply(): Reply {
    return this.shape === 'result' ? singleResult(this.code, this.message, null) : envelope(this.code, this.message, this.results);
  }
}
