import { browser } from 'wxt/browser';

/**
 * A typed value under one key of chrome.storage, with a schema version and its migrations, in
 * the format WXT's storage (wxt/utils/storage) uses, so values saved by earlier versions of the
 * extension read the same: the value at `<key>`, the version at `<key>$` as `{ v: N }` (no
 * marker: version 1). It replaces WXT's item, of which the extension used this part only
 * (value, version, migrations, watch), at a quarter of its size in the service worker and in
 * every page (tests/unit/storage/item.test.ts checks it against WXT's own, key by key).
 *
 * Migrations run once, before the item's first read or write: step N reads the value stored at version N-1
 * and answers it at version N; the value and the marker are then written together. Every read
 * and write waits for them. A marker newer than the code is left alone (and reported to the
 * console); lib/storage/checked.ts treats such a value as damaged.
 */

export type StorageArea = 'local' | 'session';
export type StorageKey = `${StorageArea}:${string}`;
type Meta = Record<string, unknown>;

export interface StorageItem<T> {
  /** `<area>:<key>`, as given. */
  readonly key: StorageKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** The version marker's fields (`{ v: N }`), `{}` when there is none. */
  getMeta(): Promise<Meta>;
  /** Called with each change of the stored value (the fallback standing for none); answers how to stop. */
  watch(callback: (next: T, previous: T) => void): () => void;
}

export interface ItemOptions<T> {
  fallback: T;
  version?: number;
  migrations?: Record<number, (old: any) => any>;
}

const metaOf = (value: unknown): Meta => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Meta) : {});
// Stored values are JSON: equal JSON is the same value, and a write of it is no change.
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function defineItem<T>(key: StorageKey, { fallback, version = 1, migrations = {} }: ItemOptions<T>): StorageItem<T> {
  const colon = key.indexOf(':');
  const name = key.slice(colon + 1);
  const metaName = `${name}$`;
  const area = () => browser.storage[key.slice(0, colon) as StorageArea];
  const orFallback = (value: unknown) => (value ?? fallback) as T;
  // Whether nothing (no value, no marker) was stored when the item was defined: the first write
  // then records the version too, so a later migration knows what it reads.
  let needsVersion = false;

  const migrate = async (): Promise<void> => {
    const found = await area().get([name, metaName]);
    const value = found[name];
    const meta = metaOf(found[metaName]);
    needsVersion = value == null && meta.v == null;
    if (value == null) return;
    const stored = typeof meta.v === 'number' ? meta.v : 1;
    // A downgrade: the value stays as the newer version wrote it (checked.ts reports it).
    if (stored > version) throw new Error(`version downgrade (v${stored} -> v${version}) for "${key}"`); // i18n-exempt: for the console
    if (stored === version) return;
    let next: unknown = value;
    for (let step = stored + 1; step <= version; step++) next = (await migrations[step]?.(next)) ?? next;
    await area().set({ [name]: next, [metaName]: { ...meta, v: version } });
  };
  // On first use, before that use: defining an item reads nothing.
  let migration: Promise<void> | undefined;
  const migrated = () =>
    (migration ??= migrate().catch((error: unknown) => {
      console.error(`WARest Companion: migration failed for ${key}`, error instanceof Error ? error.message : error);
    }));

  return {
    key,
    fallback,
    async getValue() {
      await migrated();
      return orFallback((await area().get(name))[name]);
    },
    async setValue(value) {
      await migrated();
      if (value == null) return void (await area().remove(name));
      if (needsVersion) {
        needsVersion = false;
        const meta = metaOf((await area().get(metaName))[metaName]);
        await area().set({ [name]: value, [metaName]: { ...meta, v: version } });
      } else {
        await area().set({ [name]: value });
      }
    },
    async removeValue() {
      await migrated();
      await area().remove(name);
    },
    async getMeta() {
      await migrated();
      return metaOf((await area().get(metaName))[metaName]);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        if (change && !same(change.newValue, change.oldValue)) callback(orFallback(change.newValue), orFallback(change.oldValue));
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}
