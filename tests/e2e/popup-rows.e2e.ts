import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { chooseFromRowMenu, openPopupFor, sessionRow } from './support/popup-page';

/**
 * The session rows, the header and focus, used by keyboard and by role as a person would: one
 * primary action per state and the rest in a menu, sessions needing attention first, the server
 * switcher, focus on each new view's heading and back where it was, a retry after a failed
 * create, and the session's current webhook.
 */

const extension = useExtension();
let server: FakeWarest;
let popup: Page;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: '6281234567890' } });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  server.addSession('alice', { id: 'boot', status: 'starting' });
  server.addSession('alice', { id: 'gone', status: 'replaced', account: { pushName: 'Gone Away' } });
  await resetExtension(extension);
  popup = await openPopupFor(extension, { url: server.url });
  await expect.poll(() => sessionRow(popup, 'gone').count()).toBe(1);
});
afterEach(async () => {
  await endServer(extension, server);
});

/** The focused element's role-ish description: its tag and accessible name or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}` : 'none';
  });

describe('session rows', () => {
  it('put sessions needing attention first, then by id, each with one primary action for its state', async () => {
    const list = popup.getByRole('list', { name: /^Sessions/ });
    const labels = await list.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    expect(labels).toEqual(['gone, replaced', 'sales, logged out', 'boot, starting', 'main, open']);
    const buttons = (id: string) => sessionRow(popup, id).getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim()));
    expect(await buttons('main')).toEqual(['Send', 'More for main']);
    expect(await buttons('sales')).toEqual(['Log in', 'More for sales']);
    expect(await buttons('boot')).toEqual(['Log in', 'More for boot']);
    expect(await buttons('gone')).toEqual(['Reconnect', 'More for gone']);
    expect(await sessionRow(popup, 'main').innerText()).toContain('Alice Shop · +6281234567890');

    // A starting session has no credentials to log out: its menu offers no Log out.
    await sessionRow(popup, 'boot').getByRole('button', { name: 'More for boot' }).click();
    const bootMenu = popup.getByRole('menu', { name: 'More for boot' });
    const bootItems = await bootMenu.getByRole('menuitem').allInnerTexts();
    expect(bootItems).not.toContain('Log out…');
    expect(bootItems.at(-1)).toBe('Delete…');
  });

  it('keep at least 6 of 10 rows in view in a 600 px popup', async () => {
    for (let i = 1; i <= 6; i += 1) server.addSession('alice', { id: `shop-${i}`, status: 'open' });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    const rows = popup.getByRole('list', { name: 'Sessions (10)' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(10);
    const inView = await rows.evaluateAll((items) => items.filter((i) => i.getBoundingClientRect().bottom <= window.innerHeight).length);
    expect(inView).toBeGreaterThanOrEqual(6);
  });

  it('open their menu by keyboard; Escape closes it and the confirmation, focus going back to the menu button', async () => {
    const more = sessionRow(popup, 'main').getByRole('button', { name: 'More for main' });
    await more.focus();
    await popup.keyboard.press('ArrowDown');
    const menu = popup.getByRole('menu', { name: 'More for main' });
    await expect.poll(() => focused(popup)).toBe('button: Chats');
    await popup.keyboard.press('ArrowDown');
    expect(await focused(popup)).toBe('button: Groups');
    await popup.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await focused(popup)).toBe('button: More for main');

    // Delete is the last item, and still asks first; Escape on the question returns focus too.
    await popup.keyboard.press('ArrowUp');
    await expect.poll(() => focused(popup)).toBe('button: Delete…');
    await popup.keyboard.press('Enter');
    const dialog = popup.getByRole('alertdialog', { name: 'Delete “main”?' });
    await dialog.waitFor();
    await popup.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focused(popup)).toBe('button: More for main');
    expect(server.state.sessions.has('main')).toBe(true);
  });
});

describe('focus across views', () => {
  it('moves to the new view’s heading and announces it; Back returns to the row’s button', async () => {
    await sessionRow(popup, 'main').getByRole('button', { name: 'More for main' }).focus();
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focused(popup)).toBe('button: Chats');
    // Down to Devices (Chats, Groups, Profile, Reconnect, Devices).
    for (let i = 0; i < 4; i += 1) await popup.keyboard.press('ArrowDown');
    expect(await focused(popup)).toBe('button: Devices');
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toBe('h2: Linked devices of “main”');
    await expect.poll(() => popup.locator('[aria-live="polite"][aria-atomic="true"]').innerText()).toBe('Linked devices of “main”');

    await popup.getByRole('button', { name: 'Back to sessions' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toBe('button: More for main');
    expect(await sessionRow(popup, 'main').getByRole('button', { name: 'More for main' }).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('does so for Groups and a group too (whose heading comes with its data), and Back returns step by step', async () => {
    server.addGroup('alice', 'main', { subject: 'Core Team', participants: [{ phone: '6281111111111', name: 'Budi' }] });
    await chooseFromRowMenu(popup, 'main', 'Groups');
    await expect.poll(() => focused(popup)).toBe('h2: Groups of “main”');
    await popup.getByRole('button', { name: 'Open Core Team' }).click();
    await expect.poll(() => focused(popup)).toBe('h2: Core Team');
    await popup.getByRole('button', { name: 'Back to groups' }).click();
    // Named by what it shows ("Open Core Team", then its size and flags).
    await expect.poll(() => focused(popup)).toMatch(/^button: Open Core Team\d/);
    await popup.getByRole('button', { name: 'Back to sessions' }).click();
    await expect.poll(() => focused(popup)).toBe('button: More for main');
  });

  it('moves to the heading of the QR login, and of New session', async () => {
    await popup.getByRole('button', { name: 'New session' }).click();
    await expect.poll(() => focused(popup)).toBe('h2: New session');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(popup)).toBe('button: New session');
    await sessionRow(popup, 'sales').getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => focused(popup)).toBe('h2: Log in “sales”');
  });

  it('draws the QR login with the login the background answered: its heading takes the focus once, and keeps it', async () => {
    // Every element that takes the focus, in order, from the click on.
    await popup.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { focusLog: string[] }).focusLog = log;
      document.addEventListener('focusin', (event) => {
        const el = event.target as Element;
        log.push(`${el.tagName.toLowerCase()}: ${el.textContent?.trim() ?? ''}`);
      });
    });
    // The login's request is held: nothing changes until the server answers it.
    const held = server.hold({ operationId: 'getSessionCreate' });
    await sessionRow(popup, 'sales').getByRole('button', { name: 'Log in' }).click();
    await held.arrived;
    expect(await focused(popup)).toBe('button: Log in');
    held.release();
    await popup.getByRole('img', { name: /QR code/i }).waitFor();
    await expect.poll(() => focused(popup)).toBe('h2: Log in “sales”');
    const headings = (await popup.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog)).filter((line) => line.startsWith('h2'));
    expect(headings).toEqual(['h2: Log in “sales”']);
  });
});

describe('the header', () => {
  it('shows whole server names with a status dot, switches server, and Add server opens the options', async () => {
    const shop = await startFakeWarest();
    shop.addSession('alice', { id: 'till', status: 'open' });
    const longName = 'Shop at the harbour, second floor (backup)';
    await saveProfile(extension, { url: shop.url, name: longName });
    await saveProfile(extension, { url: shop.url, name: 'Third' });
    const page = await extension.openPage('popup.html');
    await page.setViewportSize({ width: 400, height: 600 });
    const switcher = page.getByRole('button', { name: /^Server: / });
    await expect.poll(() => switcher.getAttribute('aria-label')).toMatch(/^Server: Office, reachable\. Switch server$/);

    await switcher.click();
    const menu = page.getByRole('menu', { name: 'Servers' });
    const choices = menu.getByRole('menuitemradio');
    await choices.last().waitFor();
    expect(await choices.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(longName), expect.stringContaining('Office'), expect.stringContaining('Third'), 'All servers']));
    expect(await menu.getByRole('menuitemradio', { name: /^Office\b.*reachable/ }).getAttribute('aria-checked')).toBe('true');
    // Focus starts on the server shown; Escape returns it to the switcher.
    await expect.poll(() => focused(page)).toMatch(/^button: Office/);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatch(/^button: Server: Office/);

    await switcher.click();
    await menu.getByRole('menuitemradio', { name: new RegExp(`^${longName.replace(/[()]/g, '\\$&')}`) }).click();
    await sessionRow(page, 'till').waitFor();
    await expect.poll(() => switcher.getAttribute('aria-label')).toContain(`Server: ${longName}`);
    // The whole name is on screen: not cut, and the page does not scroll sideways.
    const name = switcher.locator('.switcher-name');
    expect(await name.innerText()).toBe(longName);
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // All servers is a view like the others: focus goes to its heading.
    await switcher.click();
    await menu.getByRole('menuitemradio', { name: 'All servers' }).click();
    await expect.poll(() => focused(page)).toBe('h2: Sessions on every server');

    await switcher.click();
    const [options] = await Promise.all([extension.context.waitForEvent('page'), menu.getByRole('menuitem', { name: 'Add server' }).click()]);
    await options.waitForURL(/options\.html/);
    await shop.stop();
  });

  it('labels its tools with words, a tooltip and an accessible name, on one line in a 400 px popup', async () => {
    await popup.setViewportSize({ width: 400, height: 600 });
    const tops = await popup.getByRole('navigation', { name: 'Places' }).getByRole('button').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    for (const [name, word] of [['Server details', 'Details'], ['All actions', 'Actions'], ['Campaigns', 'Campaigns'], ['Servers and settings', 'Settings'], ['Refresh', 'Refresh']]) {
      const button = popup.getByRole('button', { name, exact: true });
      expect(await button.getAttribute('title')).toBeTruthy();
      expect((await button.innerText()).trim()).toBe(word);
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
  });
});

describe('creating a session', () => {
  it('can be tried again after the server answered 500, and offers a login when the session now exists', async () => {
    await popup.getByRole('button', { name: 'New session' }).click();
    const form = popup.getByRole('form', { name: 'New session' });
    await form.getByLabel('Session id').fill('support');
    let held = server.hold({ operationId: 'getSessionCreate', count: 1 });
    await form.getByRole('button', { name: 'Show QR code' }).click();
    await held.arrived;
    held.fail({ status: 500, body: { status: false, code: 8000, message: 'Internal error', results: null } });
    await form.getByRole('alert').waitFor();
    const retry = form.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    expect(await retry.isEnabled()).toBe(true);

    // Second try: the server registers the session, then fails again.
    held = server.hold({ operationId: 'getSessionCreate', count: 1 });
    await retry.click();
    await held.arrived;
    server.addSession('alice', { id: 'support', status: 'logged_out' });
    held.fail({ status: 500, body: { status: false, code: 8000, message: 'Internal error', results: null } });
    // The list read again shows it: no "already exists", a login instead.
    const logIn = form.getByRole('button', { name: 'Log in “support”' });
    await logIn.waitFor({ timeout: 10_000 });
    expect(await form.innerText()).not.toContain('already exists');
    expect(await form.innerText()).toContain('“support” is already on the server (logged out): you can log it in.');
    await logIn.click();
    await popup.getByRole('img', { name: 'QR code to log in session support' }).waitFor();
  });
});

describe('the webhook view', () => {
  it('shows the current webhook with a masked secret, sends a test, and changes it', async () => {
    const main = server.state.sessions.get('main')!;
    main.webhookUrl = 'https://hooks.example.com/first';
    main.webhookSecret = 'topsecret-123';
    const held = server.hold({ operationId: 'getSessionCreate', count: 1 });
    await chooseFromRowMenu(popup, 'main', 'Webhook');
    const current = popup.getByRole('region', { name: 'Current webhook' });
    // While the server has not answered, bars stand where the webhook will be.
    await held.arrived;
    expect(await current.locator('.skeleton').count()).toBeGreaterThan(0);
    held.release();
    await current.getByText('https://hooks.example.com/first').waitFor();
    expect(await current.innerText()).not.toContain('topsecret-123');
    await current.getByRole('button', { name: 'Show secret' }).click();
    expect(await current.innerText()).toContain('topsecret-123');

    await current.getByRole('button', { name: 'Send a test' }).click();
    await popup.getByRole('status').filter({ hasText: 'The server sent a signed test to https://hooks.example.com/first' }).waitFor();
    const test = server.requests.find((r) => r.operationId === 'postSessionSessionIdConfig');
    expect(test?.body).toMatchObject({ webhookUrl: 'https://hooks.example.com/first', webhookSecret: 'topsecret-123', preflight: true });

    await current.getByRole('button', { name: 'Change…' }).click();
    const form = popup.getByRole('form', { name: 'Set the webhook of main' });
    expect(await form.getByLabel('Webhook URL').inputValue()).toBe('https://hooks.example.com/first');
    await form.getByLabel('Webhook URL').fill('https://hooks.example.com/second');
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await popup.getByRole('status').filter({ hasText: 'Webhook saved for “main”' }).waitFor();
    expect(main.webhookUrl).toBe('https://hooks.example.com/second');
    expect(main.webhookSecret).toBe('topsecret-123');
  });
});
