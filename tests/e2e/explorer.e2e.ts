import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OPERATIONS, type Operation, type OperationInput } from '../../lib/warest/catalog';
import { fieldKind } from '../../lib/explorer/form';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { demoHandles, operationSamples } from '../fake-server/operation-samples';
import { dataUrl, placeholderPng } from '../fake-server/png';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { openPopupFor } from './support/popup-page';

/**
 * The "All actions" page, used as a person would: find an operation, fill its generated form
 * by label, run it, read the answer; Copy as cURL; confirmations; errors in words. One test
 * walks the whole catalog and runs each of the 90 operations from the page.
 */

const run = promisify(execFile);
const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest({ demo: true });
  await resetExtension(extension);
});
afterEach(async () => {
  await endServer(extension, server);
});

async function openExplorer(): Promise<Page> {
  await saveProfile(extension, { url: server.url, name: 'Office', key: 'user-key' });
  const page = await extension.openPage('actions.html');
  await page.getByRole('navigation', { name: 'Operations' }).waitFor();
  return page;
}

async function chooseOperation(page: Page, operation: Operation): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search operations' }).fill(operation.label);
  await page.getByRole('navigation', { name: 'Operations' }).getByRole('button', { name: operation.label, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: operation.label, exact: true }).waitFor();
}

/** What a person would type or choose for one sample value. */
async function fillField(page: Page, input: OperationInput, value: unknown): Promise<void> {
  const control = page.getByLabel(input.label, { exact: true });
  const kind = fieldKind(input);
  const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
  if (kind === 'checkbox') return control.setChecked(value === true || value === 'true');
  if (kind === 'yes-no') return void (await control.selectOption(String(value)));
  if (kind === 'choice') return void (await control.selectOption(String(value)));
  if (kind === 'list') return control.fill((value as string[]).join('\n'));
  if (kind === 'files') return control.fill(Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('\n') : JSON.stringify(value));
  return control.fill(asText(value));
}

const resultHeading = (page: Page) => page.getByRole('region', { name: 'Result' }).getByRole('heading');

/** What reached the server but the background's own reads of the session list (its polling may come at any time). */
const fromThePage = () => server.requests.filter((r) => r.operationId !== 'getSessionList');

describe('the explorer reaches every operation', () => {
  it('runs each of the 90 catalog operations from its generated form against the fake server', async () => {
    // 90 servers in a row on one address look to the extension like one server whose rate-limit
    // window never ends (it paces itself to the lowest count it was told): a roomy limit keeps
    // this walk about reaching every operation.
    const roomy = { limit: 10_000, windowMs: 60_000 };
    await server.stop();
    server = await startFakeWarest({ demo: true, rateLimit: roomy });
    const port = server.port;
    await saveProfile(extension, { url: server.url, name: 'Admin', key: 'admin-key' });
    const page = await openExplorer();
    const server2Url = server.url;
    const reached: string[] = [];
    for (const operation of OPERATIONS) {
      // Each sample expects the demo world as it starts: a fresh server on the same address.
      await server.stop();
      server = await startFakeWarest({ demo: true, port, rateLimit: roomy });
      expect(server.url).toBe(server2Url);
      const sample = operationSamples[operation.id]!(demoHandles(server));
      const inputs: Record<string, unknown> = { ...sample.params, ...sample.query, ...sample.body };
      await page.getByRole('combobox', { name: 'Server' }).selectOption({ label: sample.key === 'admin-key' ? 'Admin' : 'Office' });
      await chooseOperation(page, operation);
      for (const input of operation.inputs) {
        if (inputs[input.name] !== undefined) await fillField(page, input, inputs[input.name]);
        else if (fieldKind(input) === 'session' || fieldKind(input) === 'text') await page.getByLabel(input.label, { exact: true }).fill('');
      }
      server.clearRequests();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      if (operation.destructive) await page.getByRole('alertdialog').getByRole('button', { name: 'Run' }).click();
      // On a miss, say which operation and what the page showed instead.
      const shown = async () => (await resultHeading(page).count()) ? await resultHeading(page).textContent() : `no result; page says: ${(await page.getByRole('alert').allTextContents()).join(' | ')}`;
      await expect.poll(shown, { message: operation.id, timeout: 15_000 }).toMatch(/^Done · HTTP 2\d\d/);
      // Other calls may come too (the background's polling; a picture in the answer loading).
      const sent = server.requests.filter((r) => r.operationId === operation.id).length;
      // The background may read the session list by itself meanwhile.
      if (operation.id === 'getSessionList') expect(sent, operation.id).toBeGreaterThanOrEqual(1);
      else expect(sent, operation.id).toBe(1);
      expect(server.violations(), operation.id).toEqual([]);
      if (sample.expectStatus) await expect.poll(() => resultHeading(page).textContent()).toContain(`HTTP ${sample.expectStatus}`);
      reached.push(operation.id);
    }
    expect(reached).toHaveLength(90);
    expect(new Set(reached).size).toBe(90);
  }, 300_000);
});

