import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { askFromPage } from './support/extension';
import { endServer, resetExtension, useExtension } from './support/fixture';
import { addServer, testConnection } from './support/options-page';

/**
 * A person sets up their server on the options page and tests the connection; then the
 * background calls mutating operations against a server with the stock Origin check.
 */

const extension = useExtension();
let server: FakeWarest;
let page: Page;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open' });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  // Each test starts from an empty extension: no profiles, default settings.
  await resetExtension(extension);
  page = await extension.openPage('options.html');
});
afterEach(async () => {
  // Whatever a test did, the extension never sent the server a request outside its description.
  await endServer(extension, server);
});

describe('options page', () => {
  it('adds a server and reports a working connection in four plain lines', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    await expect.poll(() => page.getByRole('navigation', { name: 'Server profiles' }).innerText()).toContain('Office');
    const lines = await testConnection(page);
    expect(lines[0]).toMatch(/^✓\s*Reachable: answered in \d+ ms\./);
    // A user key: WARest tells the version to admin keys only (healthz is admin-only).
    expect(lines[1]).toMatch(/Version: WARest tells it to admin keys only, and this is a user key\./);
    expect(lines[2]).toMatch(/API key accepted \(a user key\)\./);
    expect(lines[3]).toMatch(/2 sessions visible to this key\./);

    // The key is stored for the background only; profiles, which every page reads, never hold it.
    const stored = await extension.background.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored['profiles'])).not.toContain('user-key');
    expect(Object.values(stored['apiKeys'] as Record<string, string>)).toEqual(['user-key']);
    expect(await page.content()).not.toContain('user-key');
  });

  it('validates as the person types and warns about plain http to a remote host', async () => {
    const form = page.getByRole('form', { name: /add a server/i });
    await form.getByLabel('Server URL').fill('ftp://example.com');
    await expect.poll(() => form.innerText()).toContain('Use an http:// or https:// address.');
    await form.getByLabel('Server URL').fill('http://warest.example.com/api/v1/');
    await expect.poll(() => form.innerText()).toContain('plain http');
    await expect.poll(() => form.innerText()).toContain('Will connect to http://warest.example.com');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.innerText()).toContain('Give the server a name');
    await expect.poll(() => form.innerText()).toContain('Enter the API key');
    const stored = await extension.background.evaluate(() => chrome.storage.local.get('profiles'));
    expect(stored['profiles']).toBeUndefined();
  });

  it('masks the key and reveals it on request', async () => {
    const form = page.getByRole('form', { name: /add a server/i });
    const key = form.getByLabel('API key');
    await key.fill('secret-key');
    expect(await key.getAttribute('type')).toBe('password');
    await form.getByRole('button', { name: 'Show key' }).click();
    expect(await key.getAttribute('type')).toBe('text');
    await form.getByRole('button', { name: 'Hide key' }).click();
    expect(await key.getAttribute('type')).toBe('password');
  });

  it('says the key was rejected when it is wrong', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'not-the-key' });
    const lines = await testConnection(page);
    expect(lines[0]).toMatch(/Reachable/);
    expect(lines[2]).toMatch(/✗\s*API key rejected.*enter it again/);
    expect(lines.join('\n')).not.toContain('not-the-key');
  });

  it('says the server cannot be reached when it is down, and recovers when it is back', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    await server.stopListening();
    let lines = await testConnection(page);
    expect(lines[0]).toMatch(/✗\s*Not reachable: Can't reach 127\.0\.0\.1:\d+\. Check that the WARest server is running/);
    expect(lines[2]).toMatch(/not checked/);
    await server.startListening();
    lines = await testConnection(page);
    expect(lines[2]).toMatch(/API key accepted/);
  });

  it('says the server is too slow when it does not answer within the timeout', async () => {
    await page.getByLabel('Request timeout (seconds)').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    // The ping is held until the test ends: it never answers, whatever the machine's load.
    server.hold({ operationId: 'getServerPing' });
    const lines = await testConnection(page);
    expect(lines[0]).toMatch(/did not answer within 1 s/);
  });

  it('says when the URL points at something that is not a WARest server', async () => {
    await addServer(page, { name: 'Office', url: `${server.url}/not-warest`, key: 'user-key' });
    const lines = await testConnection(page);
    expect(lines[0]).toMatch(/✗\s*Not reachable: .*no WARest API at this address/);
  });

  it('edits, makes default and removes profiles, asking before removing', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    await page.getByRole('button', { name: '+ Add server' }).click();
    await addServer(page, { name: 'Home', url: `127.0.0.1:${new URL(server.url).port}`, key: 'user-key' });
    const list = page.getByRole('navigation', { name: 'Server profiles' });
    await expect.poll(() => list.innerText()).toContain('Home');
    await page.getByRole('button', { name: 'Make default' }).click();
    await expect.poll(() => list.getByRole('button', { name: /Home/ }).innerText()).toContain('Default');

    await page.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove “Home”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => list.innerText()).toContain('Home');

    await page.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => list.innerText()).not.toContain('Home');
    const stored = await extension.background.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored['apiKeys'] as object)).toHaveLength(1);
    expect((stored['profiles'] as { profiles: { name: string }[] }).profiles.map((p) => p.name)).toEqual(['Office']);
  });

  it('reports damaged stored profiles instead of showing a blank page', async () => {
    await extension.background.evaluate(() => chrome.storage.local.set({ profiles: { profiles: 'oops', defaultProfileId: 7 } }));
    await page.reload();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('was damaged and has been reset');
    await expect.poll(() => page.getByRole('form', { name: /add a server/i }).isVisible()).toBe(true);
    const stored = await extension.background.evaluate(() => chrome.storage.local.get('profiles:damaged'));
    expect(JSON.stringify(stored)).toContain('oops');
  });
});

