import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { bodies, closedPortUrl, startFaultServer, type Fault, type FaultServer } from './support/fault-server';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { addServer, testConnection } from './support/options-page';
import { sessionRow, chooseFromRowMenu } from './support/popup-page';

/**
 * The fault matrix: the extension pointed at servers that misbehave in each way a person meets
 * (refused, hanging, slow, every refusal WARest or a proxy gives, broken and odd bodies, a login
 * page, 50 MB), asserting on the words the connection test and the popup show: the right cause,
 * and what to do. Faults of one route (1106 on groups, 1101 on chats, the recipient cooldown on a
 * send) are met through the stateful fake server where the popup uses that route.
 */

const extension = useExtension();
let faulty: FaultServer | undefined;
let server: FakeWarest | undefined;

beforeEach(async () => {
  await resetExtension(extension);
  // A short timeout, so a server that never answers is told in seconds.
  await extension.background.evaluate(() => chrome.storage.local.set({ settings: { requestTimeoutSec: 2, defaultCountryCode: '62', pollIntervalSec: 30 } }));
});
afterEach(async () => {
  await faulty?.stop();
  faulty = undefined;
  await endServer(extension, server);
  server = undefined;
});

interface Case {
  name: string;
  fault: Fault | 'refused';
  /** What the four connection-test lines say, joined by newlines. */
  test: RegExp;
  /** The popup's server pill (its accessible name after "Server: "). */
  pill: string | RegExp;
  /** What the popup's alert says (absent: no alert, the list works). */
  popup?: RegExp;
}

const limited = { 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60) };
const FIFTY_MB = Buffer.alloc(50 * 1024 * 1024, 'x');

const CASES: Case[] = [
  { name: 'refused (nothing listens)', fault: 'refused', test: /✗\s*Not reachable: Can't reach 127\.0\.0\.1:\d+\. Check that the WARest server is running/, pill: 'Unreachable', popup: /Can't reach 127\.0\.0\.1:\d+/ },
  { name: 'hang (never answers)', fault: { kind: 'hang' }, test: /✗\s*Not reachable: 127\.0\.0\.1:\d+ did not answer within 2 s\. .*raise the timeout/, pill: 'Unreachable', popup: /did not answer within 2 s/ },
  { name: '401 (key rejected)', fault: { kind: 'answer', status: 401, body: bodies.json({ error: 'Invalid API key' }) }, test: /✗\s*API key rejected\. .*enter it again in the options page/, pill: 'Key rejected', popup: /rejected the API key.*enter it again in the options page/ },
  { name: '403 (key refused)', fault: { kind: 'answer', status: 403, body: bodies.json({ error: 'Forbidden' }) }, test: /✗\s*API key refused \(HTTP 403\)/, pill: 'Key refused', popup: /isn't allowed to do that|refused/ },
  { name: '404 everywhere (wrong address)', fault: { kind: 'answer', status: 404, body: '<html><body>Not Found</body></html>', contentType: 'text/html', everywhere: true }, test: /✗\s*Not reachable: something answered, but there is no WARest API at this address \(404\)/, pill: 'Wrong address', popup: /no WARest API at this address/ },
  { name: '429 window (rate limited)', fault: { kind: 'answer', status: 429, body: bodies.json({ error: 'Too many requests' }), headers: limited }, test: /–\s*API key: not checked yet\. Too many requests.*Try again in \d+ s/, pill: 'Rate limited', popup: /Too many requests.*Try again in \d+ s/ },
  { name: '500 envelope', fault: { kind: 'answer', status: 500, body: bodies.envelopeError(500, 8000, 'Internal server error') }, test: /Sessions: could not be listed\. The server had an error \(HTTP 500\)\. The server said: “Internal server error”\. .*server's logs/, pill: 'Server error', popup: /The server had an error \(HTTP 500\)/ },
  { name: '500 {error}', fault: { kind: 'answer', status: 500, body: bodies.json({ error: 'Database unavailable' }) }, test: /The server had an error \(HTTP 500\)\. The server said: “Database unavailable”/, pill: 'Server error', popup: /Database unavailable/ },
  { name: '502 HTML from a proxy', fault: { kind: 'answer', status: 502, body: bodies.html502, contentType: 'text/html', everywhere: true }, test: /✗\s*Not reachable: A proxy in front of the server answered HTTP 502: the WARest server behind it is probably down or restarting/, pill: 'Unreachable', popup: /A proxy in front of the server answered HTTP 502/ },
  { name: 'truncated JSON', fault: { kind: 'answer', status: 200, body: bodies.truncated }, test: /Sessions: could not be listed\. .*isn't WARest JSON \(it may have been cut off\)/, pill: 'Not WARest', popup: /isn't WARest JSON/ },
  { name: 'empty body', fault: { kind: 'answer', status: 200, body: '' }, test: /Sessions: could not be listed\. .*empty/, pill: 'Not WARest', popup: /empty/ },
  { name: 'wrong content type (JSON labelled text/html)', fault: { kind: 'answer', status: 200, body: bodies.sessionList, contentType: 'text/html' }, test: /✓\s*1 session visible to this key\./, pill: /^Reachable/ },
  { name: 'redirect to a login page', fault: { kind: 'redirect-to-login' }, test: /Sessions: could not be listed\. .*answered with a web page instead of WARest data\. Check the server URL/, pill: 'Not WARest', popup: /answered with a web page instead of WARest data/ },
  { name: 'a 50 MB body', fault: { kind: 'answer', status: 200, body: FIFTY_MB }, test: /Sessions: could not be listed\. .*larger than 32 MB/, pill: 'Not WARest', popup: /larger than 32 MB/ },
];

async function serverFor(fault: Case['fault']): Promise<string> {
  if (fault === 'refused') return closedPortUrl();
  faulty = await startFaultServer(fault);
  return faulty.url;
}

describe('a server that misbehaves: the connection test and the popup name the cause and what to do', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const url = await serverFor(c.fault);
      const options = await extension.openPage('options.html');
      await addServer(options, { name: 'Office', url, key: 'user-key' });
      const lines = (await testConnection(options)).join('\n');
      expect(lines).toMatch(c.test);

      const popup = await extension.openPage('popup.html');
      await popup.getByRole('button', { name: 'Refresh' }).click();
      const pill = popup.getByRole('status', { name: typeof c.pill === 'string' ? `Server: ${c.pill}` : new RegExp(`^Server: ${c.pill.source.replace(/^\^/, '')}`) });
      await pill.waitFor();
      if (c.popup) await popup.getByRole('alert').filter({ hasText: c.popup }).waitFor();
      else await sessionRow(popup, 'main').waitFor();
    });
  }

  it('slow (answers whenever it answers): both say they are waiting, then show the answer', async () => {
    server = await startFakeWarest();
    server.addSession('alice', { id: 'main', status: 'open' });
    const options = await extension.openPage('options.html');
    await addServer(options, { name: 'Office', url: server.url, key: 'user-key' });
    const held = server.hold({ operationId: 'getSessionList' });
    await options.getByRole('button', { name: 'Test connection' }).click();
    await held.arrived;
    await options.getByRole('button', { name: /Testing/ }).waitFor();
    held.release();
    await options.getByRole('list', { name: 'Connection test results' }).getByText('1 session visible to this key.').waitFor();

    const heldAgain = server.hold({ operationId: 'getSessionList' });
    const popup = await extension.openPage('popup.html');
    await heldAgain.arrived;
    await popup.getByText(/refreshing…/).waitFor();
    heldAgain.release();
    await sessionRow(popup, 'main').waitFor();
    await popup.getByRole('status', { name: /^Server: Reachable/ }).waitFor();
  });
});

