import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { defineItem, type StorageItem } from '@/lib/storage/item';

/**
 * lib/storage/item.ts stores exactly what WXT's storage items stored (values saved by earlier
 * versions must read the same): each scenario runs against both, and the raw storage after it
 * must be equal, key by key.
 */

type Define = <T>(key: `local:${string}`, options: { fallback: T; version?: number; migrations?: Record<number, (old: any) => any> }) => Pick<StorageItem<T>, 'getValue' | 'setValue' | 'getMeta' | 'removeValue' | 'watch'>;
const ours: Define = (key, options) => defineItem(key, options);
const wxts: Define = (key, options) => storage.defineItem(key, { ...options, migrations: options.migrations ?? {} }) as never;

async function raw(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

async function both(scenario: (define: Define) => Promise<unknown>): Promise<{ ours: [unknown, Record<string, unknown>]; wxt: [unknown, Record<string, unknown>] }> {
  await fakeBrowser.storage.local.clear();
  const a = await scenario(ours);
  const rawOurs = await raw();
  await fakeBrowser.storage.local.clear();
  const b = await scenario(wxts);
  return { ours: [a, rawOurs], wxt: [b, await raw()] };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a storage item', () => {
  it('answers the fallback for nothing stored, and its first write records the version', async () => {
    const run = await both(async (define) => {
      const item = define('local:thing', { fallback: { n: 0 }, version: 2, migrations: { 2: (old) => old } });
      const before = await item.getValue();
      await item.setValue({ n: 1 });
      return [before, await item.getValue(), await item.getMeta()];
    });
    expect(run.ours).toEqual(run.wxt);
    expect(run.ours[1]).toEqual({ thing: { n: 1 }, thing$: { v: 2 } });
  });

  it('migrates a value saved at an older version once, step by step, value and marker together', async () => {
    const run = await both(async (define) => {
      await fakeBrowser.storage.local.set({ thing: { name: 'Shop' } });
      const steps = { 2: (old: { name: string }) => ({ ...old, tags: [] }), 3: (old: { name: string; tags: string[] }) => ({ ...old, tags: [...old.tags, 'a'] }) };
      const item = define('local:thing', { fallback: { name: '', tags: [] as string[] }, version: 3, migrations: steps });
      return item.getValue();
    });
    expect(run.ours).toEqual(run.wxt);
    expect(run.ours[1]).toEqual({ thing: { name: 'Shop', tags: ['a'] }, thing$: { v: 3 } });
  });

  it('leaves a value saved by a newer version as it is', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const run = await both(async (define) => {
      await fakeBrowser.storage.local.set({ thing: 'from v5', thing$: { v: 5 } });
      const item = define('local:thing', { fallback: '', version: 2, migrations: { 2: () => 'migrated' } });
      return [await item.getValue(), await item.getMeta()];
    });
    expect(run.ours).toEqual(run.wxt);
    expect(run.ours[0]).toEqual(['from v5', { v: 5 }]);
  });

  it('removes its value, keeping the marker', async () => {
    const run = await both(async (define) => {
      const item = define('local:thing', { fallback: 'none', version: 1 });
      await item.setValue('x');
      await item.removeValue();
      return item.getValue();
    });
    expect(run.ours).toEqual(run.wxt);
    expect(run.ours[0]).toBe('none');
  });

  it('tells watchers about changes, with the fallback for none, and not about a write of the same value', async () => {
    const seen: unknown[] = [];
    const item = defineItem('local:thing', { fallback: 'none' });
    const stop = item.watch((next, previous) => seen.push([next, previous]));
    await item.setValue('a');
    await item.setValue('a');
    await item.removeValue();
    stop();
    await item.setValue('b');
    expect(seen).toEqual([['a', 'none'], ['none', 'a']]);
  });

  it('keeps a session item in the session area', async () => {
    const item = defineItem('session:backoff', { fallback: {} as Record<string, number> });
    await item.setValue({ main: 2 });
    expect(await fakeBrowser.storage.session.get('backoff')).toEqual({ backoff: { main: 2 } });
    expect(await fakeBrowser.storage.local.get('backoff')).toEqual({});
  });
});
