import fs from 'node:fs';
import net from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { askFromPage, loadExtension, type LoadedExtension } from './support/extension';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';

/**
 * Many servers at a glance: the popup's "All servers" list over servers that answer, one that
 * rejects its key and one that is down; a row's action reaching that row's own server; and the
 * servers with their keys moved to a fresh browser profile through an encrypted export.
 */

const extension = useExtension();
let office: FakeWarest;
let shop: FakeWarest;
let locked: FakeWarest;
/** A port nothing listens on: the server that is down. */
let downPort: number;
let fresh: LoadedExtension | undefined;

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function profileIds(ext: LoadedExtension): Promise<Record<string, string>> {
  return ext.background.evaluate(async () => {
    const state = (await chrome.storage.local.get('profiles'))['profiles'] as { profiles: { id: string; name: string }[] } | undefined;
    return Object.fromEntries((state?.profiles ?? []).map((p) => [p.name, p.id]));
  });
}

const listOf = (popup: Page) => popup.getByRole('list', { name: /^Sessions on every server/ });
const row = (popup: Page, sessionId: string, server: string) => popup.getByRole('listitem', { name: new RegExp(`^${sessionId} on ${server}, `) });

beforeEach(async () => {
  office = await startFakeWarest();
  shop = await startFakeWarest();
  locked = await startFakeWarest();
  downPort = await closedPort();
  office.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Office', phone: '6281234567890' } });
  office.addSession('alice', { id: 'sales', status: 'logged_out' });
  shop.addSession('alice', { id: 'till', status: 'open' });
  shop.addSession('alice', { id: 'stock', status: 'stopped' });
  locked.addSession('alice', { id: 'hidden', status: 'open' });
  await resetExtension(extension);
  await saveProfile(extension, { name: 'Office', url: office.url, key: 'user-key' });
  await saveProfile(extension, { name: 'Shop', url: shop.url, key: 'user-key' });
  await saveProfile(extension, { name: 'Locked', url: locked.url, key: 'not-a-key' });
  await saveProfile(extension, { name: 'Gone', url: `http://127.0.0.1:${downPort}`, key: 'user-key' });
  // Saving a server reads it: wait until every one has a stored snapshot.
  await expect.poll(async () => Object.keys(await extension.background.evaluate(async () => (await chrome.storage.local.get('sessionSnapshots'))['sessionSnapshots'] ?? {})).length).toBe(4);
});
afterEach(async () => {
  await fresh?.close();
  fresh = undefined;
  await endServer(extension, office);
  await endServer(extension, shop);
  await endServer(extension, locked);
});
afterAll(async () => {
  await fresh?.close();
});

async function openAllServers(): Promise<Page> {
  const popup = await extension.openPage('popup.html');
  await popup.getByRole('button', { name: /^Server: / }).click();
  await popup.getByRole('menu', { name: 'Servers' }).getByRole('menuitemradio', { name: 'All servers' }).click();
  await listOf(popup).waitFor();
  return popup;
}

