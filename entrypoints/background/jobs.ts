import { browser } from 'wxt/browser';
import { failure, type ApiError } from '@/lib/warest/api-result';
import type { WarestClient } from '@/lib/warest/client';
import {
  applyOutcomes,
  cancelJobState,
  checkJobItems,
  chunkInputs,
  classifyChunkError,
  failRemaining,
  finishIfComplete,
  isActive,
  isGroupKind,
  isWrite,
  markSending,
  newJob,
  nextChunk,
  operationFor,
  pruneJobs,
  readChunkAnswer,
  readRoster,
  retryFailedItems,
  running,
  sendingIndices,
  settleSending,
  unreachableDelay,
  unsend,
  verificationFor,
  waiting,
  JOB_CHUNK_SIZE,
  type Roster,
} from '@/lib/jobs';
import type { Reply, RequestOf } from '@/lib/messaging/protocol';
import { serialised } from '@/lib/serialised';
import { realClock, type PacerClock } from '@/lib/warest/rate-pacer';
import { jobsItem, readChecked, type Job, type JobItem } from '@/lib/storage';
import { resolveProfile } from './profile-lookup';
import { registerHandler } from './handler-registry';
import { client as sharedClient, reachProfile, reachProfileServer, requestTimeoutMs } from './server-calls';

/**
 * Bulk jobs in the background: many participants added, many join requests approved or
 * rejected, many numbers checked, in chunks, paced by the shared client's RatePacer (which reads
 * the X-RateLimit headers), with every step persisted in `jobsItem`.
 *
 * Crash safety. Before a chunk goes out its items are marked `sending` and that is persisted;
 * their outcome is persisted when the answer arrives. So a service worker that stops at any
 * moment leaves each item pending (never sent: send it), settled (done/failed: leave it), or
 * sending (maybe sent). On the next start `registerJobs` resumes every running job, and items
 * found `sending` are verified before anything else is sent: for adds the group's participant
 * list is read (present → added), for approvals/rejections the pending join requests (gone →
 * done); only the ones the server shows it did not act on go out again. Checking numbers is a
 * read, so those are simply sent again (each send is counted in `attempts`). A keep-alive alarm
 * runs while any job is active, so a worker stopped during a long wait is woken to carry on.
 *
 * A 429 means the server did not act: the job waits until the window resets and sends the same
 * chunk again. An unreachable server (or a timeout, a 5xx, a proxy's error page) might have
 * acted: the job waits, says why in its note, and verifies before going on.
 */

export const JOBS_ALARM = 'warest-jobs-keepalive';
/** Chrome's shortest alarm period (30 s). */
const ALARM_PERIOD_MINUTES = 0.5;

export interface JobsDeps {
  client: WarestClient;
  clock: PacerClock;
  newId: () => string;
  chunkSize: number;
}

let deps: JobsDeps = { client: sharedClient, clock: realClock, newId: () => crypto.randomUUID(), chunkSize: JOB_CHUNK_SIZE };

interface Runner {
  promise: Promise<void>;
  controller: AbortController;
}
const runners = new Map<string, Runner>();
const finishedListeners = new Set<(job: Job) => void>();

// ---- Storage: every change goes through one queue, on the stored value --------------------

const jobChanges = serialised();

async function readJobs(): Promise<Job[]> {
  return readChecked(jobsItem);
}

export async function getJob(jobId: string): Promise<Job | undefined> {
  return (await readJobs()).find((job) => job.id === jobId);
}

/** Changes one stored job; writes only when something changed. */
function updateJob(jobId: string, change: (job: Job) => Job): Promise<Job | undefined> {
  return jobChanges(async () => {
    const jobs = await readJobs();
    const index = jobs.findIndex((job) => job.id === jobId);
    if (index < 0) return undefined;
    const current = jobs[index]!;
    const next = change(current);
    if (next !== current) {
      const copy = [...jobs];
      copy[index] = next;
      await jobsItem.item.setValue(copy);
    }
    return next;
  });
}

/** Only while the job is still running or waiting (not cancelled or dismissed meanwhile). */
function whileActive(change: (job: Job) => Job): (job: Job) => Job {
  return (job) => (isActive(job) ? change(job) : job);
}

