import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';
import { defineCheckedItem, migrationProblem, readChecked, type MigrationStep } from '@/lib/storage';
import oldValue from './fixtures/test-thing.v1.json';

/**
 * The mechanism a real migration will use (no real item needs one yet: see
 * lib/storage/migrations/README.md): WXT's `storage.defineItem` with `version` and `migrations`,
 * through `defineCheckedItem`, run on a stored fixture of the old value. The steps below belong
 * to a test-only item (`local:testThing`); they ship nowhere.
 */

beforeEach(() => {
  fakeBrowser.reset();
});

const KEY = 'local:testThing';
interface V1 { title: string; tags: string }
interface V2 { title: string; tags: string[] }
interface V3 { name: string; tags: string[] }
const v2: MigrationStep = (old: V1): V2 => ({ title: old.title, tags: old.tags.split(',').filter(Boolean) });
const v3: MigrationStep = (old: V2): V3 => ({ name: old.title, tags: old.tags });
const v3Schema = v.object({ name: v.string(), tags: v.array(v.string()) });

async function storeAs(value: unknown, version: number): Promise<void> {
  await fakeBrowser.storage.local.set({ testThing: value, ...(version > 1 && { testThing$: { v: version } }) });
}

describe('migrations through defineCheckedItem', () => {
  it('runs every step from the stored version up, once, and records the new version', async () => {
    await storeAs(oldValue, 1);
    const item = defineCheckedItem<V3>(KEY, v3Schema, { name: '', tags: [] }, 'the test thing', { version: 3, migrations: { 2: v2, 3: v3 } });
    expect(await readChecked(item)).toEqual({ name: 'Shop', tags: ['a', 'b'] });
    expect(await storage.getMeta(KEY)).toEqual({ v: 3 });
    expect(await storage.getItem(KEY)).toEqual({ name: 'Shop', tags: ['a', 'b'] });
  });

  it('starts from the stored version: a v2 value only goes through v3', async () => {
    await storeAs({ title: 'Cafe', tags: ['x'] }, 2);
    let ranV2 = false;
    const item = defineCheckedItem<V3>(KEY, v3Schema, { name: '', tags: [] }, 'the test thing', {
      version: 3,
      migrations: { 2: (old: V1) => ((ranV2 = true), v2(old)), 3: v3 },
    });
    expect(await readChecked(item)).toEqual({ name: 'Cafe', tags: ['x'] });
    expect(ranV2).toBe(false);
  });

  it('refuses a version whose steps are not exactly 2…version (WXT would skip a missing one silently)', () => {
    expect(migrationProblem(1, {})).toBeNull();
    expect(migrationProblem(3, { 2: v2, 3: v3 })).toBeNull();
    expect(migrationProblem(3, { 3: v3 })).toMatch(/needs one migration step for each of \[2, 3\], has \[3\]/);
    expect(migrationProblem(1, { 2: v2 })).toMatch(/has \[2\]/);
    expect(migrationProblem(0, {})).toMatch(/at least 1/);
    expect(() => defineCheckedItem(KEY, v3Schema, { name: '', tags: [] }, 'the test thing', { version: 3, migrations: { 3: v3 } })).toThrow(/local:testThing/);
  });
});