describe('the all-servers list', () => {
  it('paints every server from storage at once, then reads them again; a bad server is one line', async () => {
    const shopReads = () => shop.requests.filter((r) => r.operationId === 'getSessionList').length;
    const before = shopReads();
    // The shop's answer waits until the stored rows were seen: the list did not wait for it.
    const held = shop.hold({ operationId: 'getSessionList', count: 1 });
    const popup = await openAllServers();
    await held.arrived;
    await row(popup, 'till', 'Shop').waitFor();
    expect(shopReads()).toBe(before + 1);
    held.release();

    // Every good server's sessions, with its server's name; those needing attention first.
    await expect.poll(() => listOf(popup).getByRole('listitem').count()).toBe(4);
    const names = await listOf(popup).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    expect(names.slice(0, 2).sort()).toEqual(['sales on Office, logged out', 'stock on Shop, stopped']);
    expect(names.slice(2).sort()).toEqual(['main on Office, open', 'till on Shop, open']);
    expect(await row(popup, 'main', 'Office').innerText()).toContain('Alice Office');
    // The server that rejects its key and the one that is down: one line each, no sessions.
    const lines = popup.getByRole('list', { name: 'Servers whose sessions are not shown' }).getByRole('listitem');
    await expect.poll(() => lines.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).toEqual(['Gone: Unreachable', 'Locked: Key rejected']);
    expect(await row(popup, 'hidden', 'Locked').count()).toBe(0);
    expect(await popup.getByText('2 sessions need attention').count()).toBe(1);

    // Filters: by server, then by state.
    await popup.getByLabel('Show server').selectOption({ label: 'Shop' });
    await expect.poll(() => listOf(popup).getByRole('listitem').count()).toBe(2);
    expect(await lines.count()).toBe(0);
    await popup.getByLabel('Show state').selectOption({ label: 'Needs attention' });
    await expect.poll(() => listOf(popup).getByRole('listitem').count()).toBe(1);
    expect(await row(popup, 'stock', 'Shop').count()).toBe(1);
  });

  it('acts on the row’s own server: reconnect reaches the second server, Open shows it there', async () => {
    const popup = await openAllServers();
    await row(popup, 'till', 'Shop').waitFor();
    office.clearRequests();
    shop.clearRequests();
    await popup.getByRole('button', { name: 'Reconnect till on Shop' }).click();
    await expect.poll(() => shop.requests.filter((r) => r.operationId === 'getSessionReconnect').map((r) => [r.query['sessionId'], r.status])).toEqual([['till', 202]]);
    expect(office.requests.some((r) => r.operationId === 'getSessionReconnect')).toBe(false);
    await popup.getByRole('status').filter({ hasText: 'Reconnecting “till” on Shop.' }).waitFor();

    // Open: the normal session view of that server, at that session.
    await popup.getByRole('button', { name: 'Open stock on Shop' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /^Server: / }).getAttribute('aria-label')).toMatch(/^Server: Shop, reachable\./);
    await expect.poll(() => popup.getByRole('listitem', { name: /^stock, / }).getAttribute('aria-current')).toBe('true');
  });
});

describe('settings for several servers', () => {
  const badge = () => extension.background.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));

  it('the badge counts the default server, or every server with its tooltip naming which', async () => {
    // The default is the first server saved (Office): one session there needs attention.
    await expect.poll(badge).toEqual({ text: '1', title: 'Office: 1 session needs attention (sales)' });
    const options = await extension.openPage('options.html');
    await options.getByRole('radio', { name: 'Sessions on all servers (the tooltip lists which)' }).check();
    await options.getByRole('status').filter({ hasText: 'The badge counts the sessions of every server.' }).waitFor();
    await expect.poll(badge).toEqual({ text: '2', title: '2 sessions need attention\nOffice: sales\nShop: stock\nLocked: key rejected\nGone: unreachable' });
    await options.getByRole('radio', { name: 'The default server’s sessions only' }).check();
    await expect.poll(async () => (await badge()).text).toBe('1');
  });

  it('syncs the server list only when asked, and never a key', async () => {
    const synced = () => extension.background.evaluate(async () => chrome.storage.sync.get(null));
    await extension.background.evaluate(() => chrome.storage.sync.clear());
    const options = await extension.openPage('options.html');
    const toggle = options.getByRole('checkbox', { name: /^Sync the server list/ });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(async () => Object.keys(await synced()).length).toBe(4);
    const items = await synced();
    expect(Object.values(items).map((i) => (i as { name: string }).name).sort()).toEqual(['Gone', 'Locked', 'Office', 'Shop']);
    expect(JSON.stringify(items)).not.toContain('user-key');
    expect(JSON.stringify(items)).not.toContain('not-a-key');

    // A server another browser put in sync arrives here without a key, and asks for one.
    await extension.background.evaluate(() => chrome.storage.sync.set({ 'server:http://127.0.0.1:9': { name: 'Branch', baseUrl: 'http://127.0.0.1:9', at: Date.now() } }));
    const branch = options.getByRole('navigation', { name: 'Server profiles' }).getByRole('button', { name: /^Branch/ });
    await branch.waitFor();
    await expect.poll(() => branch.innerText()).toContain('Needs API key');
    await branch.click();
    await options.getByText('No API key is saved for this server in this browser yet').waitFor();
    await toggle.uncheck();
    await extension.background.evaluate(() => chrome.storage.sync.clear());
  });
});