const now = () => deps.clock.now();

// ---- The keep-alive alarm ------------------------------------------------------------------

async function syncAlarm(): Promise<void> {
  try {
    const active = (await readJobs()).some(isActive);
    const existing = await browser.alarms.get(JOBS_ALARM);
    if (active && !existing) await browser.alarms.create(JOBS_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: ALARM_PERIOD_MINUTES });
    if (!active && existing) await browser.alarms.clear(JOBS_ALARM);
  } catch (error) {
    console.warn('WARest Companion: jobs alarm', error instanceof Error ? error.message : error);
  }
}

// ---- Running a job --------------------------------------------------------------------------

const INTERRUPTED_UNKNOWN =
  'The job was cancelled while the server could not confirm this item, so it is not known whether it was sent. Check, then use Retry failed if needed.';

/** Items of a cancelled job still `sending` with no runner to settle them. */
function settleCancelled(job: Job): Job {
  if (job.state !== 'cancelled' || !job.items.some((item) => item.state === 'sending')) return job;
  return {
    ...job,
    updatedAt: now(),
    items: job.items.map((item): JobItem => (item.state === 'sending' ? { ...item, state: 'failed', outcome: 'failed', reason: INTERRUPTED_UNKNOWN } : item)),
  };
}

async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await deps.clock.sleep(Math.max(0, ms), signal);
    return true;
  } catch {
    return false;
  }
}

async function runJob(jobId: string, signal: AbortSignal): Promise<void> {
  let unreachableCount = 0;
  let lastError: string | undefined;

  /** Waits out an error; false when the runner must stop. */
  const handleError = async (error: ApiError, chunk: number[]): Promise<boolean> => {
    const action = classifyChunkError(error, now());
    const kind = (await getJob(jobId))?.kind;
    switch (action.action) {
      case 'wait-rate-limit': {
        await updateJob(jobId, (job) => {
          const back = unsend(job, chunk, now());
          return isActive(back) ? waiting(back, action.note, now()) : back;
        });
        if (!(await sleep(action.until - now(), signal))) return false;
        await updateJob(jobId, whileActive((job) => running(job, now())));
        return true;
      }
      case 'wait-unreachable': {
        unreachableCount += 1;
        lastError = action.reason;
        const delay = unreachableDelay(unreachableCount);
        await updateJob(jobId, (job) => {
          // A read can go out again; a write stays `sending` and is verified once the server answers.
          const settled = kind && !isWrite(kind) && chunk.length > 0 ? settleSending(job, undefined, now(), lastError) : job;
          return isActive(settled) ? waiting(settled, `${action.note} Next try in ${Math.round(delay / 1000)} s.`, now()) : settled;
        });
        if (!(await sleep(delay, signal))) return false;
        await updateJob(jobId, whileActive((job) => running(job, now())));
        return true;
      }
      case 'fail-chunk': {
        if (chunk.length === 0) {
          // The verification read itself was refused: the person decides about the unconfirmed items.
          const reason = `Interrupted, and the check that would tell whether this went through was refused (${action.reason}). Check, then use Retry failed if needed.`;
          await updateJob(jobId, (job) => finishIfComplete({ ...job, items: job.items.map((item): JobItem => (item.state === 'sending' ? { ...item, state: 'failed', outcome: 'failed', reason } : item)) }, now()));
          return true;
        }
        await updateJob(jobId, (job) =>
          finishIfComplete(applyOutcomes(job, chunk, chunk.map(() => ({ state: 'failed', outcome: 'failed', reason: action.reason })), now()), now()),
        );
        return true;
      }
      case 'fail-job': {
        await updateJob(jobId, (job) => finishIfComplete(failRemaining(job, action.reason, now()), now()));
        return false;
      }
    }
  };

  for (;;) {
    if (signal.aborted) break;
    const job = await getJob(jobId);
    if (!job || !isActive(job)) break;

    // Through the jobs' client: the worker's, or a test's with its own clock.
    const reached = await reachProfile(job.profileId, deps.client);
    if (!reached.ok) {
      await updateJob(jobId, (current) => finishIfComplete(failRemaining(current, reached.error.message, now()), now()));
      break;
    }
    const server = reached.value;
    const options = { timeoutMs: await requestTimeoutMs(), retryRateLimited: false };

    // Items that may or may not have reached the server: find out before sending anything else.
    if (sendingIndices(job).length > 0) {
      const verification = verificationFor(job);
      let roster: Roster | undefined;
      if (verification) {
        const answer = await server.call(verification.operationId, verification.inputs, options);
        if (!answer.ok) {
          if (!(await handleError(answer.error, []))) break;
          continue;
        }
        roster = readRoster(job.kind, answer);
      }
      unreachableCount = 0;
      await updateJob(jobId, (current) => {
        const settled = settleSending(current, roster, now(), lastError);
        return finishIfComplete(current.state === 'waiting' ? running(settled, now()) : settled, now());
      });
      continue;
    }

    const chunk = nextChunk(job, deps.chunkSize);
    if (chunk.length === 0) {
      await updateJob(jobId, (current) => finishIfComplete(current, now()));
      break;
    }
    // Persisted before the request goes out: a restart from here on verifies these items.
    const marked = await updateJob(jobId, whileActive((current) => markSending(current.state === 'waiting' ? running(current, now()) : current, chunk, now())));
    if (!marked || !isActive(marked)) break;
    const values = chunk.map((index) => marked.items[index]!.value);
    const answer = await server.call(operationFor(marked.kind), chunkInputs(marked, values), options);
    if (answer.ok) {
      unreachableCount = 0;
      lastError = undefined;
      const outcomes = readChunkAnswer(marked.kind, values, answer);
      await updateJob(jobId, (current) => finishIfComplete(applyOutcomes(current, chunk, outcomes, now()), now()));
      continue;
    }
    if (!(await handleError(answer.error, chunk))) break;
  }

  // A job cancelled while items were left unconfirmed: say so rather than leave them "sending".
  await updateJob(jobId, settleCancelled);
}

