import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JobProgressView } from '@/components/JobProgress';
import { JOBS_ALARM, resumeJobs, settleJobs } from '@/entrypoints/background/job-runner';
import { registerJobs } from '@/entrypoints/background/jobs';
import { createClient } from '@/lib/warest/client';
import {
  applyOutcomes,
  cancelJobState,
  checkJobItems,
  countJob,
  markSending,
  newJob,
  nextChunk,
  phoneDigitsOf,
  readChunkAnswer,
  readRoster,
  settleSending,
} from '@/lib/jobs';
import type { ApiSuccess } from '@/lib/warest/api-result';
import { jobsItem, type Job, type JobItem } from '@/lib/storage';
import { ask, data } from '../helpers/background';
import { settleMicrotasks, SteppingClock } from '../helpers/clocks';
import { home, hostAccess, seed } from '../helpers/warest-fetch';

/**
 * The bulk job engine, against a small in-memory WARest group behind `fetch`, with a clock whose
 * waits pass at once (but are recorded), so pacing and rate limits can be checked by time.
 */

const GROUP = '120363000000000001@g.us';

interface LoggedRequest {
  path: string;
  at: number;
  participants?: string[];
  checkNumbers?: string[];
  status?: number;
}

type Intercept = (request: LoggedRequest) => Response | 'drop-after' | 'drop-before' | Promise<Response | 'drop-after' | 'drop-before' | undefined> | undefined;

/** A WARest server holding one group, answering the routes jobs use, with an optional rate limit. */
function fakeGroupServer(clock: SteppingClock) {
  const participants = new Set<string>(['6281200000001']);
  const joinRequests = new Set<string>();
  const log: LoggedRequest[] = [];
  let rate: { limit: number; windowMs: number } | undefined;
  let window = { start: 0, count: 0 };
  let intercept: Intercept | undefined;
  const privacyBlocked = new Set<string>();

  const limitHeaders = (): { headers: Record<string, string>; over: boolean } => {
    if (!rate) return { headers: {}, over: false };
    if (clock.now() >= window.start + rate.windowMs) window = { start: clock.now(), count: 0 };
    window.count += 1;
    return {
      headers: {
        'x-ratelimit-limit': String(rate.limit),
        'x-ratelimit-remaining': String(Math.max(0, rate.limit - window.count)),
        'x-ratelimit-reset': String(Math.ceil((window.start + rate.windowMs) / 1000)),
      },
      over: window.count > rate.limit,
    };
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const ok = (results: unknown[], headers: Record<string, string>) => json(200, { status: true, code: 1000, message: 'OK', results }, headers);

  const act = (request: LoggedRequest, headers: Record<string, string>): Response => {
    const base = { sessionId: 'main', phone: '6281200000001', groupId: GROUP };
    switch (request.path) {
      case '/group/participants/add': {
        const added: string[] = [];
        const failedToAdd: string[] = [];
        for (const phone of request.participants ?? []) {
          if (participants.has(phone)) failedToAdd.push(`${phone}: already a participant`);
          else if (phone.endsWith('0000')) failedToAdd.push(`${phone}: not on WhatsApp`);
          else if (privacyBlocked.has(phone)) failedToAdd.push(`${phone}: 403`);
          else {
            participants.add(phone);
            added.push(phone);
          }
        }
        return ok([{ ...base, addedParticipants: added, failedToAdd, status: failedToAdd.length ? 'partial' : 'success' }], headers);
      }
      case '/group/participants':
        return ok([{ ...base, participants: [...participants].map((phone) => ({ id: `9${phone}@lid`, jid: `${phone}@s.whatsapp.net`, lid: `9${phone}@lid`, isAdmin: false })) }], headers);
      case '/group/participants/requests':
        return ok([{ ...base, joinRequests: [...joinRequests].map((phone) => ({ jid: `${phone}@s.whatsapp.net`, phone, requestMethod: 'invite_link' })) }], headers);
      case '/group/participants/request/approve': {
        const approved: string[] = [];
        const failed: string[] = [];
        for (const phone of request.participants ?? []) {
          if (joinRequests.delete(phone)) {
            participants.add(phone);
            approved.push(phone);
          } else failed.push(`${phone}: no pending request`);
        }
        return ok([{ ...base, approvedParticipants: approved, failedToApprove: failed, status: 'success' }], headers);
      }
      case '/group/participants/request/reject':
        return ok([{ ...base, participants: (request.participants ?? []).map((phone) => ({ phone, status: joinRequests.delete(phone) ? 'rejected' : 'no pending request' })), status: 'success' }], headers);
      case '/profile/on-whatsapp': {
        const entries = (request.checkNumbers ?? []).map((phone) => ({ jid: `${phone}@s.whatsapp.net`, phone, isOnWhatsApp: !phone.endsWith('0000') }));
        return ok([{ data: entries.length === 1 ? entries[0] : entries }], headers);
      }
      default:
        return json(404, { status: false, code: 404, message: 'Not found' });
    }
  };

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^.*\/api\/v1/, '');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const request: LoggedRequest = { path, at: clock.now() };
    if (Array.isArray(body.participants)) request.participants = body.participants as string[];
    const checkNumbers = url.searchParams.get('checkNumbers');
    if (checkNumbers) request.checkNumbers = checkNumbers.split(',');
    log.push(request);
    const intercepted = await intercept?.(request);
    if (intercepted === 'drop-before') throw new TypeError('Failed to fetch');
    const limited = limitHeaders();
    if (intercepted instanceof Response) {
      request.status = intercepted.status;
      return intercepted;
    }
    if (limited.over) {
      request.status = 429;
      return json(429, { status: false, code: 2400, message: 'Too many requests' }, limited.headers);
    }
    const response = act(request, limited.headers);
    request.status = response.status;
    // The server acted, then the connection dropped before the answer arrived.
    if (intercepted === 'drop-after') throw new TypeError('Failed to fetch');
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    participants,
    joinRequests,
    privacyBlocked,
    log,
    fetchMock,
    setRateLimit(next: { limit: number; windowMs: number }) {
      rate = next;
      window = { start: clock.now(), count: 0 };
    },
    intercept(next: Intercept | undefined) {
      intercept = next;
    },
    /** Requests to `path`, in order. */
    to(path: string) {
      return log.filter((entry) => entry.path === path);
    },
  };
}

