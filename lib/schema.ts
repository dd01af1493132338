import * as v from 'valibot';

/**
 * The few schema pieces the stored items (lib/storage/items/) and the messaging protocol
 * (lib/messaging/protocol.ts) share. Valibot is used for its size: only the functions a page
 * uses end up in it. Where valibot's defaults are looser than what these schemas promised
 * (they were written for zod), the helpers here put the stricter rule back.
 */

/** A schema whose output is T, whatever it accepts. */
export type Schema<T> = v.GenericSchema<unknown, T>;

/** A finite number: valibot's number() alone lets Infinity through. */
export const num = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.number(), v.finite());

/** A whole number within the safe range (what zod's int() checked). */
export const int = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.number(), v.safeInteger());

function isPlainObjectLike(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Refuses arrays before an object or a record schema sees them: valibot's take arrays as objects. */
// i18n-exempt: worded like valibot's own (English) type messages; only a page's bug sends an array here
export const notArray = /* @__NO_SIDE_EFFECTS__ */ () => v.custom<Record<string, unknown>>(isPlainObjectLike, 'Invalid type: Expected Object');

/** A record that refuses arrays (valibot's record alone reads `[a, b]` as `{0: a, 1: b}`). */
/* @__NO_SIDE_EFFECTS__ */
export function record<K extends v.GenericSchema<string, string>, T extends v.GenericSchema>(key: K, value: T) {
  return v.pipe(notArray(), v.record(key, value));
}