function notifyIfFinished(jobId: string): void {
  void getJob(jobId).then((job) => {
    if (!job || isActive(job)) return;
    for (const listener of finishedListeners) {
      try {
        listener(job);
      } catch {
        /* a listener's failure is its own */
      }
    }
  });
}

/** Starts the job's runner unless one is already at work on it. */
function ensureRunner(jobId: string): void {
  const current = runners.get(jobId);
  if (current && !current.controller.signal.aborted) return;
  const controller = new AbortController();
  // A runner that was told to stop may still be waiting for its chunk's answer: start after it.
  const previous = current?.promise ?? Promise.resolve();
  const promise: Promise<void> = previous
    .then(() => runJob(jobId, controller.signal))
    .catch((error: unknown) => {
      console.error('WARest Companion: job runner failed', error instanceof Error ? error.message : error);
    })
    .finally(() => {
      if (runners.get(jobId)?.promise === promise) runners.delete(jobId);
      notifyIfFinished(jobId);
      void syncAlarm();
    });
  runners.set(jobId, { promise, controller });
  void syncAlarm();
}

/** Resumes every running or waiting job that has no runner (after a service-worker restart, or on the alarm). */
export async function resumeJobs(): Promise<void> {
  const jobs = await readJobs();
  for (const job of jobs) {
    if (isActive(job)) ensureRunner(job.id);
    else if (job.state === 'cancelled' && !runners.has(job.id)) await updateJob(job.id, settleCancelled);
  }
  await syncAlarm();
}

/** Resolves once no job is being worked on (for tests and for callers that want the end). */
export async function settleJobs(): Promise<void> {
  while (runners.size > 0) await Promise.all([...runners.values()].map((runner) => runner.promise));
}

/** Called with each job that finishes (done, or stopped by a problem), e.g. to notify the user. */
export function onJobFinished(listener: (job: Job) => void): () => void {
  finishedListeners.add(listener);
  return () => finishedListeners.delete(listener);
}

// ---- Handlers -------------------------------------------------------------------------------