/** Valid Indonesian mobile numbers, international digits. */
function numbers(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, index) => `62812${String(30000000 + from + index).padStart(8, '0')}`);
}

const itemsOf = (values: string[]) => values.map((value) => ({ input: `+${value}`, value }));

let clock: SteppingClock;
let server: ReturnType<typeof fakeGroupServer>;
let ids = 0;

async function storedJob(id: string): Promise<Job> {
  const job = (await jobsItem.item.getValue()).find((entry) => entry.id === id);
  if (!job) throw new Error(`no stored job ${id}`);
  return job;
}

async function runToEnd(request: Parameters<typeof ask<'jobs.start'>>[1]): Promise<Job> {
  const job = data(await ask('jobs.start', request));
  await settleJobs();
  return storedJob(job.id);
}

function startAdd(values: string[]) {
  return ask('jobs.start', { kind: 'group.add', sessionId: 'main', groupId: GROUP, groupName: 'Team', items: itemsOf(values) });
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new SteppingClock();
  server = fakeGroupServer(clock);
  hostAccess();
  await seed({ profiles: [home] });
  registerJobs({ client: createClient({ clock }), clock, newId: () => `job-${++ids}`, chunkSize: 20 });
});

afterEach(async () => {
  server.intercept(undefined);
  await settleJobs();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('jobs.start', () => {
  it('validates before anything is stored or sent', async () => {
    expect(await ask('jobs.start', { kind: 'group.add', sessionId: 'main', items: itemsOf(numbers(2)) })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: 'Choose the group.' },
    });
    expect(await ask('jobs.start', { kind: 'group.add', sessionId: 'main', groupId: GROUP, items: [{ input: 'hello', value: 'hello' }] })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringMatching(/“hello”.*Nothing was started/) },
    });
    expect(await ask('jobs.start', { kind: 'numbers.check', sessionId: 'main', items: [] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/empty/) } });
    expect(await ask('jobs.start', { kind: 'numbers.check', sessionId: 'main', profileId: 'gone', items: itemsOf(numbers(1)) })).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
    hostAccess(() => false);
    expect(await ask('jobs.start', { kind: 'numbers.check', sessionId: 'main', items: itemsOf(numbers(1)) })).toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(await jobsItem.item.getValue()).toEqual([]);
    expect(server.log).toEqual([]);
  });

  it('stores the job with every item pending, drops repeated numbers, and answers it', async () => {
    const [a, b] = numbers(2);
    const reply = await ask('jobs.start', {
      kind: 'group.add',
      sessionId: 'main',
      groupId: GROUP,
      groupName: 'Team',
      items: [
        { input: '+62 812-3000-0001', value: a! },
        { input: '0812 3000 0002', value: b! },
        { input: 'again', value: `${a}@s.whatsapp.net` },
      ],
    });
    const job = data(reply);
    expect(job).toMatchObject({ id: 'job-' + ids, kind: 'group.add', profileId: 'home', sessionId: 'main', groupId: GROUP, groupName: 'Team', state: 'running' });
    expect(job.items).toEqual([
      { input: '+62 812-3000-0001', value: a, state: 'pending', attempts: 0 },
      { input: '0812 3000 0002', value: b, state: 'pending', attempts: 0 },
    ]);
    await settleJobs();
  });
});

