import { safeParse } from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { campaignFilesItem, readChecked, settingsItem, storageNoticesItem, versionChecksItem, DEFAULT_SETTINGS } from '@/lib/storage';
import { int, num, record } from '@/lib/schema';
import * as v from 'valibot';

/**
 * The rules lib/schema.ts puts back where valibot's defaults are looser than the zod schemas
 * these items were first written with: a list is not a record, and a number is finite.
 */

beforeEach(() => {
  fakeBrowser.reset();
});

describe('schema rules', () => {
  it('a record refuses a list (valibot alone would read [a, b] as {0: a, 1: b})', () => {
    expect(safeParse(record(v.string(), num()), [1, 2]).success).toBe(false);
    expect(safeParse(record(v.string(), num()), { a: 1 }).output).toEqual({ a: 1 });
    expect(safeParse(versionChecksItem.schema, [1, 2]).success).toBe(false);
    expect(safeParse(campaignFilesItem.schema, [{ kind: 'file', name: 'a', type: 't', base64: '' }]).success).toBe(false);
  });

  it('numbers are finite, whole numbers safe', () => {
    expect(safeParse(num(), Number.POSITIVE_INFINITY).success).toBe(false);
    expect(safeParse(num(), Number.NaN).success).toBe(false);
    expect(safeParse(num(), 1.5).success).toBe(true);
    expect(safeParse(int(), 1.5).success).toBe(false);
    expect(safeParse(int(), 2 ** 60).success).toBe(false);
    expect(safeParse(settingsItem.schema, { ...DEFAULT_SETTINGS, pollIntervalSec: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it('a record item stored as a list counts as damaged: reset, with a notice', async () => {
    await fakeBrowser.storage.local.set({ versionChecks: [5, 6] });
    expect(await readChecked(versionChecksItem)).toEqual({});
    expect((await readChecked(storageNoticesItem)).map((n) => n.key)).toEqual(['local:versionChecks']);
  });
});
