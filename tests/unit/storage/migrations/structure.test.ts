import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedItems } from '@/lib/storage/guard-all';

/**
 * The storage tree's shape (lib/storage/migrations/README.md): one file per stored item in
 * lib/storage/items/, and for an item at version N exactly the steps v2…vN in
 * lib/storage/migrations/<item>/, each with a fixture of the old value and a test of its own.
 */

const ROOT = join(__dirname, '../../../..');
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const listed = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('one file per stored item', () => {
  it.each(checkedItems.map((c) => [c.storageKey, c] as const))('%s is defined in lib/storage/items/<item>.ts', (storageKey) => {
    expect(existsSync(join(ROOT, 'lib/storage/items', `${kebab(storageKey)}.ts`))).toBe(true);
  });

  it('and no item file is left out of the watch', () => {
    const files = listed(join(ROOT, 'lib/storage/items')).filter((f) => f.endsWith('.ts'));
    expect(files).toEqual(checkedItems.map((c) => `${kebab(c.storageKey)}.ts`).sort());
  });
});

describe('one file per migration step, each tested against a fixture of the old value', () => {
  it.each(checkedItems.map((c) => [c.storageKey, c] as const))('%s', (storageKey, checked) => {
    const item = kebab(storageKey);
    const steps = Array.from({ length: checked.version - 1 }, (_, i) => i + 2);
    expect(listed(join(ROOT, 'lib/storage/migrations', item))).toEqual(steps.map((n) => `v${n}.ts`).sort());
    const tests = join(ROOT, 'tests/unit/storage/migrations', item);
    for (const n of steps) {
      expect(existsSync(join(tests, `v${n - 1}.json`)) || existsSync(join(tests, `v${n - 1}.ts`)), `fixture of the v${n - 1} value`).toBe(true);
      expect(existsSync(join(tests, `v${n}.test.ts`)), `test of step v${n}`).toBe(true);
    }
  });

  it('has no folder for an item that does not exist', () => {
    const items = new Set(checkedItems.map((c) => kebab(c.storageKey)));
    const folders = listed(join(ROOT, 'lib/storage/migrations')).filter((f) => !f.includes('.'));
    expect(folders.filter((f) => !items.has(f))).toEqual([]);
  });
});
