import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerScheduled, resumeScheduled, settleScheduled } from '@/entrypoints/background/scheduled';
import { alarmName } from '@/lib/scheduled';
import { scheduledMessagesItem, type ScheduledMessage } from '@/lib/storage';
import { createClient } from '@/lib/warest/client';
import { ask, data } from '../helpers/background';
import { SteppingClock } from '../helpers/clocks';
import { envelope, fakeWarestFetch, hostAccess, seed, type FakeWarestFetch } from '../helpers/warest-fetch';

/**
 * Scheduled messages in the worker, against a small WARest behind `fetch` that keeps the chat's
 * messages: alarms armed and re-armed at every start, exactly-once bookkeeping (marked before,
 * settled after), an unknown outcome looked for in the chat instead of resent, and a message
 * missed while the browser was closed sent or kept by the setting.
 */

const TO = '6281234567890';
const CHAT = `/chats/${TO}%40s.whatsapp.net/messages`;
const SEND = '/messages/send/text';

let clock: SteppingClock;
let server: FakeWarestFetch;
/** The chat as the server keeps it: our own messages, with their time in seconds. */
let chat: Array<{ id: string; fromMe: true; body: string; timestamp: number }>;
/** The stored state of the message at each send request. */
let stateAtSend: string[];
let ids = 0;

const stored = async () => (await scheduledMessagesItem.item.getValue()).messages;
const sends = () => server.count(SEND);

function waiting(over: Partial<ScheduledMessage> = {}): ScheduledMessage {
  return {
    id: 'm1',
    profileId: 'home',
    sessionId: 'main',
    to: TO,
    label: '+62 812-3456-7890',
    message: 'Happy birthday!',
    dueAt: clock.now() + 60_000,
    timeZone: 'Asia/Jakarta',
    createdAt: clock.now() - 1000,
    updatedAt: clock.now() - 1000,
    state: 'scheduled',
    ...over,
  };
}

async function store(messages: ScheduledMessage[], onMissed: 'send' | 'ask' = 'ask') {
  await scheduledMessagesItem.item.setValue({ onMissed, messages });
}

/** The worker starting: registered with the test's clock and client, then every start-up step finished. */
async function startWorker(): Promise<void> {
  registerScheduled({ client: createClient({ clock }), now: () => clock.now(), newId: () => `id-${++ids}` });
  await settleScheduled();
}

/** The browser was running before this worker: its session storage says so. */
const sameBrowserSession = () => fakeBrowser.storage.session.set({ scheduledSessionStart: clock.now() - 3600_000 });

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new SteppingClock(Date.UTC(2026, 11, 2, 8, 0, 0));
  chat = [];
  stateAtSend = [];
  await seed({});
  hostAccess();
  server = fakeWarestFetch();
  server.on(SEND, async () => {
    stateAtSend.push((await stored())[0]?.state ?? 'none');
    const id = `MSG${chat.length + 1}`;
    chat.push({ id, fromMe: true, body: 'Happy birthday!', timestamp: Math.floor(clock.now() / 1000) });
    return envelope([{ to: TO, messageId: id, status: 'text success' }]);
  });
  server.on(CHAT, () => new Response(JSON.stringify({ status: true, code: 1000, message: 'OK', result: { data: chat } }), { status: 200, headers: { 'content-type': 'application/json' } }));
});

