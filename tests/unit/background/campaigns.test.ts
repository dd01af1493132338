import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CAMPAIGNS_ALARM, resumeCampaigns, settleCampaigns } from '@/entrypoints/background/campaign-runner';
import { registerCampaigns } from '@/entrypoints/background/campaigns';
import { cancelledReason, notOnWhatsAppReason, optedOutReason } from '@/lib/campaigns/campaign';
import type { RequestOf } from '@/lib/messaging/protocol';
import { campaignFilesItem, campaignsItem, optOutItem, type Campaign, type ServerProfile } from '@/lib/storage';
import { createClient } from '@/lib/warest/client';
import { startFakeWarest, type FakeWarest, type SessionRecord } from '../../fake-server/index';
import { ask, data } from '../helpers/background';
import { SteppingClock } from '../helpers/clocks';
import { hostAccess, seed } from '../helpers/warest-fetch';

/**
 * The campaign handlers and runner in the worker, against the fake WARest server over HTTP, with
 * a clock whose waits pass at once (the fake server reads the same clock, so its cooldown and
 * rate limit see the simulated time). What each recipient received is read from the server.
 */

let server: FakeWarest;
let session: SessionRecord;
let clock: SteppingClock;
let ids = 0;

const DIGITS = (i: number) => `62816${String(30_000_000 + i)}`;

function request(count: number, overrides: Partial<RequestOf<'campaigns.start'>> = {}): RequestOf<'campaigns.start'> {
  return {
    name: 'Unit',
    profileId: 'home',
    sessionId: 'main',
    message: { kind: 'text', template: 'Hi {{name}}' },
    recipients: Array.from({ length: count }, (_, i) => ({ digits: DIGITS(i), text: `Hi person ${i}`, row: i + 1 })),
    unusable: [{ input: 'call me', reason: 'not a number', row: count + 1 }],
    duplicates: 0,
    columns: ['name'],
    pacing: { minDelaySec: 3, maxDelaySec: 6, timeZone: 'UTC' },
    typing: false,
    checkNumbers: false,
    ...overrides,
  };
}

const stored = async (id: string): Promise<Campaign> => (await campaignsItem.item.getValue()).find((c) => c.id === id)!;

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new SteppingClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  server = await startFakeWarest({ clock: () => clock.now() });
  session = server.addSession('alice', { id: 'main', status: 'open', account: { phone: '6281234567890' } });
  const profile: ServerProfile = { id: 'home', name: 'Home', baseUrl: server.url, notifications: true, createdAt: 1 };
  await seed({ profiles: [profile], keys: { home: 'user-key' } });
  hostAccess();
  registerCampaigns({ client: createClient({ clock }), clock, random: () => 0.5, newId: () => `c${++ids}` });
});
afterEach(async () => {
  await settleCampaigns();
  expect(server.violations()).toEqual([]);
  expect(server.errors).toEqual([]);
  await server.stop();
});

