import { browser } from 'wxt/browser';
import { failure } from '@/lib/warest/api-result';
import { cancelJobState, checkJobItems, isActive, isGroupKind, newJob, retryFailedItems } from '@/lib/jobs';
import type { Reply, RequestOf } from '@/lib/messaging/protocol';
import type { Job } from '@/lib/storage';
import { registerHandler } from './handler-registry';
import { configureJobs, ensureRunner, JOBS_ALARM, newJobId, now, reachJobServer, resumeJobs, stopRunner, type JobsDeps } from './job-runner';
import { addJob, getJob, removeEndedJob, resetJobStore, updateJob, whileActive } from './job-store';
import { resolveProfile } from './profile-lookup';
import { reachProfileServer } from './server-calls';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The bulk jobs' messages (start, retry the failed items, cancel, dismiss) and their start-up:
 * the runners (job-runner.ts) resume the jobs a stopped worker left running.
 */

/** Validates and stores a new job, then starts it. */
async function startJob(request: RequestOf<'jobs.start'>): Promise<Reply<Job>> {
  const resolved = await resolveProfile(request.profileId);
  if (!resolved.ok) return resolved;
  const { profile, apiKey } = resolved.value;
  const sessionId = request.sessionId.trim();
  if (!sessionId) return failure('invalid-input', t('chooseSession'));
  const groupId = request.groupId?.trim();
  if (isGroupKind(request.kind) && !groupId) return failure('invalid-input', t('chooseGroup'));
  const items = checkJobItems(request.kind, request.items);
  if (!items.ok) return failure('invalid-input', items.reason);
  // Access is checked after the inputs: a wrong input is said first, even for a server not allowed yet.
  const reached = await reachProfileServer(profile, apiKey);
  if (!reached.ok) return reached;

  const job = newJob(
    { kind: request.kind, profileId: profile.id, sessionId, groupId: isGroupKind(request.kind) ? groupId : undefined, groupName: request.groupName?.trim() || undefined },
    items.items,
    newJobId(),
    now(),
  );
  await addJob(job);
  ensureRunner(job.id);
  return { ok: true, data: job };
}

function noJob(): Reply<never> {
  return failure('not-found', t('jobGone'));
}

async function retryFailed(jobId: string): Promise<Reply<Job>> {
  const job = await getJob(jobId);
  if (!job) return noJob();
  if (!job.items.some((item) => item.state === 'failed')) return failure('invalid-input', t('jobNoFailed'));
  const reached = await reachJobServer(job);
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

async function cancelJob(jobId: string): Promise<Reply<Job>> {
  const next = await updateJob(jobId, whileActive((job) => cancelJobState(job, now())));
  if (!next) return noJob();
  return { ok: true, data: (await stopRunner(jobId)) ?? next };
}

async function dismissJob(jobId: string): Promise<Reply<{ dismissed: true }>> {
  const result = await removeEndedJob(jobId);
  if (result === 'active') return failure('invalid-input', t('jobStillRunning'));
  // Dismissing twice (two popups) is fine.
  return { ok: true, data: { dismissed: true } };
}

/**
 * Registers the jobs handlers and resumes the jobs a stopped worker left running. `overrides`
 * are for tests (a client with a test clock and fetch, fixed ids, a chunk size).
 */
export function registerJobs(overrides: Partial<JobsDeps> = {}): void {
  configureJobs(overrides);
  resetJobStore();
  registerHandler('jobs.start', startJob);
  registerHandler('jobs.retryFailed', ({ jobId }) => retryFailed(jobId));
  registerHandler('jobs.cancel', ({ jobId }) => cancelJob(jobId));
  registerHandler('jobs.dismiss', ({ jobId }) => dismissJob(jobId));
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === JOBS_ALARM ? resumeJobs() : undefined));
  void resumeJobs();
}