describe('using the explorer', () => {
  it('lists 90 operations by category and finds them by words of their name, id or path', async () => {
    const page = await openExplorer();
    const nav = page.getByRole('navigation', { name: 'Operations' });
    await expect.poll(() => nav.getByRole('button').count()).toBe(90);
    for (const category of ['Sessions', 'Messages - Sending', 'Messages - Actions', 'Chats', 'Groups', 'Profiles', 'Server', 'Misc']) {
      await nav.getByRole('heading', { name: category, exact: true }).waitFor();
    }
    await page.getByRole('searchbox', { name: 'Search operations' }).fill('picture');
    await nav.getByText('6 of 90 operations match').waitFor();
    await page.getByRole('searchbox', { name: 'Search operations' }).fill('/misc/crypto');
    expect(await nav.getByRole('button').allTextContents()).toEqual(['HashPOST', 'HMACPOST']);
    await page.getByRole('searchbox', { name: 'Search operations' }).fill('teleport');
    await nav.getByText('No operation matches “teleport”.', { exact: false }).waitFor();
  });

  it('shows Misc answers readably: QR codes as images, encodings and hashes as text', async () => {
    const page = await openExplorer();
    const find = (id: string) => OPERATIONS.find((o) => o.id === id)!;

    await chooseOperation(page, find('postMiscConvertStringTarget'));
    await page.getByLabel('Output format', { exact: true }).fill('png');
    await page.getByLabel('Text', { exact: true }).fill('https://example.com');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const qr = page.getByRole('region', { name: 'Result' }).getByRole('img');
    await qr.first().waitFor();
    expect(await qr.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    await chooseOperation(page, find('postMiscBase64'));
    await page.getByLabel('Action', { exact: true }).selectOption('encode');
    await page.getByLabel('Input', { exact: true }).fill('Hello');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByLabel('Answer').getByText('SGVsbG8=', { exact: false }).waitFor();

    await chooseOperation(page, find('postMiscUuidValidate'));
    await page.getByLabel('Value', { exact: true }).fill('not-a-uuid');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByLabel('Answer').getByText('isValid: false').waitFor();
  });

  it('checks the form before sending: required fields, numbers and JSON, each explained by its field', async () => {
    const page = await openExplorer();
    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'postMessagesSendLocation')!);
    await page.getByLabel('Session', { exact: true }).fill('');
    await page.getByLabel('Location', { exact: true }).fill('{"latitude": -6.2,');
    server.clearRequests();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '3 fields need attention: Session, Recipient, Location.' }).waitFor();
    const location = page.getByLabel('Location', { exact: true });
    expect(await location.getAttribute('aria-invalid')).toBe('true');
    expect(await location.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent)).toMatch(/^Not valid JSON: /);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'postMessagesActionMute')!);
    await page.getByLabel('Session', { exact: true }).fill('main');
    await page.getByLabel('Recipient', { exact: true }).fill('6281122334455');
    await page.getByLabel('Duration (minutes)', { exact: true }).fill('soon');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('Must be a number.').waitFor();
    expect(fromThePage()).toEqual([]);
  });

  it('shows a server refusal and an unreachable server in words', async () => {
    const page = await openExplorer();
    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'getProfileInfo')!);
    await page.getByLabel('Session', { exact: true }).fill('nobody-here');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const failure = page.getByRole('region', { name: 'Result' });
    await failure.getByRole('heading', { name: /^Failed/ }).waitFor();
    expect(await failure.getByRole('alert').textContent()).toMatch(/nobody-here|session/i);

    await server.stopListening();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await failure.getByRole('alert').filter({ hasText: /Can.t reach 127\.0\.0\.1/ }).waitFor();
    await server.startListening();
  });

  it('asks before a destructive operation: Cancel sends nothing, Run deletes', async () => {
    const page = await openExplorer();
    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'deleteSessionDelete')!);
    await page.getByLabel('Session', { exact: true }).fill('sales');
    server.clearRequests();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Run “Delete a session”?' });
    await dialog.getByText('Session: “sales”.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The background may read the session list meanwhile; nothing else reaches the server.
    expect(fromThePage()).toEqual([]);
    expect(server.state.sessions.has('sales')).toBe(true);

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('button', { name: 'Run' }).click();
    await resultHeading(page).filter({ hasText: /^Done/ }).waitFor();
    expect(server.state.sessions.has('sales')).toBe(false);
  });

  it('uploads a file chosen from disk: multipart where the route takes it, a data URL where it takes JSON', async () => {
    const page = await openExplorer();
    const png = Buffer.from(dataUrl('image/png', placeholderPng('me', 48, 48)).split(',')[1]!, 'base64');

    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'postMessagesSendDocument')!);
    await page.getByLabel('Session', { exact: true }).fill('main');
    await page.getByLabel('Recipient', { exact: true }).fill('6281122334455');
    await page.getByLabel('Choose a file for Document').setInputFiles({ name: 'price-list.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 prices') });
    await page.getByText('Chosen: price-list.pdf').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await resultHeading(page).filter({ hasText: /^Done/ }).waitFor();
    const upload = server.requests.find((r) => r.operationId === 'postMessagesSendDocument')!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);

    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'postProfilePicture')!);
    await page.getByLabel('Session', { exact: true }).fill('main');
    await page.getByLabel('Choose a file for Picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await page.getByText('Chosen: me.png').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await resultHeading(page).filter({ hasText: /^Done/ }).waitFor();
    const picture = server.requests.find((r) => r.operationId === 'postProfilePicture')!;
    expect((picture.body as { picture: string }).picture).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('copies a cURL command without the key, and that command works', async () => {
    const page = await openExplorer();
    await chooseOperation(page, OPERATIONS.find((o) => o.id === 'postMessagesSendText')!);
    await page.getByLabel('Session', { exact: true }).fill('main');
    await page.getByLabel('Recipient', { exact: true }).fill('6281122334455');
    await page.getByLabel('Message', { exact: true }).fill("It's from cURL");
    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    const command = (await page.getByLabel('cURL command').textContent())!;
    expect(command).toContain('$WAREST_API_KEY');
    expect(command).not.toContain('user-key');
    // Headless Chromium may refuse the clipboard; either way the person is told what to do.
    await page.getByRole('status').filter({ hasText: /^(Copied\. The command reads your API key from \$WAREST_API_KEY|The browser refused clipboard access; select the command below)/ }).waitFor();

    server.clearRequests();
    const { stdout } = await run('bash', ['-c', command], { env: { ...process.env, WAREST_API_KEY: 'user-key' } });
    expect(JSON.parse(stdout).success ?? JSON.parse(stdout).status).toBeTruthy();
    expect(fromThePage().map((r) => [r.operationId, r.status])).toEqual([['postMessagesSendText', 200]]);
    expect((fromThePage()[0]!.body as { message: string }).message).toBe("It's from cURL");
  });

  it('follows the server switch with its own open session, but keeps a session the person typed', async () => {
    const other = await startFakeWarest({ keys: [{ key: 'north-key', user: 'nora' }] });
    other.addSession('nora', { id: 'north', status: 'open' });
    try {
      const page = await openExplorer();
      await saveProfile(extension, { url: other.url, name: 'North', key: 'north-key' });
      await chooseOperation(page, OPERATIONS.find((o) => o.id === 'getProfileInfo')!);
      const session = page.getByLabel('Session', { exact: true });
      await expect.poll(() => session.inputValue()).toBe('main');
      await page.getByRole('combobox', { name: 'Server' }).selectOption({ label: 'North' });
      await expect.poll(() => session.inputValue()).toBe('north');
      await session.fill('typed-by-hand');
      await page.getByRole('combobox', { name: 'Server' }).selectOption({ label: 'Office' });
      expect(await session.inputValue()).toBe('typed-by-hand');
    } finally {
      await other.stop();
    }
  });

  it('opens from the popup on the popup’s server', async () => {
    const popup = await openPopupFor(extension, { url: server.url, name: 'Office' });
    const [tab] = await Promise.all([extension.context.waitForEvent('page'), popup.getByRole('button', { name: 'All actions' }).click()]);
    await tab.getByRole('heading', { name: 'All actions' }).waitFor();
    expect(await tab.getByRole('combobox', { name: 'Server' }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('Office');
    // An operation on a session starts with the server's open session filled in.
    await tab.getByRole('searchbox', { name: 'Search operations' }).fill('Profile info');
    await tab.getByRole('button', { name: 'Profile info', exact: true }).click();
    await expect.poll(() => tab.getByLabel('Session', { exact: true }).inputValue()).toBe('main');
  });
});