describe('running a group.add job', () => {
  it('sends the items in chunks of 20, in order, and records each outcome', async () => {
    const values = numbers(45);
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(values) });
    const adds = server.to('/group/participants/add');
    expect(adds.map((request) => request.participants)).toEqual([values.slice(0, 20), values.slice(20, 40), values.slice(40)]);
    expect(job.state).toBe('done');
    expect(job.note).toBeUndefined();
    expect(job.items.every((item) => item.state === 'done' && item.outcome === 'added' && item.attempts === 1)).toBe(true);
    for (const value of values) expect(server.participants.has(value)).toBe(true);
  });

  it('reads each participant’s outcome from the answer: added, already in group, not on WhatsApp, failed with a reason', async () => {
    const [fresh, blocked] = numbers(2);
    server.privacyBlocked.add(blocked!);
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf([fresh!, '6281200000001', '6281299990000', blocked!]) });
    expect(job.items.map((item) => [item.value, item.state, item.outcome])).toEqual([
      [fresh, 'done', 'added'],
      ['6281200000001', 'done', 'already-in-group'],
      ['6281299990000', 'done', 'not-on-whatsapp'],
      [blocked, 'failed', 'failed'],
    ]);
    expect(job.items[1]!.reason).toBe('Already in the group.');
    expect(job.items[2]!.reason).toMatch(/no WhatsApp account/);
    expect(job.items[3]!.reason).toMatch(/privacy settings.*invite link/);
    expect(countJob(job).outcomes).toEqual({ added: 1, 'already-in-group': 1, 'not-on-whatsapp': 1, failed: 1 });
  });

  it('persists the job after every chunk: before a chunk goes out its items are stored as sending, earlier ones settled', async () => {
    const values = numbers(50);
    const seen: Array<{ states: string[] }> = [];
    server.intercept(async (request) => {
      if (request.path !== '/group/participants/add') return undefined;
      const stored = (await jobsItem.item.getValue())[0]!;
      seen.push({ states: stored.items.map((item) => item.state) });
      return undefined;
    });
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(values) });
    expect(seen).toHaveLength(3);
    const expectStates = (states: string[], done: number, sending: number) => {
      expect(states.slice(0, done).every((state) => state === 'done')).toBe(true);
      expect(states.slice(done, done + sending).every((state) => state === 'sending')).toBe(true);
      expect(states.slice(done + sending).every((state) => state === 'pending')).toBe(true);
    };
    expectStates(seen[0]!.states, 0, 20);
    expectStates(seen[1]!.states, 20, 20);
    expectStates(seen[2]!.states, 40, 10);
    expect(job.state).toBe('done');
  });

  it('paces the chunks to a low rate limit without earning a 429', async () => {
    server.setRateLimit({ limit: 2, windowMs: 10_000 });
    const start = clock.now();
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(numbers(100)) });
    const adds = server.to('/group/participants/add');
    expect(adds).toHaveLength(5);
    expect(adds.every((request) => request.status === 200)).toBe(true);
    // At most 2 requests in any 10 s window: the 3rd and 5th waited for a new window.
    const times = adds.map((request) => request.at - start);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(10_000);
    expect(times[4]! - times[2]!).toBeGreaterThanOrEqual(10_000);
    expect(job.state).toBe('done');
    expect(countJob(job).outcomes).toEqual({ added: 100 });
  });

  it('waits after a 429 until the window resets, then sends the same chunk once more', async () => {
    const values = numbers(30);
    let rejected = false;
    let noteWhileWaiting: string | undefined;
    let stateWhileWaiting: string | undefined;
    const rejectedAt = { value: 0 };
    server.intercept(async (request) => {
      if (request.path !== '/group/participants/add') return undefined;
      if (!rejected && request.participants?.[0] === values[20]) {
        rejected = true;
        rejectedAt.value = clock.now();
        const reset = Math.ceil((clock.now() + 7_000) / 1000);
        return new Response(JSON.stringify({ status: false, code: 2400, message: 'Too many requests' }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        });
      }
      if (rejected && request.participants?.[0] === values[20]) {
        const stored = (await jobsItem.item.getValue())[0]!;
        stateWhileWaiting = stored.state;
        noteWhileWaiting = stored.note;
      }
      return undefined;
    });
    // Watch the job wait: the stored state during the pause says why.
    const states: Array<{ state: string; note?: string | undefined }> = [];
    const unwatch = jobsItem.item.watch((jobs) => {
      const job = jobs[0];
      if (job) states.push({ state: job.state, note: job.note });
    });
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(values) });
    unwatch();

    const adds = server.to('/group/participants/add');
    expect(adds.map((request) => [request.participants?.[0], request.status])).toEqual([
      [values[0], 200],
      [values[20], 429],
      [values[20], 200],
    ]);
    expect(adds[2]!.participants).toEqual(adds[1]!.participants);
    expect(adds[2]!.at).toBeGreaterThanOrEqual(rejectedAt.value + 5_000);
    expect(states.some((entry) => entry.state === 'waiting' && /rate limit/.test(entry.note ?? ''))).toBe(true);
    expect(stateWhileWaiting).toBe('running');
    expect(noteWhileWaiting).toBeUndefined();
    expect(job.state).toBe('done');
    // The rejected send does not count as an attempt: the server did not act on it.
    expect(job.items.every((item) => item.outcome === 'added' && item.attempts === 1)).toBe(true);
  });

  it('waits while the server is unreachable and verifies a chunk that may have gone through, without sending it again', async () => {
    const values = numbers(40);
    let dropped = false;
    server.intercept((request) => {
      if (request.path === '/group/participants/add' && request.participants?.[0] === values[20] && !dropped) {
        dropped = true;
        return 'drop-after'; // the server added them, but the answer never arrived
      }
      return undefined;
    });
    const states: Array<{ state: string; note?: string | undefined }> = [];
    const unwatch = jobsItem.item.watch((jobs) => jobs[0] && states.push({ state: jobs[0].state, note: jobs[0].note }));
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(values) });
    unwatch();
    expect(states.some((entry) => entry.state === 'waiting' && /Can't reach.*tries again by itself/s.test(entry.note ?? ''))).toBe(true);
    expect(server.to('/group/participants/add').map((request) => request.participants?.[0])).toEqual([values[0], values[20]]);
    expect(server.to('/group/participants')).toHaveLength(1);
    expect(job.state).toBe('done');
    expect(job.items.slice(20).every((item) => item.outcome === 'added' && /Confirmed in the group/.test(item.reason ?? ''))).toBe(true);
  });

  it('sends a chunk again after an unreachable server when the verification shows it never arrived', async () => {
    const values = numbers(25);
    let dropped = false;
    server.intercept((request) => {
      if (request.path === '/group/participants/add' && request.participants?.[0] === values[20] && !dropped) {
        dropped = true;
        return 'drop-before';
      }
      return undefined;
    });
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(values) });
    expect(server.to('/group/participants/add').map((request) => request.participants?.[0])).toEqual([values[0], values[20], values[20]]);
    expect(job.items.every((item) => item.outcome === 'added')).toBe(true);
    expect(job.items[20]!.attempts).toBe(2);
    expect(new Set(job.items.map((item) => item.value)).size).toBe(25);
  });

  it('fails every remaining item with the server’s reason when nothing in the job can work (not an admin)', async () => {
    server.intercept((request) =>
      request.path === '/group/participants/add'
        ? new Response(JSON.stringify({ status: false, code: 1403, message: 'You are not an admin of this group' }), { status: 403, headers: { 'content-type': 'application/json' } })
        : undefined,
    );
    const job = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(numbers(45)) });
    expect(server.to('/group/participants/add')).toHaveLength(1);
    expect(job.state).toBe('done');
    expect(job.items.every((item) => item.state === 'failed' && /not an admin/.test(item.reason ?? ''))).toBe(true);
  });
});