describe('campaigns in the background', () => {
  it('sends each recipient its own message once, in order, paced, and reports opted-out and unusable rows as skipped', async () => {
    await optOutItem.item.setValue({ numbers: [DIGITS(2)] });
    const started = data(await ask('campaigns.start', request(5)));
    expect(started.report).toEqual({ duplicates: 0, optedOut: 1, unusable: 1 });
    await settleCampaigns();
    const campaign = await stored(started.id);
    expect(campaign.state).toBe('done');
    expect(campaign.entries.map((e) => e.status.state)).toEqual(['sent', 'sent', 'skipped', 'sent', 'sent', 'skipped']);
    expect(campaign.entries[2]!.status).toEqual({ state: 'skipped', reason: optedOutReason() });
    expect(campaign.entries[5]).toMatchObject({ input: 'call me', status: { state: 'skipped', reason: 'not a number' } });
    const sent = server.sentMessages();
    expect(sent.map((m) => [m.to, m.body])).toEqual([0, 1, 3, 4].map((i) => [`${DIGITS(i)}@s.whatsapp.net`, `Hi person ${i}`]));
    // 4.5 s apart (the mean of 3–6 s, random 0.5), as the server saw them.
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(4500);
    expect(campaign.entries[0]!.status).toMatchObject({ state: 'sent', messageId: sent[0]!.messageId });
  });

  it('refuses what cannot be sent, before anything goes out', async () => {
    const tooFast = await ask('campaigns.start', request(2, { pacing: { minDelaySec: 1, maxDelaySec: 2, timeZone: 'UTC' } }));
    expect(tooFast).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/shortest delay is 3 s/) } });
    const noFile = await ask('campaigns.start', request(2, { message: { kind: 'image', template: '' } }));
    expect(noFile).toMatchObject({ ok: false, error: { message: 'Choose the image to send.' } });
    const badZone = await ask('campaigns.start', request(2, { pacing: { minDelaySec: 3, maxDelaySec: 4, timeZone: 'Mars/Olympus' } }));
    expect(badZone).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a time zone/) } });
    const noProfile = await ask('campaigns.start', request(2, { profileId: 'gone' }));
    expect(noProfile.ok).toBe(false);
    expect(server.sentMessages()).toEqual([]);
    expect(await campaignsItem.item.getValue()).toEqual([]);
  });

  it('sends an image with each recipient’s caption and “typing…” first, its file stored once', async () => {
    const file = { kind: 'file' as const, name: 'offer.png', type: 'image/png', base64: 'iVBORw0KGgo=' };
    const started = data(await ask('campaigns.start', request(2, { message: { kind: 'image', template: 'For {{name}}' }, file, typing: true })));
    expect(Object.keys(await campaignFilesItem.item.getValue())).toEqual([started.id]);
    expect(JSON.stringify(await campaignsItem.item.getValue())).not.toContain('iVBORw0KGgo');
    await settleCampaigns();
    const sent = server.sentMessages();
    expect(sent.map((m) => [m.messageType, m.body, m.presence])).toEqual([
      ['imagemessage', 'Hi person 0', true],
      ['imagemessage', 'Hi person 1', true],
    ]);
  });

  it('pauses, resumes, cancels, and removes only what has ended; duplicates a finished one', async () => {
    const started = data(await ask('campaigns.start', request(3, { startAt: clock.now() + 3_600_000 })));
    expect(started.state).toBe('scheduled');
    expect(data(await ask('campaigns.pause', { campaignId: started.id })).state).toBe('paused');
    await settleCampaigns();
    expect(server.sentMessages()).toEqual([]);
    expect(await ask('campaigns.remove', { campaignId: started.id })).toMatchObject({ ok: true });
    const second = data(await ask('campaigns.start', request(3)));
    await settleCampaigns();
    expect((await stored(second.id)).state).toBe('done');
    expect(await ask('campaigns.pause', { campaignId: second.id })).toMatchObject({ ok: false, error: { message: 'This campaign is not sending.' } });
    const copy = data(await ask('campaigns.duplicate', { campaignId: second.id }));
    expect(copy).toMatchObject({ state: 'paused', name: 'Copy of Unit', duplicatedFrom: second.id });
    expect(copy.entries.filter((e) => e.status.state === 'pending')).toHaveLength(3);
    const cancelled = data(await ask('campaigns.cancel', { campaignId: copy.id }));
    expect(cancelled.entries.filter((e) => e.status.state === 'skipped' && e.status.reason === cancelledReason())).toHaveLength(3);
    expect(server.sentMessages()).toHaveLength(3);
  });

  it('after a worker stop, a send found in the chat is confirmed, one not found is reported, neither is sent again', async () => {
    const started = data(await ask('campaigns.start', request(3, { startAt: clock.now() + 60_000 })));
    await ask('campaigns.pause', { campaignId: started.id });
    await settleCampaigns();
    // As a worker stopped mid-send leaves it: two recipients `sending`; the server delivered the first one only.
    const since = clock.now();
    await fetch(`${server.url}/api/v1/messages/send/text`, { method: 'POST', headers: { 'X-WAREST-API-KEY': 'user-key', 'Content-Type': 'application/json' }, body: JSON.stringify({ sessionId: 'main', to: DIGITS(0), message: 'Hi person 0' }) });
    await campaignsItem.item.setValue([
      { ...(await stored(started.id)), state: 'running', startAt: undefined, entries: (await stored(started.id)).entries.map((e, i) => (i < 2 ? { ...e, status: { state: 'sending', since } } : e)) },
    ]);
    clock.time += 5_000;
    await resumeCampaigns();
    await settleCampaigns();
    const campaign = await stored(started.id);
    expect(campaign.entries[0]!.status).toMatchObject({ state: 'sent', confirmedFromChat: true, messageId: server.sentMessages(DIGITS(0))[0]!.messageId });
    expect(campaign.entries[1]!.status).toMatchObject({ state: 'unconfirmed' });
    expect(campaign.entries[2]!.status.state).toBe('sent');
    expect(server.sentMessages().map((m) => m.to)).toEqual([DIGITS(0), DIGITS(2)].map((d) => `${d}@s.whatsapp.net`));
    // Sending the unconfirmed one again is the person's decision.
    data(await ask('campaigns.resendUnconfirmed', { campaignId: started.id }));
    await settleCampaigns();
    expect(server.sentMessages(DIGITS(1))).toHaveLength(1);
  });

  it('allows delays under 3 s only against a server that announces a shorter cooldown', async () => {
    const fast = request(2, { pacing: { minDelaySec: 0.2, maxDelaySec: 0.2, timeZone: 'UTC' } });
    expect(await ask('campaigns.floor', { profileId: 'home' })).toEqual({ ok: true, data: { floorSec: 3 } });
    expect(await ask('campaigns.start', fast)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/shortest delay is 3 s/) } });
    server.setRecipientCooldown(200);
    expect(await ask('campaigns.floor', { profileId: 'home' })).toEqual({ ok: true, data: { floorSec: 0.2 } });
    const started = data(await ask('campaigns.start', fast));
    expect(started.floorSec).toBe(0.2);
    await settleCampaigns();
    const sent = server.sentMessages();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(200);
    expect(sent[1]!.at - sent[0]!.at).toBeLessThan(3000);
  });

  it('records a refused send as failed with the server’s words, and Retry failed sends only those again', async () => {
    const hold = server.hold({ path: '/messages/send/text', count: 1 });
    const started = data(await ask('campaigns.start', request(3)));
    await hold.arrived;
    // Served when released: the first send is refused as a stock server refuses a bad recipient.
    server.failNext({ status: 400, body: { status: false, code: 3007, message: 'Invalid recipient', results: null } });
    hold.release();
    await settleCampaigns();
    let campaign = await stored(started.id);
    expect(campaign.state).toBe('done');
    expect(campaign.entries[0]!.status).toMatchObject({ state: 'failed', reason: expect.stringContaining('Invalid recipient') });
    expect(server.sentMessages().map((m) => m.to)).toEqual([DIGITS(1), DIGITS(2)].map((d) => `${d}@s.whatsapp.net`));
    expect(await ask('campaigns.retryFailed', { campaignId: started.id })).toMatchObject({ ok: true, data: { state: 'running' } });
    await settleCampaigns();
    campaign = await stored(started.id);
    expect(campaign.entries.slice(0, 3).map((e) => e.status.state)).toEqual(['sent', 'sent', 'sent']);
    expect(server.sentMessages(DIGITS(0))).toHaveLength(1);
    expect(server.sentMessages()).toHaveLength(3);
    expect(await ask('campaigns.retryFailed', { campaignId: started.id })).toMatchObject({ ok: false, error: { message: 'This campaign has no failed recipients to retry.' } });
  });

  it('pauses with the reason when the session is not open, and keeps the recipient waiting', async () => {
    session.status = 'logged_out';
    const started = data(await ask('campaigns.start', request(2)));
    await settleCampaigns();
    const campaign = await stored(started.id);
    expect(campaign.state).toBe('paused');
    expect(campaign.note).toMatch(/^Paused: .*Resume/);
    expect(campaign.entries.map((e) => e.status.state)).toEqual(['pending', 'pending', 'skipped']);
  });

  it('checks numbers on WhatsApp first when asked', async () => {
    // The fake server's WhatsApp has no account for numbers ending in 0000.
    const recipients = ['6281640000000', '6281640000001', '6281640000002'].map((digits, i) => ({ digits, text: `Hi ${i}`, row: i + 1 }));
    const started = data(await ask('campaigns.start', request(3, { checkNumbers: true, recipients })));
    await settleCampaigns();
    const campaign = await stored(started.id);
    expect(campaign.entries.slice(0, 3).every((e) => e.checked)).toBe(true);
    expect(campaign.entries[0]!.status).toEqual({ state: 'skipped', reason: notOnWhatsAppReason() });
    expect(server.sentMessages().map((m) => m.body)).toEqual(['Hi 1', 'Hi 2']);
    expect(server.requests.filter((r) => r.operationId === 'getProfileOnWhatsapp')).toHaveLength(1);
  });

  it('keeps a keep-alive alarm while a campaign is active, and none after', async () => {
    const hold = server.hold({ path: '/messages/send/text', count: 1 });
    data(await ask('campaigns.start', request(1)));
    await hold.arrived;
    await expect.poll(async () => Boolean(await fakeBrowser.alarms.get(CAMPAIGNS_ALARM))).toBe(true);
    hold.release();
    await settleCampaigns();
    await expect.poll(async () => Boolean(await fakeBrowser.alarms.get(CAMPAIGNS_ALARM))).toBe(false);
  });
});
