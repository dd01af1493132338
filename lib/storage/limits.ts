import * as v from 'valibot';
import { record, type Schema } from '../schema';
import { textsOf } from '../i18n';

const t = textsOf('status');

/**
 * How big stored things may get, and what happens at the edge: chrome.storage.local holds 10 MB
 * for the whole extension (the manifest does not ask for `unlimitedStorage`), so every item has a
 * size it can never legitimately exceed, and a write that does not fit is said in plain words.
 */

/** chrome.storage.local's quota without the `unlimitedStorage` permission. */
export const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;

/** The most of a damaged value that is kept aside under `<key>:damaged` (its JSON text, cut). */
export const DAMAGED_COPY_LIMIT = 64 * 1024;

export const KB = 1024;
export const MB = 1024 * 1024;

/**
 * The size of a value as chrome.storage.local counts it, near enough: the length of its JSON.
 * `undefined` (nothing stored) is 0. A value that cannot be serialised counts as infinite.
 */
export function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** "4.0 MB", "12 KB", "300 bytes". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return t('unmeasurable');
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`;
  return t('bytes', { n: bytes });
}

/**
 * An array schema that refuses more than `max` entries before looking at any of them, so a
 * damaged list of a million entries is rejected at once instead of collecting a million issues.
 */
/* @__NO_SIDE_EFFECTS__ */
export function boundedArray<T>(element: Schema<T>, max: number): Schema<T[]> {
  // A failed check stops the pipe before the next schema: the entries are never looked at.
  return v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(element));
}

function hasAtMostKeys(value: unknown, max: number): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return true; // the record schema says what is wrong
  let count = 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && ++count > max) return false;
  return true;
}

/** A record schema that refuses more than `max` keys before looking at any value. */
/* @__NO_SIDE_EFFECTS__ */
export function boundedRecord<T>(value: Schema<T>, max: number): Schema<Record<string, T>> {
  // i18n-exempt: a check of stored data, whose issues are never shown (inspect.ts reads only whether it passed)
  return v.pipe(v.custom<unknown>((input) => hasAtMostKeys(input, max), `More than ${max} entries.`), record(v.string(), value));
}

/** Whether a storage write failed because the extension's storage is full. */
export function isQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /quota/i.test(message);
}

/** What to tell a person when `what` could not be saved because storage is full. */
export function storageFullMessage(what: string): string {
  return t('storageFull', { max: formatBytes(STORAGE_QUOTA_BYTES), what });
}

/** A write that did not fit in the extension's storage; its message says so in plain words. */
export class StorageFullError extends Error {
  constructor(what: string) {
    super(storageFullMessage(what));
    this.name = 'StorageFullError';
  }
}
