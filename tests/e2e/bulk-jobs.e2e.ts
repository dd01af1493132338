import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest, type GroupRecord } from '../fake-server/index';
import { askFromPage, loadExtension, type LoadedExtension } from './support/extension';
import { runningWorkers, stopWorker } from './support/worker';

/**
 * A bulk add of 300 numbers, run by the built extension's background against the fake server
 * with a low rate limit. The service worker is stopped in the middle of the job; when it starts
 * again the job resumes, verifies the chunk that was on the wire, and finishes. At the end every
 * number is accounted for exactly once in the job, the server saw each number in at most one add
 * request it acted on, and all 300 are participants.
 */

interface StoredItem {
  input: string;
  value: string;
  state: string;
  outcome?: string;
  reason?: string;
  attempts: number;
}
interface StoredJob {
  id: string;
  state: string;
  note?: string;
  items: StoredItem[];
}

let extension: LoadedExtension;
let server: FakeWarest;
let group: GroupRecord;
let page: Page;

const ADD_PATH = '/api/v1/group/participants/add';
const NUMBERS = Array.from({ length: 300 }, (_, index) => `62812${40000001 + index}`);

async function readJob(from: Page, jobId: string): Promise<StoredJob | undefined> {
  return from.evaluate(async (id) => {
    const jobs = ((await chrome.storage.local.get('jobs'))['jobs'] ?? []) as StoredJob[];
    return jobs.find((job) => job.id === id);
  }, jobId);
}

/** The extension's service-worker targets, as the browser's DevTools protocol lists them. */

beforeAll(async () => {
  extension = await loadExtension();
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: '6281234567890' } });
  group = server.addGroup('alice', 'main', { subject: 'Bulk test', participants: [{ phone: '6281299887766' }] });
  page = await extension.openPage('options.html');
  const saved = await askFromPage(page, 'profile.save', { name: 'Office', baseUrl: server.url, apiKey: 'user-key' });
  if (!saved.ok) throw new Error(`could not save the profile: ${saved.error.message}`);
});

afterAll(async () => {
  await extension?.close();
  await server?.stop();
});

describe('a bulk add that loses nothing', () => {
  it('adds 300 numbers across a service-worker stop: each once, none dropped, none sent twice', async () => {
    // Low enough that the job spans several rate-limit windows and the pacer has to wait.
    server.setRateLimit({ limit: 5, windowMs: 2000 });
    server.setLatency(150);
    server.clearRequests();

    const started = await askFromPage(page, 'jobs.start', {
      kind: 'group.add',
      sessionId: 'main',
      groupId: group.jid,
      groupName: 'Bulk test',
      items: NUMBERS.map((value) => ({ input: `+${value.slice(0, 2)} ${value.slice(2, 5)}-${value.slice(5, 9)}-${value.slice(9)}`, value })),
    });
    expect(started.ok, started.ok ? '' : started.error.message).toBe(true);
    const jobId: string = started.data.id;
    expect(started.data.items).toHaveLength(300);

    // Wait until the job is well under way, with a chunk on the wire (its items stored as
    // sending), then stop the service worker.
    await expect
      .poll(
        async () => {
          const items = (await readJob(page, jobId))?.items ?? [];
          return items.filter((item) => item.state === 'done').length >= 60 && items.some((item) => item.state === 'sending');
        },
        { timeout: 20_000, interval: 20 },
      )
      .toBe(true);

    // Stop the worker the way the browser does when it is idle: its JavaScript ends mid-job.
    await stopWorker(extension);

    const atStop = (await readJob(page, jobId))!;
    const doneAtStop = atStop.items.filter((item) => item.state === 'done').length;
    const sendingAtStop = atStop.items.filter((item) => item.state === 'sending').map((item) => item.value);
    expect(doneAtStop).toBeGreaterThanOrEqual(60);
    expect(doneAtStop).toBeLessThan(300);
    expect(atStop.state === 'running' || atStop.state === 'waiting').toBe(true);

    // Nothing moves while the worker is stopped.
    const requestsWhileStopped = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.requests.filter((entry) => entry.path === ADD_PATH).length).toBe(
      server.requests.slice(0, requestsWhileStopped).filter((entry) => entry.path === ADD_PATH).length,
    );
    expect((await readJob(page, jobId))!.items.filter((item) => item.state === 'done').length).toBe(doneAtStop);
    expect(await runningWorkers(extension)).toBe(0);

    // A message from a page wakes the worker (the keep-alive alarm would too, within 30 s): a new
    // worker starts, registerJobs resumes the job from storage.
    await askFromPage(page, 'login.poll', {});
    await expect.poll(() => runningWorkers(extension)).toBe(1);

    await expect.poll(async () => (await readJob(page, jobId))?.state, { timeout: 40_000, interval: 250 }).toBe('done');
    const job = (await readJob(page, jobId))!;
    console.log(`bulk job: ${doneAtStop} done and ${sendingAtStop.length} sending when the worker stopped; ${server.stats.rateLimited} answers were 429; ${job.items.filter((item) => /Confirmed/.test(item.reason ?? '')).length} confirmed by reading the group`);

    // Every number exactly once in the job, each added.
    expect(job.items).toHaveLength(300);
    expect(job.items.map((item) => item.value).sort()).toEqual([...NUMBERS].sort());
    expect(job.items.filter((item) => item.state !== 'done' || item.outcome !== 'added')).toEqual([]);
    // Items that were on the wire when the worker stopped were verified, not resent, when the
    // server had acted on them.
    if (sendingAtStop.length > 0) {
      expect(server.requests.some((entry) => entry.path === '/api/v1/group/participants' && entry.method === 'GET')).toBe(true);
    }

    // The server: each number in at most one add request it acted on (a 429 is not acted on).
    const acted = server.requests.filter((entry) => entry.path === ADD_PATH && entry.status !== 429);
    const seen = new Map<string, number>();
    for (const entry of acted) {
      for (const phone of ((entry.body as { participants?: string[] } | undefined)?.participants ?? [])) seen.set(phone, (seen.get(phone) ?? 0) + 1);
    }
    expect([...seen.entries()].filter(([, count]) => count > 1)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...NUMBERS].sort());
    const participants = new Set(group.participants.map((participant) => participant.phone));
    expect(NUMBERS.filter((phone) => !participants.has(phone))).toEqual([]);
    expect(group.participants).toHaveLength(302);

    expect(server.violations()).toEqual([]);
    expect(server.errors).toEqual([]);
  });
});
