import { syncKeepAlive } from './keep-alive';
import type { ApiError } from '@/lib/warest/api-result';
import type { WarestClient } from '@/lib/warest/client';
import {
  applyOutcomes,
  chunkInputs,
  classifyChunkError,
  failRemaining,
  finishIfComplete,
  isActive,
  isWrite,
  markSending,
  nextChunk,
  operationFor,
  readChunkAnswer,
  readRoster,
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
import { realClock, type PacerClock } from '@/lib/warest/rate-pacer';
import type { Job, JobItem } from '@/lib/storage';
import { flushJobs, getJob, readJobs, stageJob, updateJob, whileActive } from './job-store';
import { client as sharedClient, reachProfile, requestTimeoutMs } from './server-calls';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Running bulk jobs (their messages: jobs.ts; the stored list: job-store.ts): many participants
 * added, many join requests approved or rejected, many numbers checked, in chunks, paced by the
 * shared client's RatePacer (which reads the X-RateLimit headers), with every step persisted.
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

export interface JobsDeps {
  client: WarestClient;
  clock: PacerClock;
  newId: () => string;
  chunkSize: number;
}

/** Chunks of a read-only job (checking numbers) on the wire at once. */
export const READ_PIPELINE = 3;

let deps: JobsDeps = { client: sharedClient, clock: realClock, newId: () => crypto.randomUUID(), chunkSize: JOB_CHUNK_SIZE };

interface Runner {
  promise: Promise<void>;
  controller: AbortController;
}
const runners = new Map<string, Runner>();
const finishedListeners = new Set<(job: Job) => void>();

/** Replaces what the runners work with (tests: a client with a test clock and fetch, fixed ids, a chunk size). */
export function configureJobs(overrides: Partial<JobsDeps>): void {
  deps = { ...deps, ...overrides };
}

/** The jobs' clock: the real one, or a test's. */
export const now = (): number => deps.clock.now();

export const newJobId = (): string => deps.newId();

/** The job's server, called through the jobs' client (the worker's, or a test's with its own clock). */
export function reachJobServer(job: Job) {
  return reachProfile(job.profileId, deps.client);
}

// ---- The keep-alive alarm ------------------------------------------------------------------

function syncAlarm(): Promise<void> {
  return syncKeepAlive(JOBS_ALARM, async () => (await readJobs()).some(isActive));
}

// ---- Running a job --------------------------------------------------------------------------

const interruptedUnknown = () => t('jobCancelledUnknown');

/** Items of a cancelled job still `sending` with no runner to settle them. */
function settleCancelled(job: Job): Job {
  if (job.state !== 'cancelled' || !job.items.some((item) => item.state === 'sending')) return job;
  return {
    ...job,
    updatedAt: now(),
    items: job.items.map((item): JobItem => (item.state === 'sending' ? { ...item, state: 'failed', outcome: 'failed', reason: interruptedUnknown() } : item)),
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

type Server = Extract<Awaited<ReturnType<typeof reachJobServer>>, { ok: true }>['value'];
type CallOptions = { timeoutMs: number; retryRateLimited: boolean };
interface ChunkFailure {
  error: ApiError;
  chunk: number[];
}

/**
 * Sends a read-only job's pending chunks, up to READ_PIPELINE on the wire at once (the shared
 * pacer still counts each against the rate limit), staging each chunk's `sending` mark and its
 * outcomes instead of writing the whole job twice per chunk: a worker that stops loses at most
 * the last batch of results, whose items are `pending` or `sending` on disk and are read again
 * (a read may go out twice; its attempts are counted). Stops launching at the first error, a
 * cancel, or when the job it was given has no pending chunk left; answers the errors met.
 */
async function sendReads(jobId: string, start: Job, server: Server, options: CallOptions, signal: AbortSignal): Promise<ChunkFailure[]> {
  let view = start.state === 'waiting' ? running(start, now()) : start;
  if (view !== start) await updateJob(jobId, whileActive((current) => running(current, now())));
  const failures: ChunkFailure[] = [];
  const inFlight = new Set<Promise<void>>();
  const apply = (change: (job: Job) => Job) => {
    view = change(view);
    stageJob(jobId, change);
  };
  for (;;) {
    while (failures.length === 0 && !signal.aborted && inFlight.size < READ_PIPELINE) {
      const chunk = nextChunk(view, deps.chunkSize);
      if (chunk.length === 0) break;
      apply(whileActive((current) => markSending(current, chunk, now())));
      const values = chunk.map((index) => view.items[index]!.value);
      const sent: Promise<void> = server.call(operationFor(view.kind), chunkInputs(view, values), options).then((answer) => {
        inFlight.delete(sent);
        if (answer.ok) {
          const outcomes = readChunkAnswer(view.kind, values, answer);
          apply((current) => finishIfComplete(applyOutcomes(current, chunk, outcomes, now()), now()));
        } else failures.push({ error: answer.error, chunk });
      });
      inFlight.add(sent);
    }
    if (inFlight.size === 0) return failures;
    await Promise.race(inFlight);
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
          return isActive(settled) ? waiting(settled, t('nextTry', { note: action.note, seconds: Math.round(delay / 1000) }), now()) : settled;
        });
        if (!(await sleep(delay, signal))) return false;
        await updateJob(jobId, whileActive((job) => running(job, now())));
        return true;
      }
      case 'fail-chunk': {
        if (chunk.length === 0) {
          // The verification read itself was refused: the person decides about the unconfirmed items.
          const reason = t('jobCheckRefused', { reason: action.reason });
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

    const reached = await reachJobServer(job);
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

    if (!isWrite(job.kind)) {
      // Reads: several chunks on the wire at once, their progress written in batches.
      const failures = await sendReads(jobId, job, server, options, signal);
      if (failures.length === 0) {
        unreachableCount = 0;
        lastError = undefined;
        // Written now (with the staged progress): the job's end, or its state for the next round.
        const after = await updateJob(jobId, (current) => finishIfComplete(current, now()));
        if (!after || !isActive(after) || nextChunk(after, 1).length === 0) break;
        continue;
      }
      let go = true;
      for (const failure of failures) if (go) go = await handleError(failure.error, failure.chunk);
      if (!go) break;
      continue;
    }

    const chunk = nextChunk(job, deps.chunkSize);
    if (chunk.length === 0) {
      await updateJob(jobId, (current) => finishIfComplete(current, now()));
      break;
    }
    // Written before the request goes out: a restart from here on verifies these items.
    const marked = await updateJob(jobId, whileActive((current) => markSending(current.state === 'waiting' ? running(current, now()) : current, chunk, now())));
    if (!marked || !isActive(marked)) break;
    const values = chunk.map((index) => marked.items[index]!.value);
    const answer = await server.call(operationFor(marked.kind), chunkInputs(marked, values), options);
    if (answer.ok) {
      unreachableCount = 0;
      lastError = undefined;
      const outcomes = readChunkAnswer(marked.kind, values, answer);
      // Staged: lost with the worker, the items are still `sending` on disk and get verified.
      stageJob(jobId, (current) => finishIfComplete(applyOutcomes(current, chunk, outcomes, now()), now()));
      continue;
    }
    if (!(await handleError(answer.error, chunk))) break;
  }

  // A job cancelled while items were left unconfirmed: say so rather than leave them "sending".
  await updateJob(jobId, settleCancelled);
  await flushJobs();
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
export function ensureRunner(jobId: string): void {
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
      // Part of the runner's end, so settleJobs() sees the alarm as it will stay.
      return syncAlarm();
    });
  runners.set(jobId, { promise, controller });
  void syncAlarm();
}

/**
 * A job was cancelled: its runner is woken to stop (a chunk already on the wire finishes and its
 * outcome is kept). Without a runner, the items it left unconfirmed are settled here; answers
 * the job so settled (undefined when a runner was told to stop).
 */
export async function stopRunner(jobId: string): Promise<Job | undefined> {
  const runner = runners.get(jobId);
  if (runner) {
    runner.controller.abort();
    return undefined;
  }
  const settled = await updateJob(jobId, settleCancelled);
  void syncAlarm();
  return settled;
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
