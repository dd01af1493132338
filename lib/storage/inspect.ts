import { safeParse } from 'valibot';
import { browser } from 'wxt/browser';
import type { CheckedItem } from './define';
import { jsonSize } from './limits';

/**
 * Whether a stored item is sound: its value's size and shape, and its version marker. Shared by
 * the readers (checked.ts) and the repair (repair.ts).
 */

export type StorageProblem =
  | { kind: 'invalid' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'newer-version'; storedVersion: number }
  /** The version marker is junk; the value itself is fine and is kept. */
  | { kind: 'marker' };

export type Verdict<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem; value?: T };

export interface Stored {
  value: unknown;
  meta: unknown;
}

/** Checks a value alone (no version marker): size first, so a huge value is never parsed. */
export function inspectValue<T>(checked: CheckedItem<T>, value: unknown): Verdict<T> {
  if (value === undefined || value === null) return { ok: true, value: checked.fallback };
  const bytes = jsonSize(value);
  if (bytes > checked.maxBytes) return { ok: false, problem: { kind: 'too-large', bytes } };
  const parsed = safeParse(checked.schema, value);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, problem: { kind: 'invalid' } };
}

/** The version a marker says, as WXT reads it (none = 1); undefined when the marker is junk. */
function markerVersion(meta: unknown): number | undefined {
  if (meta === undefined || meta === null) return 1;
  if (typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  const v = (meta as { v?: unknown }).v;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}

export function inspectStored<T>(checked: CheckedItem<T>, stored: Stored): Verdict<T> {
  const version = markerVersion(stored.meta);
  if (version !== undefined && version > checked.version) return { ok: false, problem: { kind: 'newer-version', storedVersion: version } };
  const verdict = inspectValue(checked, stored.value);
  if (!verdict.ok || version !== undefined) return verdict;
  return { ok: false, problem: { kind: 'marker' }, value: verdict.value };
}

export async function readStored(checked: CheckedItem<unknown>): Promise<Stored> {
  await checked.ready();
  const key = checked.storageKey;
  const found = await browser.storage.local.get([key, `${key}$`]);
  return { value: found[key], meta: found[`${key}$`] };
}
