import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { loadExtension, type LoadedExtension } from './support/extension';
import { endServer, resetExtension, saveProfile } from './support/fixture';
import { addServer, testConnection } from './support/options-page';

/**
 * Issue 11 (F): the first-run guide opened on install, the likeliest cause of a failed test, the
 * history with Run again and Clear, the All actions shortcut, the explorer's keyboard search, and
 * reflow at 320 px. This file loads its own browser to see the page the install opens.
 */

let extension: LoadedExtension;
let server: FakeWarest;
let firstPage: Page | undefined;

afterAll(async () => {
  await extension?.close();
});
beforeEach(async () => {
  server = await startFakeWarest({ demo: true });
  if (!extension) {
    extension = await loadExtension(undefined, '', { keepInstallPage: true });
    firstPage = extension.installPage;
  } else {
    await resetExtension(extension);
  }
});
afterEach(async () => {
  await endServer(extension, server);
});

/** Whether the page scrolls sideways. */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('first run', () => {
  it('opens the options page on install with the guide, and saves the guessed country code in one click', async () => {
    expect(firstPage).toBeDefined();
    const page = firstPage!;
    const guide = page.getByRole('region', { name: 'Getting started' });
    await guide.waitFor();
    expect(await guide.innerText()).toContain('X-WAREST-API-KEY');
    const language = await page.evaluate(() => navigator.language);
    // Headless Chromium speaks en-US here: +1.
    expect(language).toMatch(/^en/);
    await guide.getByRole('button', { name: 'Use +1' }).click();
    await guide.getByRole('status').filter({ hasText: 'Saved +1 as the default country code.' }).waitFor();
    await expect.poll(() => extension.background.evaluate(async () => ((await chrome.storage.local.get('settings'))['settings'] as { defaultCountryCode?: string } | undefined)?.defaultCountryCode)).toBe('1');
    await guide.getByRole('button', { name: 'Close the guide' }).click();
    await expect.poll(() => guide.count()).toBe(0);
    const stored = await extension.background.evaluate(async () => (await chrome.storage.local.get('settings'))['settings']);
    expect(stored).toMatchObject({ setupSeen: true, defaultCountryCode: '1' });
  });

  it('names the likeliest cause of a failed connection test', async () => {
    const page = await extension.openPage('options.html');
    await addServer(page, { name: 'Office', url: server.url, key: 'wrong-key' });
    await testConnection(page);
    await page.getByText(/^Likely: a wrong key/).waitFor();
    await server.stopListening();
    await testConnection(page);
    await page.getByText('Likely: the server is down or the port is wrong.').waitFor();
    await server.startListening();
  });
});

describe('history', () => {
  it('lists an operation run from All actions; Run again repeats a failed read; Clear asks first', async () => {
    await saveProfile(extension, { url: server.url, name: 'Office', key: 'user-key' });
    const actions = await extension.openPage('actions.html');
    const hold = server.hold({ operationId: 'getServerPing', count: 1 });
    await actions.getByRole('searchbox', { name: 'Search operations' }).fill('ping');
    await actions.getByRole('searchbox', { name: 'Search operations' }).press('Enter');
    await actions.getByRole('heading', { level: 2, name: 'Ping', exact: true }).waitFor();
    // Enter moved the focus to the form (Ping has no inputs: its Run button).
    await expect.poll(() => actions.evaluate(() => document.activeElement?.textContent)).toBe('Run');
    await actions.keyboard.press('Enter');
    await hold.arrived;
    hold.fail({ status: 500, body: { error: 'boom' } });
    await actions.getByRole('region', { name: 'Result' }).getByRole('heading', { name: /^Failed/ }).waitFor();

    const options = await extension.openPage('options.html');
    const history = options.getByRole('region', { name: 'History' });
    const entries = history.getByRole('list', { name: 'Operations run' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().innerText()).toMatch(/Ping[\s\S]*Office[\s\S]*✗/);
    expect(await options.content()).not.toContain('user-key');
    await entries.first().getByRole('button', { name: 'Run again' }).click();
    await history.getByRole('status').filter({ hasText: '“Ping” ran again: done.' }).waitFor();
    await expect.poll(() => entries.count()).toBe(2);
    await history.getByLabel('Result').selectOption('failed');
    await expect.poll(() => entries.count()).toBe(1);

    await history.getByRole('button', { name: 'Clear history' }).click();
    const dialog = options.getByRole('alertdialog', { name: 'Clear the history?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await extension.background.evaluate(async () => ((await chrome.storage.local.get('history'))['history'] as unknown[]).length)).toBe(2);
    await history.getByRole('button', { name: 'Clear history' }).click();
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await history.getByText('Nothing run yet.').waitFor();
  });
});

describe('keyboard', () => {
  it('opens All actions with its command, and ranks whole words of the label first', async () => {
    const opened = extension.context.waitForEvent('page', { timeout: 10_000 });
    await extension.background.evaluate(() => {
      (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch('open-all-actions');
    });
    const page = await opened;
    await page.getByRole('heading', { name: 'All actions' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Operations' });
    await page.getByRole('searchbox', { name: 'Search operations' }).fill('session list');
    const labels = await nav.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.firstElementChild?.textContent));
    expect(labels[0]).toBe('List sessions');
    expect(labels.indexOf('List sessions')).toBeLessThan(labels.indexOf('List linked devices'));
    // The list is one tab stop; the arrow keys move in it.
    expect(await nav.locator('button[tabindex="0"]').count()).toBe(1);
    await nav.getByRole('button', { name: /List sessions/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.firstElementChild?.textContent)).toBe(labels[1]);
    await page.getByRole('searchbox', { name: 'Search operations' }).press('Enter');
    await page.getByRole('heading', { level: 2, name: 'List sessions', exact: true }).waitFor();
  });
});

describe('reflow at 320 px', () => {
  it('scrolls no page sideways: options, All actions, campaigns', async () => {
    await saveProfile(extension, { url: server.url, name: 'Office', key: 'user-key' });
    for (const file of ['options.html', 'actions.html?op=postMessagesSendText', 'campaigns.html']) {
      const page = await extension.openPage(file);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflows(page), file).toBe(false);
      if (file === 'options.html') {
        const key = await page.getByRole('textbox', { name: 'API key' }).boundingBox();
        expect(key!.width).toBeGreaterThan(120);
      }
    }
  });
});