/** Validates and stores a new job, then starts it. Also callable from other background code (menus). */
export async function startJob(request: RequestOf<'jobs.start'>): Promise<Reply<Job>> {
  const resolved = await resolveProfile(request.profileId);
  if (!resolved.ok) return resolved;
  const { profile, apiKey } = resolved.value;
  const sessionId = request.sessionId.trim();
  if (!sessionId) return failure('invalid-input', 'Choose the WhatsApp session to use.');
  const groupId = request.groupId?.trim();
  if (isGroupKind(request.kind) && !groupId) return failure('invalid-input', 'Choose the group.');
  const items = checkJobItems(request.kind, request.items);
  if (!items.ok) return failure('invalid-input', items.reason);
  // Access is checked after the inputs: a wrong input is said first, even for a server not allowed yet.
  const reached = await reachProfileServer(profile, apiKey);
  if (!reached.ok) return reached;

  const job = newJob(
    { kind: request.kind, profileId: profile.id, sessionId, groupId: isGroupKind(request.kind) ? groupId : undefined, groupName: request.groupName?.trim() || undefined },
    items.items,
    deps.newId(),
    now(),
  );
  await jobChanges(async () => jobsItem.item.setValue(pruneJobs([...(await readJobs()), job])));
  ensureRunner(job.id);
  return { ok: true, data: job };
}

function noJob(): Reply<never> {
  return failure('not-found', 'That job is no longer in the list.');
}

export async function retryFailed(jobId: string): Promise<Reply<Job>> {
  const job = await getJob(jobId);
  if (!job) return noJob();
  if (!job.items.some((item) => item.state === 'failed')) return failure('invalid-input', 'This job has no failed items to retry.');
  const reached = await reachProfile(job.profileId, deps.client);
  if (!reached.ok) return failure('invalid-input', reached.error.message);
  const next = await updateJob(jobId, (current) => {
    const retried = retryFailedItems(current, now());
    // A job still at work keeps its state (and its note, e.g. while waiting for the rate limit).
    return isActive(current) ? { ...retried, state: current.state, ...(current.note !== undefined && { note: current.note }) } : retried;
  });
  if (!next) return noJob();
  ensureRunner(jobId);
  return { ok: true, data: next };
}

export async function cancelJob(jobId: string): Promise<Reply<Job>> {
  const next = await updateJob(jobId, whileActive((job) => cancelJobState(job, now())));
  if (!next) return noJob();
  const runner = runners.get(jobId);
  if (runner) {
    // Wakes a waiting runner; a chunk already on the wire finishes and its outcome is kept.
    runner.controller.abort();
  } else {
    const settled = await updateJob(jobId, settleCancelled);
    void syncAlarm();
    return { ok: true, data: settled ?? next };
  }
  return { ok: true, data: next };
}

export async function dismissJob(jobId: string): Promise<Reply<{ dismissed: true }>> {
  const result = await jobChanges(async () => {
    const jobs = await readJobs();
    const job = jobs.find((entry) => entry.id === jobId);
    if (!job) return 'gone' as const;
    if (isActive(job)) return 'active' as const;
    await jobsItem.item.setValue(jobs.filter((entry) => entry.id !== jobId));
    return 'removed' as const;
  });
  if (result === 'active') return failure('invalid-input', 'This job is still running. Cancel it first.');
  // Dismissing twice (two popups) is fine.
  return { ok: true, data: { dismissed: true } };
}

/**
 * Registers the jobs handlers and resumes the jobs a stopped worker left running. `overrides`
 * are for tests (a client with a test clock and fetch, fixed ids, a chunk size).
 */
export function registerJobs(overrides: Partial<JobsDeps> = {}): void {
  deps = { ...deps, ...overrides };
  registerHandler('jobs.start', startJob);
  registerHandler('jobs.retryFailed', ({ jobId }) => retryFailed(jobId));
  registerHandler('jobs.cancel', ({ jobId }) => cancelJob(jobId));
  registerHandler('jobs.dismiss', ({ jobId }) => dismissJob(jobId));
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === JOBS_ALARM ? resumeJobs() : undefined));
  void resumeJobs();
}
