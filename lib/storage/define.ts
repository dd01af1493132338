import { defineItem, type StorageItem } from './item';
import type { Schema } from '../schema';
import { MB } from './limits';
import { textsOf } from '../i18n';

const t = textsOf('status');

/**
 * How a stored item is described: one file per item in lib/storage/items/ defines it with
 * `defineCheckedItem` (its key, schema, fallback, name for people, version, size), and
 * lib/storage/checked.ts checks it whenever it is read or seen changing.
 *
 * How versions are kept (lib/storage/item.ts, in WXT's storage format): an item's schema version
 * lives in a second key, `<key>$`, as `{ v: N }` (no marker means version 1). Migrations run once,
 * before the item's first read or write, one step per version: step N reads the value stored at
 * version N-1 and answers it at version N. A marker higher than the code knows leaves the value
 * as it is; here such a value counts as damaged (lib/storage/checked.ts).
 *
 * Migrations are one file per step, `lib/storage/migrations/<item>/v<N>.ts`, and the item passes
 * them as `migrations: { 2: v2, 3: v3, … }`. A missing step would be skipped silently (the value
 * stays as it was, under the new version), so a definition whose steps are not exactly 2…version
 * is refused here, when the item is defined.
 */

/** A storage item together with the schema its value must satisfy. */
export interface CheckedItem<T> {
  item: StorageItem<T>;
  schema: Schema<T>;
  fallback: T;
  /** How to name this item to a person when it was damaged, in the current language. */
  readonly description: string;
  /** Its key in chrome.storage.local (without the "local:" area). */
  storageKey: string;
  /** The schema version this code reads and writes. */
  version: number;
  /** More than this (JSON length) can only be damage. */
  maxBytes: number;
  /** Resolves once this item's migrations have run. */
  ready(): Promise<void>;
}

/** One migration step: the value as version N-1 stored it, answered as version N stores it. */
export type MigrationStep = (old: any) => any;

export interface CheckedItemOptions {
  /** The schema version this code reads and writes; 1 (the default) until a migration exists. */
  version?: number;
  /** One step per version after 1: `{ 2: v2, …, [version]: vN }`, from lib/storage/migrations/<item>/. */
  migrations?: Record<number, MigrationStep>;
  /** The most this item can legitimately hold (JSON length); default 1 MB. */
  maxBytes?: number;
}

/** Why a version and its steps do not fit together (steps must be exactly 2…version), or null. */
export function migrationProblem(version: number, migrations: Record<number, MigrationStep>): string | null {
  // i18n-exempt: developer error, thrown when an item is defined wrongly in the code
  if (!Number.isInteger(version) || version < 1) return `version ${version} is not a whole number of at least 1`;
  const have = Object.keys(migrations).map(Number).sort((a, b) => a - b);
  const want = Array.from({ length: version - 1 }, (_, i) => i + 2);
  if (have.length === want.length && have.every((v, i) => v === want[i] && typeof migrations[v] === 'function')) return null;
  // i18n-exempt: developer error, thrown when an item is defined wrongly in the code
  return `version ${version} needs one migration step for each of [${want.join(', ')}], has [${have.join(', ')}]`;
}

/* @__NO_SIDE_EFFECTS__ */
export function defineCheckedItem<T>(
  key: `local:${string}`,
  schema: Schema<T>,
  fallback: T,
  /** The item's name for a person: its key in the status area (`itemSettings`, locales/). */
  name: string,
  options: CheckedItemOptions = {},
): CheckedItem<T> {
  const version = options.version ?? 1;
  const migrations = options.migrations ?? {};
  const problem = migrationProblem(version, migrations);
  if (problem) throw new Error(`Stored item ${key}: ${problem}.`); // i18n-exempt: developer error (see migrationProblem)
  // Defined on first use, so a page reads only the items it uses, not every one it imports.
  let item: StorageItem<T> | undefined;
  const defined = () => (item ??= defineItem<T>(key, { fallback, version, migrations }));
  let ready: Promise<void> | undefined;
  return {
    get item() {
      return defined();
    },
    schema,
    fallback,
    get description() {
      return t(name as Parameters<typeof t>[0]);
    },
    storageKey: key.slice('local:'.length),
    version,
    maxBytes: options.maxBytes ?? 1 * MB,
    // A version-1 item has no step to wait for (the check at version 1 never changes the value),
    // so reading it is one storage read, not three in a row.
    ready: () => (version === 1 ? Promise.resolve() : (ready ??= defined().getMeta().then(
      () => undefined,
      () => undefined,
    ))),
  };
}
