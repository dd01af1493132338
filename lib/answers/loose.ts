/**
 * The one set of loose readers that every reader of WARest's answers uses (lib/answers/*).
 *
 * A server version may add, drop, rename or retype any field, and a proxy may answer with
 * something else entirely: each reader takes `unknown`, never throws, and answers either a value
 * of one type or `undefined`, which always means "the answer does not say" (so `??` picks the
 * next place to look). Nothing here imports anything: it is plain logic.
 *
 * The truth table (tests/unit/answers/loose.test.ts checks it row by row; "–" is undefined):
 *
 * | value                | record | list | text      | verbatim  | textOrNumber | flag  | count | num  |
 * | -------------------- | ------ | ---- | --------- | --------- | ------------ | ----- | ----- | ---- |
 * | undefined, null      | –      | –    | –         | –         | –            | –     | –     | –    |
 * | { a: 1 }             | it     | –    | –         | –         | –            | –     | –     | –    |
 * | [1, 2]               | –      | it   | –         | –         | –            | –     | –     | –    |
 * | 'Core Team'          | –      | –    | it        | it        | it           | –     | –     | –    |
 * | '  Core Team \n'     | –      | –    | 'Core Team' | as is   | 'Core Team'  | –     | –     | –    |
 * | '', '   '            | –      | –    | –         | –         | –            | –     | –     | –    |
 * | true                 | –      | –    | –         | –         | –            | true  | –     | –    |
 * | 'true'               | –      | –    | 'true'    | 'true'    | 'true'       | true  | –     | –    |
 * | false                | –      | –    | –         | –         | –            | false | –     | –    |
 * | 'false'              | –      | –    | 'false'   | 'false'   | 'false'      | false | –     | –    |
 * | 1                    | –      | –    | –         | –         | '1'          | true  | 1     | 1    |
 * | 0                    | –      | –    | –         | –         | '0'          | false | 0     | 0    |
 * | 12.7                 | –      | –    | –         | –         | '12.7'       | –     | 12    | 12.7 |
 * | -3                   | –      | –    | –         | –         | '-3'         | –     | –     | -3   |
 * | ' 42 '               | –      | –    | '42'      | ' 42 '    | '42'         | –     | 42    | 42   |
 * | 'lots', '1e999'      | –      | –    | it        | it        | it           | –     | –     | –    |
 * | NaN, Infinity        | –      | –    | –         | –         | –            | –     | –     | –    |
 *
 * In words: `record` is a plain object (never an array or null); `list` is an array; `text` is a
 * string with something other than white space in it, trimmed; `verbatim` is the same string as
 * it came (message bodies, where leading spaces and line breaks are the writer's); `textOrNumber`
 * is `text`, or a finite number written out; `flag` is a yes/no given as a boolean, as "true" or
 * "false", or as 1 or 0; `count` is a whole number of things (not negative; a numeric string
 * counts, a fraction is rounded down); `num` is any finite number, or a numeric string.
 *
 * Phone numbers: `phoneDigits` reads the digits of a person's number from "6281…", "+6281…",
 * 6281… (a number), and a person's JID "6281…@s.whatsapp.net" / "@c.us" / "@whatsapp.net", with
 * or without a device suffix (":12"). A LID ("…@lid"), a group ("…@g.us"), a broadcast list or a
 * newsletter is not a phone number, nor is anything outside 5 to 20 digits.
 */

export type Loose = Record<string, unknown>;

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a plain object (see the truth table). */
export function record(value: unknown): Loose | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value when it is an array. */
export function list(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A string with something other than white space in it, trimmed. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Like `text`, but the string as it came, white space included (message bodies). */
export function verbatim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** `text`, or a finite number written out (for what is only shown: a name sent as 12 reads "12"). */
export function textOrNumber(value: unknown): string | undefined {
  return text(value) ?? (typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined);
}

/** A yes/no: true, "true" or 1; false, "false" or 0; anything else does not say. */
export function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true' || value === 1) return true;
  if (value === false || value === 'false' || value === 0) return false;
  return undefined;
}

/** Any finite number, also written as a string ("42", " 4.5 "). */
export function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A whole number of things: `num`, not negative, rounded down. */
export function count(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && n >= 0 ? Math.floor(n) : undefined;
}

const PERSON = /^\+?(\d{5,20})(?::\d+)?(?:@(?:s\.whatsapp\.net|c\.us|whatsapp\.net))?$/i;

/** The digits of a person's phone number, from digits, "+digits" or a person's JID (see above). */
export function phoneDigits(value: unknown): string | undefined {
  const raw = typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : text(value);
  return raw ? PERSON.exec(raw)?.[1] : undefined;
}

// ---- The envelope ---------------------------------------------------------------------------

/**
 * What the readers take: the client's success (its `results`, or the single `result` that the
 * chat routes send), or the bare `results` list. Anything else reads as an empty answer.
 */
export type AnswerLike = AnswerEnvelope | readonly unknown[] | null | undefined;

/** The client's success (lib/warest/api-result.ts ApiSuccess) as far as the readers look at it. */
export interface AnswerEnvelope {
  readonly results?: readonly unknown[];
  /** Routes that answer with a single `result` object (chats). */
  readonly result?: unknown;
  // The rest of a success, not read here (named so that a whole success may be passed as it is).
  readonly ok?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly rateLimit?: unknown;
  readonly latencyMs?: unknown;
}

/** The answer's results; an answer with one `result` object counts it as the only one. */
export function resultsOf(answer: AnswerLike): readonly unknown[] {
  if (Array.isArray(answer)) return answer;
  const envelope = answer as { results?: unknown; result?: unknown } | null | undefined;
  const results = Array.isArray(envelope?.results) ? (envelope.results as unknown[]) : [];
  if (results.length) return results;
  return envelope?.result !== undefined ? [envelope.result] : [];
}

/** `results[0]` (or the single `result`) when it is a plain object: the useful part of most answers. */
export function firstOf(answer: AnswerLike): Loose | undefined {
  return record(resultsOf(answer)[0]);
}