describe('scheduling and sending', () => {
  it('arms an alarm at the chosen time; the alarm sends it once, marked sending before the request and sent after', async () => {
    await sameBrowserSession();
    await startWorker();
    const created = data(await ask('scheduled.create', { sessionId: 'main', to: TO, label: '+62 812-3456-7890', message: 'Happy birthday!', dueAt: clock.now() + 60_000, timeZone: 'Asia/Jakarta' }));
    expect(created).toMatchObject({ state: 'scheduled', profileId: 'home', dueAt: clock.now() + 60_000 });
    expect((await fakeBrowser.alarms.get(alarmName(created.id)))?.scheduledTime).toBe(created.dueAt);
    expect(sends()).toBe(0);

    clock.time = created.dueAt;
    await fakeBrowser.alarms.onAlarm.trigger({ name: alarmName(created.id), scheduledTime: created.dueAt, persistAcrossSessions: true });
    await settleScheduled();
    expect(stateAtSend).toEqual(['sending']);
    expect(await stored()).toMatchObject([{ id: created.id, state: 'sent', messageId: 'MSG1', sentAt: created.dueAt }]);

    // The same alarm again (Chrome may fire a persisted one once more after a restart): nothing more.
    await fakeBrowser.alarms.onAlarm.trigger({ name: alarmName(created.id), scheduledTime: created.dueAt, persistAcrossSessions: true });
    await settleScheduled();
    expect(sends()).toBe(1);
  });

  it('counts a message scheduled after the worker started as due, not missed, when its alarm fires (the first worker of a browser session)', async () => {
    await startWorker();
    clock.time += 5000;
    const created = data(await ask('scheduled.create', { sessionId: 'main', to: TO, label: TO, message: 'Happy birthday!', dueAt: clock.now() + 60_000, timeZone: 'UTC' }));
    clock.time = created.dueAt + 10;
    await fakeBrowser.alarms.onAlarm.trigger({ name: alarmName(created.id), scheduledTime: created.dueAt, persistAcrossSessions: true });
    await settleScheduled();
    expect(await stored()).toMatchObject([{ state: 'sent' }]);
  });

  it('refuses a time that has passed, an empty message and an unknown time zone, in words', async () => {
    await startWorker();
    const base = { sessionId: 'main', to: TO, label: TO, message: 'Hi', dueAt: clock.now() + 60_000, timeZone: 'UTC' };
    expect(await ask('scheduled.create', { ...base, dueAt: clock.now() - 1 })).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('That time has passed') } });
    expect(await ask('scheduled.create', { ...base, message: '  ' })).toMatchObject({ ok: false, error: { message: 'Write the message.' } });
    expect(await ask('scheduled.create', { ...base, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { message: '“Mars/Olympus” is not a time zone the browser knows.' } });
    expect(await stored()).toEqual([]);
  });

  it('says a refusal of the server as not sent, with its words, and sends nothing again by itself', async () => {
    server.on(SEND, () => envelope(null, { status: 400, code: 400, message: 'Invalid recipient' }));
    await sameBrowserSession();
    await store([waiting({ dueAt: clock.now() - 1000 })]);
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'failed', reason: expect.stringContaining('Invalid recipient') }]);
    await resumeScheduled();
    await settleScheduled();
    expect(sends()).toBe(1);
  });

  it('looks in the chat when the answer never comes, instead of sending again', async () => {
    server.on(SEND, async () => {
      chat.push({ id: 'LOST1', fromMe: true, body: 'Happy birthday!', timestamp: Math.floor(clock.now() / 1000) });
      throw new TypeError('Failed to fetch');
    });
    await sameBrowserSession();
    await store([waiting({ dueAt: clock.now() - 1000 })]);
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'sent', messageId: 'LOST1', confirmedFromChat: true }]);
    expect(sends()).toBe(1);
  });
});

describe('re-arming at every start', () => {
  it('re-creates the alarms from storage at a worker start and at a browser start', async () => {
    await store([waiting({ id: 'a' }), waiting({ id: 'b', dueAt: clock.now() + 7200_000 })]);
    await startWorker();
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime]).sort()).toEqual([
      [alarmName('a'), clock.now() + 60_000],
      [alarmName('b'), clock.now() + 7200_000],
    ]);
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await settleScheduled();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual([alarmName('a'), alarmName('b')]);
    expect(sends()).toBe(0);
  });

  it('removes alarms of messages that are no longer waiting', async () => {
    await fakeBrowser.alarms.create(alarmName('gone'), { when: clock.now() + 1000 });
    await fakeBrowser.alarms.create('warest-jobs-keepalive', { periodInMinutes: 0.5 });
    await startWorker();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(['warest-jobs-keepalive']);
  });
});