describe('resuming after the service worker stopped', () => {
  function storedAddJob(states: Array<JobItem['state']>, values: string[]): Job {
    return {
      id: 'job-crashed',
      kind: 'group.add',
      profileId: 'home',
      sessionId: 'main',
      groupId: GROUP,
      createdAt: clock.now() - 60_000,
      updatedAt: clock.now() - 30_000,
      state: 'running',
      items: values.map((value, index) => ({
        input: `+${value}`,
        value,
        state: states[index]!,
        attempts: states[index] === 'pending' ? 0 : 1,
        ...(states[index] === 'done' && { outcome: 'added' }),
      })),
    };
  }

  it('verifies items left sending (present → added, not resent), sends the absent ones and the pending ones', async () => {
    await settleJobs();
    const values = numbers(50);
    // Chunk 1 was answered; chunk 2 was on the wire when the worker stopped: the server got the
    // first 15 of it (say), not the rest; chunk 3 never went out.
    const states = values.map((_, index): JobItem['state'] => (index < 20 ? 'done' : index < 40 ? 'sending' : 'pending'));
    for (const value of values.slice(0, 35)) server.participants.add(value);
    await jobsItem.item.setValue([storedAddJob(states, values)]);

    await resumeJobs();
    expect(await fakeBrowser.alarms.get(JOBS_ALARM)).toBeDefined();
    await settleJobs();

    const job = await storedJob('job-crashed');
    expect(server.to('/group/participants')).toHaveLength(1);
    const sent = server.to('/group/participants/add').flatMap((request) => request.participants ?? []);
    expect(sent).toEqual([...values.slice(35, 40), ...values.slice(40)]);
    expect(job.state).toBe('done');
    expect(job.items.slice(20, 35).every((item) => item.outcome === 'added' && item.attempts === 1 && /Confirmed/.test(item.reason ?? ''))).toBe(true);
    expect(job.items.slice(35, 40).every((item) => item.outcome === 'added' && item.attempts === 2)).toBe(true);
    expect(job.items.every((item) => item.state === 'done')).toBe(true);
    for (const value of values) expect(server.participants.has(value)).toBe(true);
    // Nothing left to keep alive for.
    expect(await fakeBrowser.alarms.get(JOBS_ALARM)).toBeUndefined();
  });

  it('fails items it cannot verify when the check itself is refused, instead of sending them again', async () => {
    await settleJobs();
    const values = numbers(3);
    await jobsItem.item.setValue([storedAddJob(['sending', 'sending', 'pending'], values)]);
    server.intercept((request) =>
      request.path === '/group/participants'
        ? new Response(JSON.stringify({ status: false, code: 2001, message: 'groupId is invalid' }), { status: 400, headers: { 'content-type': 'application/json' } })
        : undefined,
    );
    await resumeJobs();
    await settleJobs();
    const job = await storedJob('job-crashed');
    expect(server.to('/group/participants/add').flatMap((request) => request.participants ?? [])).toEqual([values[2]]);
    expect(job.items.map((item) => [item.state, item.outcome])).toEqual([
      ['failed', 'failed'],
      ['failed', 'failed'],
      ['done', 'added'],
    ]);
    expect(job.items[0]!.reason).toMatch(/check that would tell whether this went through was refused.*groupId is invalid/);
    expect(job.state).toBe('done');
  });

  it('is woken by its keep-alive alarm', async () => {
    await settleJobs();
    const values = numbers(5);
    await jobsItem.item.setValue([storedAddJob(values.map(() => 'pending'), values)]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: JOBS_ALARM, scheduledTime: clock.now(), periodInMinutes: 0.5, persistAcrossSessions: false });
    await settleJobs();
    expect((await storedJob('job-crashed')).state).toBe('done');
    expect(server.to('/group/participants/add')).toHaveLength(1);
  });

  it('verifies approvals left sending against the pending join requests', async () => {
    await settleJobs();
    const values = numbers(6);
    // The first three were approved before the stop; the last three are still waiting.
    for (const value of values.slice(3)) server.joinRequests.add(value);
    const job: Job = { ...storedAddJob(values.map(() => 'sending'), values), kind: 'group.approve' };
    await jobsItem.item.setValue([job]);
    await resumeJobs();
    await settleJobs();
    const after = await storedJob('job-crashed');
    expect(server.to('/group/participants/requests')).toHaveLength(1);
    expect(server.to('/group/participants/request/approve').flatMap((request) => request.participants ?? [])).toEqual(values.slice(3));
    expect(after.items.map((item) => item.outcome)).toEqual(['approved', 'approved', 'approved', 'approved', 'approved', 'approved']);
    expect(after.items.slice(0, 3).every((item) => /Confirmed/.test(item.reason ?? ''))).toBe(true);
  });

  it('sends number checks left sending again (a read), counting the extra attempt', async () => {
    await settleJobs();
    const values = [...numbers(2), '6281299990000'];
    const job: Job = { ...storedAddJob(['sending', 'sending', 'sending'], values), kind: 'numbers.check' };
    delete job.groupId;
    await jobsItem.item.setValue([job]);
    await resumeJobs();
    await settleJobs();
    const after = await storedJob('job-crashed');
    expect(server.to('/profile/on-whatsapp').map((request) => request.checkNumbers)).toEqual([values]);
    expect(after.items.map((item) => [item.outcome, item.attempts])).toEqual([
      ['on-whatsapp', 2],
      ['on-whatsapp', 2],
      ['not-on-whatsapp', 2],
    ]);
  });
});

