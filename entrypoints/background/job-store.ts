import { isActive, pruneJobs } from '@/lib/jobs';
import { serialised } from '@/lib/serialised';
import { jobsItem, readChecked, type Job } from '@/lib/storage';
import { updateStoredRecord } from '@/lib/storage/stored-list';

/**
 * The stored bulk jobs (jobsItem). The runners and the handlers all change the one stored list:
 * every change goes through one queue and is made on the value as stored, so none is lost.
 */

const jobChanges = serialised();

export async function readJobs(): Promise<Job[]> {
  return readChecked(jobsItem);
}

export async function getJob(jobId: string): Promise<Job | undefined> {
  return (await readJobs()).find((job) => job.id === jobId);
}

/** Changes one stored job; writes only when something changed. */
export function updateJob(jobId: string, change: (job: Job) => Job): Promise<Job | undefined> {
  return updateStoredRecord(jobsItem, jobChanges, jobId, change);
}

/** Only while the job is still running or waiting (not cancelled or dismissed meanwhile). */
export function whileActive(change: (job: Job) => Job): (job: Job) => Job {
  return (job) => (isActive(job) ? change(job) : job);
}

/** Adds a new job (the oldest finished ones make room, see pruneJobs). */
export function addJob(job: Job): Promise<void> {
  return jobChanges(async () => jobsItem.item.setValue(pruneJobs([...(await readJobs()), job])));
}

/** Removes a job that has ended; one still at work is left ('active'). */
export function removeEndedJob(jobId: string): Promise<'removed' | 'gone' | 'active'> {
  return jobChanges(async () => {
    const jobs = await readJobs();
    const job = jobs.find((entry) => entry.id === jobId);
    if (!job) return 'gone' as const;
    if (isActive(job)) return 'active' as const;
    await jobsItem.item.setValue(jobs.filter((entry) => entry.id !== jobId));
    return 'removed' as const;
  });
}
