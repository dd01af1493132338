import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';

/**
 * Every stored item damaged behind the extension's back, as a crash, a bad sync or another
 * extension version could leave it: the options page, the popup and the All actions page each
 * open and stay responsive, and the options page shows exactly one notice naming the item.
 */

const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open' });
  await resetExtension(extension);
});
afterEach(async () => {
  await endServer(extension, server);
});

/** How an item is damaged; built inside the service worker (a 4 MB value never crosses the wire). */
type Damage = { kind: 'text'; text: string } | { kind: 'huge'; bytes: number } | { kind: 'junk-profiles'; count: number } | { kind: 'newer-version' };

const ITEMS: Array<[key: string, named: string]> = [
  ['profiles', 'your server profiles'],
  ['apiKeys', 'your saved API keys'],
  ['settings', 'your settings'],
  ['storageNotices', 'the list of storage problems'],
  ['sessionSnapshots', 'the last known state of your sessions'],
  ['loginInProgress', 'the login in progress'],
  ['popupFocus', 'the session to show'],
  ['versionChecks', 'when the server versions were last checked'],
  ['jobs', 'your bulk jobs'],
  ['recentRecipients', 'your recent recipients'],
  ['composeDrafts', 'your unsent messages (composer drafts)'],
  ['templates', 'your message templates'],
  ['scheduledMessages', 'your scheduled messages'],
];
const named = (key: string) => ITEMS.find(([k]) => k === key)![1];

const CASES: Array<[key: string, how: string, damage: Damage]> = [
  ...ITEMS.map(([key]): [string, string, Damage] => [key, 'a string', { kind: 'text', text: 'damaged!' }]),
  ['apiKeys', 'a 4 MB string', { kind: 'huge', bytes: 4 * 1024 * 1024 }],
  ['sessionSnapshots', 'a 4 MB string', { kind: 'huge', bytes: 4 * 1024 * 1024 }],
  ['storageNotices', 'a 4 MB string', { kind: 'huge', bytes: 4 * 1024 * 1024 }],
  ['profiles', '200,000 junk profiles (3.4 MB)', { kind: 'junk-profiles', count: 200_000 }],
  ['apiKeys', 'a version marker from a newer release', { kind: 'newer-version' }],
  ['profiles', 'a version marker from a newer release', { kind: 'newer-version' }],
];

function damage(key: string, how: Damage): Promise<void> {
  return extension.background.evaluate(
    ([key, how]) => {
      const value =
        how.kind === 'text'
          ? how.text
          : how.kind === 'huge'
            ? 'x'.repeat(how.bytes)
            : how.kind === 'junk-profiles'
              ? { profiles: Array.from({ length: how.count }, (_, i) => ({ id: `p${i}` })), defaultProfileId: null }
              : undefined;
      const items: Record<string, unknown> = value === undefined ? { [`${key}$`]: { v: 99 } } : { [key]: value };
      return chrome.storage.local.set(items);
    },
    [key, how] as const,
  );
}

interface StoredNotice {
  key: string;
  message: string;
}

function storedNotices(): Promise<StoredNotice[]> {
  return extension.background.evaluate(async () => ((await chrome.storage.local.get('storageNotices'))['storageNotices'] ?? []) as StoredNotice[]);
}

/** Answers as long as the page's main thread does: a frozen page never does, and the poll fails. */
async function expectResponsive(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.readyState), { timeout: 20_000 }).toBe('complete');
}

/** The options page's storage banner: its notices, one paragraph each. */
function noticeBanner(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
}

describe('damaged stored data', () => {
  it.each(CASES)('%s damaged with %s: every page opens, one notice names it', async (key, _how, how) => {
    // The server's answers wait from the start: no refresh or version check can write over the
    // damage before a reader finds it (it would be a good value again, and rightly no notice).
    server.hold({ path: /^\/api\/v1\// });
    await saveProfile(extension, { url: server.url, name: 'Office' });
    await damage(key, how);

    // At once, while the service worker may still be repairing it: the pages race it for the damage.
    const options = await extension.openPage('options.html');
    const banner = noticeBanner(options);
    await expect.poll(() => banner.locator('p').count(), { timeout: 30_000 }).toBe(1);
    expect(await banner.locator('p').innerText()).toContain(named(key));
    await expect.poll(() => options.getByRole('heading', { name: 'Servers' }).isVisible()).toBe(true);
    await expectResponsive(options);

    const popup = await extension.openPage('popup.html');
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).isVisible(), { timeout: 30_000 }).toBe(true);
    // One line says so, and where to read what.
    await expect.poll(() => popup.getByRole('alert').filter({ hasText: 'Some stored data was damaged and has been reset.' }).count()).toBe(1);
    await expectResponsive(popup);

    const actions = await extension.openPage('actions.html');
    await expect.poll(() => actions.getByRole('heading', { name: 'All actions' }).isVisible(), { timeout: 30_000 }).toBe(true);
    const search = actions.getByRole('searchbox', { name: 'Search operations' });
    await search.fill('session list');
    await expect.poll(() => search.inputValue()).toBe('session list');
    await expectResponsive(actions);

    // Still exactly one notice once every page has read its data, and after a reload.
    await options.reload();
    await expect.poll(() => noticeBanner(options).locator('p').count(), { timeout: 30_000 }).toBe(1);
    const notices = await storedNotices();
    expect(notices.map((n) => n.key)).toEqual([`local:${key}`]);
    // The damage is gone, and what was kept aside is bounded.
    const kept = await extension.background.evaluate(async (key) => {
      const all = await chrome.storage.local.get([key, `${key}$`, `${key}:damaged`]);
      return { value: JSON.stringify(all[key] ?? null).length, marker: all[`${key}$`] ?? null, copy: JSON.stringify(all[`${key}:damaged`] ?? null).length };
    }, key);
    expect(kept.value).toBeLessThan(64 * 1024);
    expect(kept.copy).toBeGreaterThan(4);
    expect(kept.copy).toBeLessThan(70 * 1024);
    if (how.kind === 'newer-version') expect(kept.marker).toEqual({ v: 1 });
  });

  it('dismissing the notice clears it for good', async () => {
    await damage('recentRecipients', { kind: 'text', text: 'damaged!' });
    const options = await extension.openPage('options.html');
    await expect.poll(() => noticeBanner(options).locator('p').count(), { timeout: 30_000 }).toBe(1);
    await noticeBanner(options).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => noticeBanner(options).count()).toBe(0);
    await options.reload();
    await expect.poll(() => options.getByRole('heading', { name: 'Servers' }).isVisible()).toBe(true);
    expect(await noticeBanner(options).count()).toBe(0);
    expect(await storedNotices()).toEqual([]);
  });
});
