import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest, type SessionRecord } from '../fake-server/index';
import { askFromPage } from './support/extension';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { runningWorkers, stopWorker } from './support/worker';

/**
 * Campaigns, built through the Campaigns page and run by the built extension's background
 * against the fake server:
 *  - 200 recipients from a CSV with two variables, inside a sending window that opens after the
 *    campaign starts, the service worker stopped twice while a send is on the wire: each person
 *    receives exactly one message, with their own name and order, in the file's order, spaced by
 *    at least the shortest delay, none before the window opened; the results export as CSV.
 *  - pause while a send is on the wire (it completes and is kept), nothing more goes out until
 *    Resume, then the rest, each once.
 *
 * The fake server's recipient cooldown is shortened to 50 ms, which it announces
 * (X-Recipient-Cooldown-Ms): only then does the extension allow delays under WARest's 3 s
 * (lib/campaigns/floor.ts), so 200 messages fit in a test with the very build that ships. It
 * gets a high rate limit too, as the pacing, not the limit, is under test here. A last test
 * checks that against a stock server the page refuses anything under 3 s.
 */

const ME = '6281234567890';
const extension = useExtension();
let server: FakeWarest;
let session: SessionRecord;
let page: Page;

const SEND_PATH = '/messages/send/text';
const MIN_DELAY_MS = 100;

interface StoredEntry {
  digits: string;
  text: string;
  status: { state: string; at?: number; messageId?: string; confirmedFromChat?: boolean; reason?: string };
}
interface StoredCampaign {
  id: string;
  state: string;
  note?: string;
  entries: StoredEntry[];
}

async function campaigns(): Promise<StoredCampaign[]> {
  return page.evaluate(async () => ((await chrome.storage.local.get('campaigns'))['campaigns'] ?? []) as StoredCampaign[]);
}
const countState = (c: StoredCampaign | undefined, state: string) => c?.entries.filter((e) => e.status.state === state).length ?? 0;

beforeEach(async () => {
  server = await startFakeWarest({ recipientCooldownMs: 50 });
  server.setRateLimit({ limit: 100_000, windowMs: 60_000 });
  session = server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME } });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
  page = await extension.openPage('campaigns.html');
  await page.getByRole('heading', { name: 'New campaign' }).waitFor();
  // The session list arrives from the server after the page opens.
  await expect.poll(() => page.getByLabel('Session', { exact: true }).inputValue()).toBe('main');
});
afterEach(async () => {
  await endServer(extension, server);
});

async function setPacing(min: string, max: string, floor = '0.05'): Promise<void> {
  // The page learns the server's floor from the background (3 s unless the server announces less).
  await page.getByText(`never under ${floor} s`).waitFor();
  await page.getByLabel('Shortest delay between messages (seconds)').fill(min);
  await page.getByLabel('Longest delay between messages (seconds)').fill(max);
}

