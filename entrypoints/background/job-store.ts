import { browser } from 'wxt/browser';
import { isActive, pruneJobs } from '@/lib/jobs';
import { serialised } from '@/lib/serialised';
import { jobsItem, readChecked, type Job } from '@/lib/storage';

/**
 * The stored bulk jobs (jobsItem). The runners and the handlers all change the one stored list:
 * every change goes through one queue and is made on the value as stored, so none is lost.
 *
 * Two kinds of change. `updateJob` is written before it answers: what must be on disk before
 * the next step (items marked `sending` before a write goes out, a job cancelled, waiting…).
 * `stageJob` is progress that may be lost with the worker (a chunk's outcomes, whose items are
 * still `sending` or `pending` on disk, so a restart verifies or re-reads them): staged changes
 * are kept in order in memory and written together, STAGED_WRITE_INTERVAL_MS after the first of
 * them, or with the next durable change, whichever comes first. The stored list is 127 KB of JSON
 * for a job of 1,000 items and each write of it costs the worker 15–50 ms, so writing it twice
 * per chunk of 20 was the bulk check's time (README, Speed). Every read and durable write here
 * folds the staged changes in first, so nobody in the worker sees an older job than the runner does.
 */

const jobChanges = serialised();

/** Staged changes per job, oldest first, not yet written. Only touched inside the queue, or appended to. */
const staged = new Map<string, Array<(job: Job) => Job>>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * How long staged progress waits to be written with what follows. Every write of the list costs
 * the worker its size twice more (each storage listener in the worker is handed the old and the
 * new value), so progress goes out a few times a second, not once per chunk.
 */
const STAGED_WRITE_INTERVAL_MS = 400;

/**
 * The list as this worker last read or wrote it, so a batch or a runner's step does not read and
 * check the whole list again (another 40–50 ms for 1,000 items). Only the worker writes jobs; any
 * change it did not make itself (a page repairing a damaged list, a test) drops the copy.
 */
let mirror: Job[] | undefined;
/** The JSON of the last few lists written here, to tell our own changes from others' as they are reported. */
const ownWrites: string[] = [];

/** JSON with every object's keys in order: the browser reports stored objects with their keys sorted. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : entry,
  );
}

function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  const change = area === 'local' ? changes[jobsItem.storageKey] : undefined;
  if (!change) return;
  const written = ownWrites.indexOf(sortedJson(change.newValue));
  if (written >= 0) ownWrites.splice(0, written + 1);
  else mirror = undefined;
}

/** Forgets the copy and watches for others' changes (at start-up; tests call it after resetting storage). */
export function resetJobStore(): void {
  mirror = undefined;
  ownWrites.length = 0;
  staged.clear();
  if (!browser.storage.onChanged.hasListener(onStorageChanged)) browser.storage.onChanged.addListener(onStorageChanged);
}

async function readList(): Promise<Job[]> {
  mirror ??= await readChecked(jobsItem);
  return mirror;
}

async function writeList(jobs: Job[]): Promise<void> {
  ownWrites.push(sortedJson(jobs));
  if (ownWrites.length > 8) ownWrites.shift();
  mirror = jobs;
  try {
    await jobsItem.item.setValue(jobs);
  } catch (error) {
    mirror = undefined;
    throw error;
  }
}

/** The stored list with the staged changes applied (inside the queue only). Clears what it applied when `take`. */
async function readFolded(take: boolean): Promise<{ jobs: Job[]; changed: boolean }> {
  let jobs = [...(await readList())];
  let changed = false;
  if (staged.size > 0) {
    jobs = jobs.map((job) => {
      const changes = staged.get(job.id);
      if (!changes) return job;
      const next = changes.reduce((value, change) => change(value), job);
      if (next !== job) changed = true;
      return next;
    });
    // Changes for a job no longer stored (dismissed meanwhile) have nothing to apply to.
    if (take) staged.clear();
  }
  return { jobs, changed };
}

export function readJobs(): Promise<Job[]> {
  return jobChanges(async () => (await readFolded(false)).jobs);
}

export async function getJob(jobId: string): Promise<Job | undefined> {
  return (await readJobs()).find((job) => job.id === jobId);
}

/** Changes one stored job, written (with every staged change before it) before this answers; writes only when something changed. */
export function updateJob(jobId: string, change: (job: Job) => Job): Promise<Job | undefined> {
  return jobChanges(async () => {
    const { jobs, changed } = await readFolded(true);
    const index = jobs.findIndex((job) => job.id === jobId);
    if (index < 0) {
      if (changed) await writeList(jobs);
      return undefined;
    }
    const current = jobs[index]!;
    const next = change(current);
    if (next !== current) jobs[index] = next;
    if (next !== current || changed) await writeList(jobs);
    return next;
  });
}

/**
 * Progress that may be lost with the worker (see above): applied to the job as stored when the
 * next batch is written. The caller applies the same change to its own copy.
 */
export function stageJob(jobId: string, change: (job: Job) => Job): void {
  const changes = staged.get(jobId);
  if (changes) changes.push(change);
  else staged.set(jobId, [change]);
  flushTimer ??= setTimeout(() => {
    // A batch that could not be written is lost like a stopped worker's: the runner finds those
    // items still pending or sending on disk and reads or verifies them again.
    flushJobs().catch((error: unknown) => console.error('WARest Companion: could not save job progress', error instanceof Error ? error.message : error));
  }, STAGED_WRITE_INTERVAL_MS);
}

/** Resolves once every staged change is written (a runner's last step, so its end is on disk). */
export function flushJobs(): Promise<void> {
  if (flushTimer !== undefined) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (staged.size === 0) return jobChanges.settled();
  return jobChanges(async () => {
    const { jobs, changed } = await readFolded(true);
    if (changed) await writeList(jobs);
  });
}

/** Only while the job is still running or waiting (not cancelled or dismissed meanwhile). */
export function whileActive(change: (job: Job) => Job): (job: Job) => Job {
  return (job) => (isActive(job) ? change(job) : job);
}

/** Adds a new job (the oldest finished ones make room, see pruneJobs). */
export function addJob(job: Job): Promise<void> {
  return jobChanges(async () => writeList(pruneJobs([...(await readFolded(true)).jobs, job])));
}

/** Removes a job that has ended; one still at work is left ('active'). */
export function removeEndedJob(jobId: string): Promise<'removed' | 'gone' | 'active'> {
  return jobChanges(async () => {
    const { jobs, changed } = await readFolded(true);
    const job = jobs.find((entry) => entry.id === jobId);
    if (!job) {
      if (changed) await writeList(jobs);
      return 'gone' as const;
    }
    if (isActive(job)) {
      if (changed) await writeList(jobs);
      return 'active' as const;
    }
    await writeList(jobs.filter((entry) => entry.id !== jobId));
    return 'removed' as const;
  });
}