describe('faults of one route, where the popup uses it', () => {
  let popup: Page;
  beforeEach(async () => {
    server = await startFakeWarest();
    server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice', phone: '6281234567890' } });
    server.addGroup('alice', 'main', { subject: 'Team' });
    await saveProfile(extension, { url: server.url });
    popup = await extension.openPage('popup.html');
    await sessionRow(popup, 'main').waitFor();
  });

  it('409/1106 on groups: the session is not logged in, and how to log it in', async () => {
    server!.state.sessions.get('main')!.status = 'logged_out';
    await chooseFromRowMenu(popup, 'main', 'Groups');
    await popup.getByRole('alert').filter({ hasText: 'Session “main” isn\'t logged in to WhatsApp. Scan its QR code or use a pairing code, then try again.' }).waitFor();
  });

  it('404/1101 on chats: the session is not logged in, with its status, not "not found"', async () => {
    server!.state.sessions.get('main')!.status = 'connecting';
    await chooseFromRowMenu(popup, 'main', 'Chats');
    await popup.getByRole('alert').filter({ hasText: /^Session “main” is not logged in to WhatsApp \(its status is connecting\)\./ }).waitFor();
    expect(await popup.getByText(/^Not found/).count()).toBe(0);
  });

  it('429 recipient cooldown on a send: one recipient waits, nothing was sent, and other calls go on', async () => {
    await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Phone number or WhatsApp id' }).fill('+62 811 1111 1111');
    await popup.getByLabel('Message', { exact: true }).fill('Too soon');
    const cooldown = { status: 429, body: { error: 'Recipient cooldown', retryAfter: 1 }, headers: { 'retry-after': '1', 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '107', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 50) } };
    // The server refuses the send, and its one retry after Retry-After, for the cooldown.
    const first = server!.hold({ operationId: 'postMessagesSendText', count: 1 });
    await popup.getByRole('button', { name: 'Send text' }).click();
    await first.arrived;
    const second = server!.hold({ operationId: 'postMessagesSendText', count: 1 });
    first.fail(cooldown);
    await second.arrived;
    second.fail(cooldown);
    await popup.getByRole('alert').filter({ hasText: /anti-spam guard allows one message to the same recipient every 3 s.*nothing was sent/i }).waitFor();
    expect(await popup.getByText(/this key may make 120 requests/).count()).toBe(0);
    // The key's window was not spent: another call goes straight through.
    const started = server!.requests.length;
    await popup.getByRole('button', { name: 'Back to sessions' }).click();
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => server!.requests.slice(started).some((r) => r.operationId === 'getSessionList' && r.status === 200)).toBe(true);
    expect(server!.state.sessions.get('main')!.chats.get('6281111111111@s.whatsapp.net')?.messages ?? []).toEqual([]);
  });
});