describe('export and import', () => {
  async function exportFile(page: Page, passphrase: string | null): Promise<string> {
    const form = page.getByRole('form', { name: 'Export' });
    if (passphrase !== null) {
      await form.getByLabel('Include the API keys, encrypted with a passphrase').check();
      await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await form.getByLabel('Passphrase again').fill(passphrase);
    }
    const downloading = page.waitForEvent('download');
    await form.getByRole('button', { name: passphrase === null ? 'Export without keys' : 'Export with keys' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^warest-companion-settings-\d{4}-\d{2}-\d{2}\.json$/);
    await form.getByRole('status').filter({ hasText: /^Exported 4 servers/ }).waitFor();
    return fs.readFileSync((await download.path())!, 'utf8');
  }

  async function chooseFile(page: Page, text: string): Promise<void> {
    await page.getByLabel('Settings file').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  it('moves the servers and their keys to a fresh browser profile; a wrong passphrase or a damaged file is refused', async () => {
    const options = await extension.openPage('options.html');
    const plain = await exportFile(options, null);
    expect(JSON.parse(plain).servers).toHaveLength(4);
    expect(plain).not.toContain('user-key');
    const sealed = await exportFile(options, 'correct horse battery');
    expect(sealed).not.toContain('user-key');
    expect(sealed).not.toContain('not-a-key');

    // A new browser with a new user-data-dir: nothing stored.
    fresh = await loadExtension();
    const page = await fresh.openPage('options.html');
    const form = page.getByRole('form', { name: 'Import' });

    // A damaged file says so, and changes nothing.
    await chooseFile(page, '{"format":"warest-companion/settings", "version": 1, "servers": [');
    await form.getByRole('button', { name: 'Check file' }).click();
    await form.getByRole('alert').filter({ hasText: 'is not a WARest Companion settings file (it is not JSON)' }).waitFor();

    await chooseFile(page, sealed);
    await form.getByRole('button', { name: 'Check file' }).click();
    await form.getByRole('alert').filter({ hasText: 'This file holds encrypted API keys' }).waitFor();
    await form.getByLabel('Passphrase of the file').fill('wrong horse battery');
    await form.getByRole('button', { name: 'Check file' }).click();
    await form.getByRole('alert').filter({ hasText: 'The passphrase does not open the API keys in this file' }).waitFor();
    expect(await profileIds(fresh)).toEqual({});

    await form.getByLabel('Passphrase of the file').fill('correct horse battery');
    await form.getByRole('button', { name: 'Check file' }).click();
    const plan = form.getByRole('region', { name: 'What the import will do' });
    await plan.waitFor();
    expect(await plan.getByRole('listitem').allInnerTexts()).toEqual([
      `Add Office (${office.url}), with its API key`,
      `Add Shop (${shop.url}), with its API key`,
      `Add Locked (${locked.url}), with its API key`,
      `Add Gone (http://127.0.0.1:${downPort}), with its API key`,
    ]);
    // Nothing is changed before the person confirms.
    expect(await profileIds(fresh)).toEqual({});
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await form.getByRole('status').filter({ hasText: 'Imported: 4 servers added, 4 API keys imported.' }).waitFor();

    // The keys came along: a call with the imported Office key succeeds on its server.
    const ids = await profileIds(fresh);
    expect(Object.keys(ids).sort()).toEqual(['Gone', 'Locked', 'Office', 'Shop']);
    office.clearRequests();
    const reply = await askFromPage(page, 'operation.call', { operationId: 'getSessionList', profileId: ids['Office'], inputs: {} });
    expect(reply.ok).toBe(true);
    expect(office.requests.find((r) => r.operationId === 'getSessionList')?.headers['x-warest-api-key']).toBe('user-key');
    // The page never saw a key: the plan and the reply name servers only.
    expect(JSON.stringify(reply)).not.toContain('user-key');
  });
});