async function startAndConfirm(count: number): Promise<void> {
  await page.getByRole('button', { name: 'Start campaign' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Send to ${count} people?` });
  await dialog.getByRole('button', { name: 'Start sending' }).click();
  await page.getByRole('button', { name: 'Export results (CSV)' }).waitFor();
}

/** Holds the next send, stops the worker while it is on the wire, lets the server act on it, wakes a new worker. */
async function stopWorkerMidSend(): Promise<string> {
  const hold = server.hold({ path: SEND_PATH, count: 1 });
  const held = await hold.arrived;
  const heldTo = (held.body as { to: string }).to;
  await expect.poll(async () => (await campaigns())[0]!.entries.find((e) => e.digits === heldTo)?.status.state).toBe('sending');
  await stopWorker(extension);
  // The server acts on it although nobody hears its answer: the new worker must find it in the chat.
  hold.release();
  await expect.poll(() => server.sentMessages(heldTo).length).toBe(1);
  expect(await runningWorkers(extension)).toBe(0);
  await askFromPage(page, 'login.poll', {});
  await expect.poll(() => runningWorkers(extension)).toBe(1);
  return heldTo;
}

describe('campaigns', () => {
  it('sends 200 personalised messages from a CSV exactly once each, in order, inside the window, across two worker stops', { timeout: 300_000 }, async () => {
    const people = Array.from({ length: 200 }, (_, i) => ({ phone: `62813${String(10_000_000 + i)}`, name: `Person ${i + 1}`, order: `A-${1000 + i}` }));
    const csv = ['phone,name,order', ...people.map((p) => `+${p.phone},"${p.name}",${p.order}`), 'not a number,Nobody,A-0'].join('\r\n');

    // A window that opens at the next whole minute (at least 20 s away) and stays open 10 minutes, in UTC.
    const now = Date.now();
    let open = Math.ceil(now / 60_000) * 60_000;
    if (open - now < 20_000) open += 60_000;
    const close = open + 10 * 60_000;
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

    await page.getByLabel('Campaign name', { exact: true }).fill('December offer');
    await page.getByLabel('A CSV or TSV file').check();
    await page.getByLabel('CSV or TSV file', { exact: true }).setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await expect.poll(() => page.getByLabel('Phone column', { exact: true }).inputValue()).toBe('0');
    await page.getByRole('table', { name: /First rows of “customers.csv” \(201 rows\)/ }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'recipients' }).textContent()).toMatch(/200 recipients · 1 row with an unusable number/);
    await page.getByText('Row 201: “not a number”').first().waitFor();

    // A variable the file does not have is an error before anything is sent.
    await page.getByLabel('Message', { exact: true }).fill('Hi {{name}}, order {{order}} is ready. {{coupon}}');
    await page.getByRole('button', { name: 'Start campaign' }).click();
    await page.getByRole('list', { name: 'Problems with the message' }).getByText(/\{\{coupon\}\} is not a column/).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await page.getByLabel('Message', { exact: true }).fill('Hi {{name}}, your order {{order}} is ready.');
    await page.getByLabel('Preview for recipient').fill('3');
    await expect.poll(() => page.getByRole('status', { name: 'Message preview' }).textContent()).toBe('Hi Person 3, your order A-1002 is ready.');

    await setPacing('0.1', '0.3');
    await page.getByLabel('Only send inside a sending window').check();
    await page.getByLabel('From', { exact: true }).fill(hhmm(open));
    await page.getByLabel('Until', { exact: true }).fill(hhmm(close));
    await page.getByLabel('Time zone', { exact: true }).fill('UTC');
    for (const day of ['Sun', 'Sat']) await page.getByRole('group', { name: 'Days' }).getByLabel(day).check();
    await startAndConfirm(200);

    // Closed window: it waits, and says so, before a single message.
    if (Date.now() < open - 2_000) await page.getByRole('status', { name: 'Campaign state' }).getByText(/Outside the sending window/).waitFor();
    await expect.poll(async () => (await campaigns())[0]?.state, { timeout: 100_000 }).toBe('running');

    await expect.poll(() => server.sentMessages().length, { timeout: 100_000 }).toBeGreaterThanOrEqual(50);
    const firstStop = await stopWorkerMidSend();
    await expect.poll(() => server.sentMessages().length, { timeout: 100_000 }).toBeGreaterThanOrEqual(120);
    const secondStop = await stopWorkerMidSend();

    await expect.poll(async () => (await campaigns())[0]?.state, { timeout: 150_000, interval: 250 }).toBe('done');
    const campaign = (await campaigns())[0]!;

    // The ledger: everyone sent, the unusable row skipped, the two in doubt confirmed from the chat.
    expect(countState(campaign, 'sent')).toBe(200);
    expect(campaign.entries.filter((e) => e.status.state === 'skipped').map((e) => e.status.reason)).toHaveLength(1);
    const confirmed = campaign.entries.filter((e) => e.status.confirmedFromChat).map((e) => e.digits);
    expect(confirmed.sort()).toEqual([firstStop, secondStop].sort());

    // What each person received: exactly one message, with their own variables.
    const sent = server.sentMessages();
    expect(sent).toHaveLength(200);
    for (const person of people) {
      const theirs = server.sentMessages(person.phone);
      expect(theirs.map((m) => m.body), person.phone).toEqual([`Hi ${person.name}, your order ${person.order} is ready.`]);
    }
    // In the file's order, each at least the shortest delay after the one before, none outside the window.
    expect(sent.map((m) => m.to)).toEqual(people.map((p) => `${p.phone}@s.whatsapp.net`));
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at, `gap before message ${i + 1}`).toBeGreaterThanOrEqual(MIN_DELAY_MS);
    expect(sent.every((m) => m.at >= open && m.at < close)).toBe(true);
    expect(server.stats.recipientCooldowns).toBe(0);
    console.log(`campaign: 200 sent from ${new Date(sent[0]!.at).toISOString()} to ${new Date(sent.at(-1)!.at).toISOString()}; window opened ${new Date(open).toISOString()}; confirmed from the chat after the stops: ${confirmed.length}`);

    // The page says it is finished; the results export as CSV, one row per recipient.
    await page.getByRole('status', { name: 'Campaign state' }).getByText('Finished').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export results (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('December-offer-results.csv');
    const lines = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('phone,result,message id,time,reason');
    expect(lines).toHaveLength(202);
    expect(lines[1]).toMatch(new RegExp(`^\\+${people[0]!.phone},sent,[^,]+,\\d{4}-\\d\\d-\\d\\dT`));
    expect(lines.filter((line) => line.includes(',sent (confirmed from the chat),'))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^not a number,skipped,,,/);
    expect(lines.join('\n')).not.toContain('user-key');
  });

  it('pauses while a send is on the wire (it is kept), sends nothing until resumed, then the rest once each', { timeout: 120_000 }, async () => {
    const numbers = Array.from({ length: 10 }, (_, i) => `62814${String(20_000_000 + i)}`);
    await page.getByLabel('Phone numbers', { exact: true }).fill(numbers.map((n) => `+${n}`).join('\n'));
    await page.getByLabel('Message', { exact: true }).fill('Hello {{name|friend}}!');
    await setPacing('0.1', '0.2');
    const hold = server.hold({ path: SEND_PATH, count: 1 });
    await startAndConfirm(10);
    await hold.arrived;

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await campaigns())[0]?.state).toBe('paused');
    hold.release();
    await expect.poll(async () => countState((await campaigns())[0], 'sent')).toBe(1);
    await page.getByRole('status', { name: 'Campaign state' }).getByText('Paused').waitFor();
    // The paused campaign holds: the held send was its last request, answered and recorded.
    const stored = (await campaigns())[0]!;
    expect(countState(stored, 'pending')).toBe(9);
    expect(countState(stored, 'sending')).toBe(0);
    expect(server.sentMessages()).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === `/api/v1${SEND_PATH}`)).toHaveLength(1);

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await campaigns())[0]?.state, { timeout: 60_000 }).toBe('done');
    for (const n of numbers) expect(server.sentMessages(n).map((m) => m.body)).toEqual(['Hello friend!']);
    expect(server.sentMessages().map((m) => m.to)).toEqual(numbers.map((n) => `${n}@s.whatsapp.net`));
    await page.getByRole('status', { name: 'Campaign state' }).getByText('Finished').waitFor();

    // A finished campaign can be duplicated: a paused copy, everyone waiting again.
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('heading', { name: 'Copy of Campaign of', exact: false }).waitFor();
    const copy = (await campaigns())[1]!;
    expect(copy.state).toBe('paused');
    expect(countState(copy, 'pending')).toBe(10);
    expect(await page.getByRole('navigation', { name: 'Campaigns' }).getByRole('listitem').count()).toBe(2);
  });

  it('opens from the popup’s header, for the popup’s server', async () => {
    const popup = await extension.openPage('popup.html');
    const [tab] = await Promise.all([extension.context.waitForEvent('page'), popup.getByRole('button', { name: 'Campaigns' }).click()]);
    await tab.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/campaigns.html');
    expect(new URL(tab.url()).searchParams.get('profile')).toBeTruthy();
  });

  it('against a stock server (3 s cooldown, announced nowhere) refuses delays under 3 s before anything is sent', async () => {
    server.setRecipientCooldown(3000);
    await page.reload();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await page.getByLabel('Phone numbers', { exact: true }).fill('+6281400000001');
    await page.getByLabel('Message', { exact: true }).fill('Hello');
    await setPacing('1', '2', '3');
    await page.getByRole('button', { name: 'Start campaign' }).click();
    await page.getByRole('list', { name: 'Before starting' }).getByText('The shortest delay is 3 s: WARest\'s anti-spam guard refuses faster sends.').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // Nor does the background take it when asked directly.
    const reply = await askFromPage(page, 'campaigns.start', {
      name: 'x', profileId: (await page.evaluate(async () => ((await chrome.storage.local.get('profiles'))['profiles'] as { profiles: { id: string }[] }).profiles[0]!.id)),
      sessionId: 'main', message: { kind: 'text', template: 'Hello' }, recipients: [{ digits: '6281400000001', text: 'Hello' }], unusable: [], duplicates: 0, columns: [],
      pacing: { minDelaySec: 0.1, maxDelaySec: 0.2, timeZone: 'UTC' }, typing: false, checkNumbers: false,
    });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/shortest delay is 3 s/) } });
    expect(server.sentMessages()).toEqual([]);
  });
});