describe('retry, cancel, dismiss', () => {
  it('retries only the failed items', async () => {
    const values = numbers(30);
    server.privacyBlocked.add(values[3]!).add(values[25]!);
    const first = await runToEnd({ kind: 'group.add', sessionId: 'main', groupId: GROUP, items: itemsOf(values) });
    expect(countJob(first).failed).toBe(2);
    server.privacyBlocked.clear();
    server.log.length = 0;

    const retried = data(await ask('jobs.retryFailed', { jobId: first.id }));
    expect(retried.state).toBe('running');
    expect(retried.items.filter((item) => item.state === 'pending').map((item) => item.value)).toEqual([values[3], values[25]]);
    await settleJobs();
    expect(server.to('/group/participants/add').map((request) => request.participants)).toEqual([[values[3], values[25]]]);
    const job = await storedJob(first.id);
    expect(job.state).toBe('done');
    expect(countJob(job).outcomes).toEqual({ added: 30 });
    expect(await ask('jobs.retryFailed', { jobId: first.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no failed items/) } });
  });

  it('cancels: the chunk on the wire keeps its outcome, nothing more is sent, and the rest can still be sent with Retry failed', async () => {
    const values = numbers(60);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached: () => void = () => undefined;
    const reachedSecond = new Promise<void>((resolve) => (reached = resolve));
    server.intercept(async (request) => {
      if (request.path === '/group/participants/add' && request.participants?.[0] === values[20]) {
        reached();
        await held;
      }
      return undefined;
    });
    const job = data(await startAdd(values));
    await reachedSecond;
    const cancelled = data(await ask('jobs.cancel', { jobId: job.id }));
    expect(cancelled.state).toBe('cancelled');
    release();
    await settleJobs();

    const after = await storedJob(job.id);
    expect(server.to('/group/participants/add')).toHaveLength(2);
    expect(after.state).toBe('cancelled');
    expect(after.items.slice(0, 40).every((item) => item.outcome === 'added')).toBe(true);
    expect(after.items.slice(40).every((item) => item.state === 'failed' && item.outcome === 'cancelled' && item.reason === 'Not sent: the job was cancelled.')).toBe(true);
    expect(await ask('jobs.cancel', { jobId: job.id })).toMatchObject({ ok: true, data: { state: 'cancelled' } });

    data(await ask('jobs.retryFailed', { jobId: job.id }));
    await settleJobs();
    const resumed = await storedJob(job.id);
    expect(resumed.state).toBe('done');
    expect(countJob(resumed).outcomes).toEqual({ added: 60 });
    expect(server.to('/group/participants/add').flatMap((request) => request.participants ?? []).sort()).toEqual([...values].sort());
  });

  it('cancels a job waiting for the rate limit at once', async () => {
    const values = numbers(40);
    server.intercept((request) =>
      request.path === '/group/participants/add'
        ? new Response('{}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3600' } })
        : undefined,
    );
    // A clock whose sleeps never end unless cancelled.
    const stuck = new SteppingClock(clock.now());
    stuck.sleep = (_ms, signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    registerJobs({ client: createClient({ clock: stuck }), clock: stuck });
    const job = data(await startAdd(values));
    await vi.waitFor(async () => expect((await storedJob(job.id)).state).toBe('waiting'));
    data(await ask('jobs.cancel', { jobId: job.id }));
    await settleJobs();
    const after = await storedJob(job.id);
    expect(after.state).toBe('cancelled');
    expect(after.items.every((item) => item.state === 'failed' && item.outcome === 'cancelled')).toBe(true);
    registerJobs({ client: createClient({ clock }), clock });
  });

  it('dismisses only a job that is not running', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.intercept(async () => {
      await held;
      return undefined;
    });
    const job = data(await startAdd(numbers(3)));
    expect(await ask('jobs.dismiss', { jobId: job.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Cancel it first/) } });
    release();
    await settleJobs();
    expect(data(await ask('jobs.dismiss', { jobId: job.id }))).toEqual({ dismissed: true });
    expect(await jobsItem.item.getValue()).toEqual([]);
    expect(await ask('jobs.retryFailed', { jobId: job.id })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('other kinds', () => {
  it('approves and rejects join requests, naming the ones with no pending request', async () => {
    const values = numbers(4);
    for (const value of values.slice(0, 3)) server.joinRequests.add(value);
    const approve = await runToEnd({ kind: 'group.approve', sessionId: 'main', groupId: GROUP, items: itemsOf(values.slice(0, 2).concat(values[3]!)) });
    expect(approve.items.map((item) => item.outcome)).toEqual(['approved', 'approved', 'no-request']);
    const reject = await runToEnd({ kind: 'group.reject', sessionId: 'main', groupId: GROUP, items: itemsOf([values[2]!, values[0]!]) });
    expect(reject.items.map((item) => item.outcome)).toEqual(['rejected', 'no-request']);
    expect(server.joinRequests.size).toBe(0);
  });

  it('checks numbers on WhatsApp in chunks, comma-joined', async () => {
    const values = [...numbers(21), '6281299990000'];
    const job = await runToEnd({ kind: 'numbers.check', sessionId: 'main', items: itemsOf(values) });
    expect(server.to('/profile/on-whatsapp').map((request) => request.checkNumbers?.length)).toEqual([20, 2]);
    expect(countJob(job).outcomes).toEqual({ 'on-whatsapp': 21, 'not-on-whatsapp': 1 });
  });
});

describe('checking many numbers (a read)', () => {
  it('keeps up to three chunks on the wire, never a fourth while three are unanswered, and checks each number once', async () => {
    const values = numbers(100);
    const held: Array<() => void> = [];
    server.intercept(async (request) => {
      if (request.path !== '/profile/on-whatsapp') return undefined;
      await new Promise<void>((resolve) => held.push(resolve));
      return undefined;
    });
    const job = data(await ask('jobs.start', { kind: 'numbers.check', sessionId: 'main', items: itemsOf(values) }));
    try {
      await vi.waitFor(() => expect(held.length).toBeGreaterThanOrEqual(3));
      await settleMicrotasks();
      expect(server.to('/profile/on-whatsapp')).toHaveLength(3);
      // Each answer lets one more chunk go out, in order.
      for (let answered = 1; answered <= 2; answered += 1) {
        held.shift()!();
        await vi.waitFor(() => expect(server.to('/profile/on-whatsapp').length).toBeGreaterThanOrEqual(3 + answered));
        await settleMicrotasks();
        expect(server.to('/profile/on-whatsapp')).toHaveLength(3 + answered);
      }
    } finally {
      // Answered either way, so a failure here cannot leave the runner (and afterEach) waiting.
      server.intercept(undefined);
      for (const release of held.splice(0)) release();
    }
    await settleJobs();
    const after = await storedJob(job.id);
    expect(server.to('/profile/on-whatsapp').map((request) => request.checkNumbers?.[0])).toEqual([0, 20, 40, 60, 80].map((index) => values[index]));
    expect(after.state).toBe('done');
    expect(after.items.every((item) => item.state === 'done' && item.attempts === 1)).toBe(true);
  });

  it('reads the stored list again once someone else has changed it (a page repairing it), instead of its own copy', async () => {
    const first = await runToEnd({ kind: 'numbers.check', sessionId: 'main', items: itemsOf(numbers(2)) });
    expect(first.state).toBe('done');
    await jobsItem.item.setValue([]);
    expect(await ask('jobs.retryFailed', { jobId: first.id })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('pure job logic', () => {
  const success = (results: unknown[]): ApiSuccess => ({ ok: true, status: 200, results, latencyMs: 1 });

  it('reads WhatsApp’s numeric per-participant statuses', () => {
    const answer = success([
      {
        participants: [
          { jid: '6281230000001@s.whatsapp.net', status: '200' },
          { jid: '6281230000002@s.whatsapp.net', status: '409' },
          { jid: '6281230000003@s.whatsapp.net', status: '403' },
          { jid: '6281230000004@s.whatsapp.net', status: '408' },
        ],
      },
    ]);
    const outcomes = readChunkAnswer('group.add', ['6281230000001', '6281230000002', '6281230000003', '6281230000004', '6281230000005'], answer);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['added', 'already-in-group', 'failed', 'failed', 'failed']);
    expect(outcomes[3]!.reason).toMatch(/left the group recently/);
    expect(outcomes[4]!.reason).toMatch(/did not mention this number/);
  });

  it('takes the envelope’s word when an answer has no per-participant report', () => {
    expect(readChunkAnswer('group.add', ['6281230000001'], success([{ status: 'success' }]))).toEqual([{ state: 'done', outcome: 'added' }]);
  });

  it('reads a one-number check answer (an object, not a list)', () => {
    const outcomes = readChunkAnswer('numbers.check', ['6281230000001'], success([{ data: { jid: '6281230000001@s.whatsapp.net', phone: '6281230000001', isOnWhatsApp: false } }]));
    expect(outcomes).toEqual([{ state: 'done', outcome: 'not-on-whatsapp', reason: 'This number has no WhatsApp account.' }]);
  });

  it('does not take an absence on a LID-only participant list as proof', () => {
    const roster = readRoster('group.add', success([{ participants: [{ id: '111@lid', lid: '111@lid' }, { jid: '6281230000001@whatsapp.net' }] }]));
    expect(roster.complete).toBe(false);
    expect(roster.keys.has('6281230000001')).toBe(true);
    let job = newJob({ kind: 'group.add', profileId: 'p', sessionId: 's', groupId: GROUP }, itemsOf(['6281230000001', '6281230000002']), 'j', 1);
    job = markSending(job, [0, 1], 2);
    const settled = settleSending(job, roster, 3);
    expect(settled.items.map((item) => [item.state, item.outcome])).toEqual([
      ['done', 'added'],
      ['failed', 'failed'],
    ]);
    expect(settled.items[1]!.reason).toMatch(/not known whether it was added/);
  });

  it('gives up on an item after three unclear sends', () => {
    let job = newJob({ kind: 'group.add', profileId: 'p', sessionId: 's', groupId: GROUP }, itemsOf(['6281230000001']), 'j', 1);
    for (let round = 0; round < 3; round++) job = settleSending(markSending(job, [0], 2), { keys: new Set(), complete: true }, 3, 'timed out');
    expect(job.items[0]).toMatchObject({ state: 'failed', attempts: 3, reason: expect.stringMatching(/Sent 3 times.*timed out/) });
  });

  it('keeps outcomes of a chunk answered after a cancel, and picks chunks of pending items only', () => {
    let job = newJob({ kind: 'group.add', profileId: 'p', sessionId: 's', groupId: GROUP }, itemsOf(numbers(5)), 'j', 1);
    job = markSending(job, nextChunk(job, 2), 2);
    expect(nextChunk(job, 2)).toEqual([2, 3]);
    job = cancelJobState(job, 3);
    job = applyOutcomes(job, [0, 1], [{ state: 'done', outcome: 'added' }, { state: 'done', outcome: 'added' }], 4);
    expect(job.items.map((item) => item.outcome)).toEqual(['added', 'added', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('checks items: digits or phone JIDs for adds and checks, LIDs too for join requests', () => {
    expect(checkJobItems('group.add', [{ input: 'x', value: '628123@lid' }])).toMatchObject({ ok: false });
    expect(checkJobItems('group.approve', [{ input: 'x', value: '12345678901234@lid' }])).toMatchObject({ ok: true });
    expect(checkJobItems('numbers.check', [{ input: 'x', value: '6281230000001:4@s.whatsapp.net' }])).toMatchObject({ ok: true });
    expect(phoneDigitsOf('6281230000001:4@s.whatsapp.net')).toBe('6281230000001');
    expect(phoneDigitsOf('120363000000000001@g.us')).toBeUndefined();
  });
});

describe('JobProgressView', () => {
  const render = (job: Job) => renderToStaticMarkup(createElement(JobProgressView, { job, onAction: () => undefined }));
  const base = () => newJob({ kind: 'group.add', profileId: 'p', sessionId: 's', groupId: GROUP, groupName: 'Team' }, itemsOf(numbers(4)), 'j', 1);

  it('shows a labelled progress bar, counts per outcome and each item with its reason', () => {
    let job = markSending(base(), [0, 1, 2], 2);
    job = applyOutcomes(
      job,
      [0, 1, 2],
      [
        { state: 'done', outcome: 'added' },
        { state: 'done', outcome: 'already-in-group', reason: 'Already in the group.' },
        { state: 'failed', outcome: 'failed', reason: 'The server says: “boom”.' },
      ],
      3,
    );
    const html = render({ ...job, state: 'waiting', note: 'The server’s rate limit is reached; sending resumes at 10:00:05.' });
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Add participants · Team: progress"');
    expect(html).toContain('aria-valuenow="3"');
    expect(html).toContain('aria-valuemax="4"');
    expect(html).toMatch(/Added: <strong>1<\/strong>/);
    expect(html).toMatch(/Already in group: <strong>1<\/strong>/);
    expect(html).toMatch(/Failed: <strong>1<\/strong>/);
    expect(html).toContain('The server says: “boom”.');
    expect(html).toContain('rate limit is reached');
    expect(html).toContain('>Retry failed<');
    expect(html).toContain('>Cancel<');
    expect(html).not.toContain('>Dismiss<');
  });

  it('offers Dismiss (not Cancel) when the job is over, and Retry failed only with failures', () => {
    let job = markSending(base(), [0, 1, 2, 3], 2);
    job = applyOutcomes(job, [0, 1, 2, 3], [0, 1, 2, 3].map(() => ({ state: 'done' as const, outcome: 'added' })), 3);
    const html = render({ ...job, state: 'done' });
    expect(html).toContain('>Dismiss<');
    expect(html).not.toContain('>Cancel<');
    expect(html).not.toContain('>Retry failed<');
    expect(html).toContain('Done · 4 of 4 done');
  });
});