describe('calling operations through the background', () => {
  it('runs a POST and a DELETE against a server that enforces the stock Origin check', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    const group = server.addGroup('alice', 'main', { subject: 'Team' });

    const renamed = await askFromPage(page, 'operation.call', {
      operationId: 'postGroupName',
      inputs: { sessionId: 'main', groupId: group.jid, groupName: 'Team Alpha' },
    });
    expect(renamed.ok, JSON.stringify(renamed)).toBe(true);
    expect(server.state.groups.get(group.jid)?.subject).toBe('Team Alpha');

    const deleted = await askFromPage(page, 'operation.call', { operationId: 'deleteSessionDelete', inputs: { sessionId: 'sales' } });
    expect(deleted.ok, JSON.stringify(deleted)).toBe(true);
    expect(server.state.sessions.has('sales')).toBe(false);
    expect(server.stats.originRejections).toBe(0);
  });

  it('fails with a clear message when the Origin rule is missing, proving the rule is what makes POSTs work', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    await extension.background.evaluate(async () => {
      const rules = await chrome.declarativeNetRequest.getDynamicRules();
      await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: rules.map((r) => r.id) });
    });
    const reply = await askFromPage(page, 'operation.call', { operationId: 'deleteSessionDelete', inputs: { sessionId: 'sales' } });
    expect(reply.ok).toBe(false);
    expect(reply.error.kind).toBe('origin-blocked');
    expect(server.stats.originRejections).toBe(1);
    expect(server.state.sessions.has('sales')).toBe(true);
  });

  it('answers malformed requests with a structured error', async () => {
    const reply = await askFromPage(page, 'operation.call', { inputs: { sessionId: 'main' } });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const unknown = await askFromPage(page, 'no.such.thing', {});
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('names a session that is not logged in and says what to do', async () => {
    await addServer(page, { name: 'Office', url: server.url, key: 'user-key' });
    const reply = await askFromPage(page, 'operation.call', { operationId: 'getGroups', inputs: { sessionId: 'sales' } });
    expect(reply.ok).toBe(false);
    expect(reply.error.kind).toBe('not-logged-in');
    expect(reply.error.message).toContain("Session “sales” isn't logged in");
  });
});
