import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  apiKeysItem,
  composeDraftsItem,
  focusItem,
  jobsItem,
  loginItem,
  profilesItem,
  readChecked,
  recentRecipientsItem,
  settingsItem,
  snapshotsItem,
  storageNoticesItem,
  versionChecksItem,
  type CheckedItem,
  type StorageNotice,
} from '@/lib/storage';

/**
 * Every stored item, damaged every way a person or a bug can damage it: the wrong type, the
 * wrong shape, far too large, a huge junk list, and a version marker from a newer release.
 * Each read answers the fallback at once, leaves exactly one notice naming the item, keeps a
 * bounded copy aside, and resets the item (and its marker).
 */

const items: Array<[string, CheckedItem<any>]> = [
  ['profiles', profilesItem],
  ['apiKeys', apiKeysItem],
  ['settings', settingsItem],
  ['storageNotices', storageNoticesItem],
  ['sessionSnapshots', snapshotsItem],
  ['loginInProgress', loginItem],
  ['popupFocus', focusItem],
  ['versionChecks', versionChecksItem],
  ['jobs', jobsItem],
  ['recentRecipients', recentRecipientsItem],
  ['composeDrafts', composeDraftsItem],
];

const FOUR_MB = 'x'.repeat(4 * 1024 * 1024);
const MILLION = Array.from({ length: 1_000_000 }, () => 0);

function wrongShape(checked: CheckedItem<unknown>): unknown {
  return Array.isArray(checked.fallback) ? [{ bogus: true }] : { bogus: [1] };
}

const damages: Array<[string, (checked: CheckedItem<unknown>) => unknown]> = [
  ['the wrong type (a string)', () => 'damaged!'],
  ['the wrong type (a number)', () => 42],
  ['the wrong shape', wrongShape],
  ['a 4 MB string', () => FOUR_MB],
  ['a list of a million entries', () => MILLION],
];

beforeEach(() => {
  fakeBrowser.reset();
});

async function raw(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

async function notices(): Promise<StorageNotice[]> {
  return ((await raw('storageNotices')) as StorageNotice[] | undefined) ?? [];
}

function keyOf(checked: CheckedItem<unknown>): string {
  return checked.item.key.slice('local:'.length);
}

/** The size of what is kept aside: never the whole of a huge value. */
async function copySize(key: string): Promise<number> {
  const copy = await raw(`${key}:damaged`);
  expect(copy, `a copy under ${key}:damaged`).toBeDefined();
  return JSON.stringify(copy).length;
}

function expectOneNoticeFor(list: StorageNotice[], checked: CheckedItem<unknown>) {
  expect(list.map((n) => n.key)).toEqual([checked.item.key]);
  expect(list[0]!.message).toContain(checked.description);
  expect(list[0]!.message).toContain(`${checked.item.key}:damaged`);
}

/** The fallback the item reads as; the notice list reads as the one notice about itself. */
function expectFallback(checked: CheckedItem<unknown>, value: unknown) {
  if (checked === (storageNoticesItem as CheckedItem<unknown>)) expectOneNoticeFor(value as StorageNotice[], checked);
  else expect(value).toEqual(checked.fallback);
}

describe.each(items)('%s', (_name, checked) => {
  it.each(damages)('damaged with %s: fallback, one notice, a bounded copy, reset', async (_damage, make) => {
    const key = keyOf(checked);
    await fakeBrowser.storage.local.set({ [key]: make(checked) });

    const started = performance.now();
    const value = await readChecked(checked);
    const took = performance.now() - started;

    expectFallback(checked, value);
    expectOneNoticeFor(await notices(), checked);
    expect(await copySize(key)).toBeLessThan(70 * 1024);
    // Reset in storage: the next read is clean and adds nothing.
    expect((await raw(key)) ?? null).toEqual(checked === (storageNoticesItem as CheckedItem<unknown>) ? await notices() : checked.fallback);
    expectFallback(checked, await readChecked(checked));
    expect(await notices()).toHaveLength(1);
    // Very generous: the point is that nothing walks the damaged value.
    expect(took).toBeLessThan(1500);
  });

  it('written by a newer version (its marker says v99): one notice, a copy, reset, marker back to this version', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const key = keyOf(checked);
    // A value this version could even parse: the marker alone says its meaning is unknown here.
    const future = checked.fallback ?? undefined;
    await fakeBrowser.storage.local.set({ ...(future !== undefined && { [key]: future }), [`${key}$`]: { v: 99 } });

    const value = await readChecked(checked);

    expectFallback(checked, value);
    const list = await notices();
    expectOneNoticeFor(list, checked);
    expect(list[0]!.message).toMatch(/newer version/);
    expect(await raw(`${key}$`)).toEqual({ v: checked.version });
    expect(((await raw(`${key}:damaged`)) as { version?: number }).version).toBe(99);
    await readChecked(checked);
    expect(await notices()).toHaveLength(1);
    consoleError.mockRestore();
  });

  it('three readers meeting the same damage at once give one notice', async () => {
    const key = keyOf(checked);
    await fakeBrowser.storage.local.set({ [key]: 'damaged!' });
    const values = await Promise.all([readChecked(checked), readChecked(checked), readChecked(checked)]);
    for (const value of values) expectFallback(checked, value);
    expectOneNoticeFor(await notices(), checked);
  });
});

describe('damage in more than one place', () => {
  it('a damaged item while the notice list is damaged too: both reset, one notice each, no recursion', async () => {
    await fakeBrowser.storage.local.set({ settings: 'x', storageNotices: FOUR_MB });
    expect(await readChecked(settingsItem)).toEqual(settingsItem.fallback);
    const list = await notices();
    expect(list.map((n) => n.key).sort()).toEqual(['local:settings', 'local:storageNotices']);
    expect(await copySize('storageNotices')).toBeLessThan(70 * 1024);
    expect(await copySize('settings')).toBeLessThan(1024);
  });

  it('different items damaged at once: one notice each, none lost', async () => {
    await fakeBrowser.storage.local.set({ settings: 'x', profiles: 'y', apiKeys: 'z', jobs: 'w' });
    await Promise.all([readChecked(settingsItem), readChecked(profilesItem), readChecked(apiKeysItem), readChecked(jobsItem)]);
    expect((await notices()).map((n) => n.key).sort()).toEqual(['local:apiKeys', 'local:jobs', 'local:profiles', 'local:settings']);
  });

  it('the same item damaged again later: still one notice for it (the newer one)', async () => {
    await fakeBrowser.storage.local.set({ settings: 'x' });
    await readChecked(settingsItem);
    const first = (await notices())[0]!;
    await fakeBrowser.storage.local.set({ settings: 'again' });
    await readChecked(settingsItem);
    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]!.at).toBeGreaterThanOrEqual(first.at);
    expect(((await raw('settings:damaged')) as { value: unknown }).value).toBe('again');
  });

  it('a valid but oversized list (200,000 recent recipients) is reset instead of being walked', async () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({ digits: String(6281200000000 + i), usedAt: i }));
    await fakeBrowser.storage.local.set({ recentRecipients: many });
    expect(await readChecked(recentRecipientsItem)).toEqual([]);
    expectOneNoticeFor(await notices(), recentRecipientsItem);
    expect(await copySize('recentRecipients')).toBeLessThan(70 * 1024);
  });
});