describe('missed while the browser was closed', () => {
  it('keeps it as missed by default, and sends nothing until the person decides', async () => {
    await store([waiting({ dueAt: clock.now() - 3600_000 })]);
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'missed' }]);
    expect(sends()).toBe(0);
    // Nobody was watching: a notification says so.
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['warest-scheduled:missed:m1']);
    const sent = data(await ask('scheduled.sendNow', { id: 'm1' }));
    expect(sent).toMatchObject({ state: 'sent', messageId: 'MSG1' });
    expect(sends()).toBe(1);
  });

  it('sends it at start when the setting says so', async () => {
    await store([waiting({ dueAt: clock.now() - 3600_000 })], 'send');
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'sent', messageId: 'MSG1' }]);
    expect(stateAtSend).toEqual(['sending']);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['warest-scheduled:sent:m1']);
  });

  it('sends, not asks, when the browser ran all along (a later worker of the same browser session)', async () => {
    await sameBrowserSession();
    await store([waiting({ dueAt: clock.now() - 3600_000 })], 'ask');
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'sent' }]);
  });
});

describe('a send the worker stopped in the middle of', () => {
  it('is found in the chat and counts as sent, with no second send', async () => {
    const since = clock.now() - 5000;
    chat.push({ id: 'EARLIER', fromMe: true, body: 'Happy birthday!', timestamp: Math.floor(since / 1000) + 1 });
    await store([waiting({ state: 'sending', dueAt: since, sendingSince: since })], 'send');
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'sent', messageId: 'EARLIER', confirmedFromChat: true }]);
    expect(sends()).toBe(0);
  });

  it('is unconfirmed when the chat does not show it; only “send it anyway” sends it again', async () => {
    await store([waiting({ state: 'sending', dueAt: clock.now() - 5000, sendingSince: clock.now() - 5000 })], 'send');
    await startWorker();
    expect(await stored()).toMatchObject([{ state: 'unconfirmed', reason: expect.stringContaining('the chat does not show the message yet') }]);
    expect(sends()).toBe(0);
    expect(await ask('scheduled.sendNow', { id: 'm1' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Send it anyway') } });
    expect(await ask('scheduled.update', { id: 'm1', message: 'edited' })).toMatchObject({ ok: false });
    expect(sends()).toBe(0);
    expect(data(await ask('scheduled.sendNow', { id: 'm1', anyway: true }))).toMatchObject({ state: 'sent' });
    expect(sends()).toBe(1);
  });
});

describe('the list’s actions', () => {
  it('edits a waiting one (re-armed at its new time), and cancels it (its alarm removed)', async () => {
    await store([waiting()]);
    await startWorker();
    const edited = data(await ask('scheduled.update', { id: 'm1', message: 'Happy birthday, Budi!', dueAt: clock.now() + 120_000, timeZone: 'UTC' }));
    expect(edited).toMatchObject({ state: 'scheduled', message: 'Happy birthday, Budi!', timeZone: 'UTC' });
    expect((await fakeBrowser.alarms.get(alarmName('m1')))?.scheduledTime).toBe(clock.now() + 120_000);
    data(await ask('scheduled.remove', { id: 'm1' }));
    expect(await stored()).toEqual([]);
    expect(await fakeBrowser.alarms.get(alarmName('m1'))).toBeFalsy();
    expect(await ask('scheduled.sendNow', { id: 'm1' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('keeps the missed-message setting', async () => {
    await startWorker();
    data(await ask('scheduled.setOnMissed', { onMissed: 'send' }));
    expect((await scheduledMessagesItem.item.getValue()).onMissed).toBe('send');
  });
});
