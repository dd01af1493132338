import { useEffect, useId, useState } from 'react';
import { countJob, isActive, jobTitle, outcomeLabel, OUTCOME_LABELS } from '@/lib/jobs';
import { jobsItem, readChecked, type Job } from '@/lib/storage';
import { askBackground } from '@/lib/messaging/ask-background';
import { textsOf } from '@/lib/i18n';

const t = textsOf('common');

/**
 * A bulk job's progress, read from storage and kept current as the background works: a progress
 * bar, counts per outcome, each item's result, and Retry failed / Cancel / Dismiss.
 */

/** Every stored job, kept current. */
export function useJobs(): Job[] {
  const [jobs, setJobs] = useState<Job[]>([]);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const all = await readChecked(jobsItem);
      if (live) setJobs(all);
    };
    void read();
    const unwatch = jobsItem.item.watch(() => void read());
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return jobs;
}

/** A job's state in words (read when drawn: the language is chosen before the first render). */
const stateWord = (state: Job['state']): string =>
  ({ running: t('jobRunning'), waiting: t('jobWaiting'), done: t('jobDone'), cancelled: t('jobCancelled') })[state];

const OUTCOME_ORDER = Object.keys(OUTCOME_LABELS);

const barTrack: React.CSSProperties = { height: 8, borderRadius: 4, background: 'var(--line, #d8dfdc)', overflow: 'hidden', margin: '6px 0' };
const itemList: React.CSSProperties = { listStyle: 'none', padding: 0, margin: '8px 0 0', maxHeight: 220, overflowY: 'auto', fontSize: 12 };
const itemRow: React.CSSProperties = { display: 'flex', gap: 8, padding: '2px 0', borderBottom: '1px solid var(--line, #d8dfdc)' };

export function JobProgress({ jobId }: { jobId: string }) {
  const jobs = useJobs();
  const job = jobs.find((entry) => entry.id === jobId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    // useJobs starts empty: wait for its first read before saying the job is gone.
    let live = true;
    void readChecked(jobsItem).then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, []);

  if (!job) return loaded ? <p className="hint">{t('jobGone')}</p> : null;

  const act = async (type: JobAction) => {
    setBusy(true);
    setError(null);
    const reply = await askBackground(type, { jobId });
    setBusy(false);
    if (!reply.ok) setError(reply.error.message);
  };
  return <JobProgressView job={job} busy={busy} error={error} onAction={(type) => void act(type)} />;
}

export type JobAction = 'jobs.retryFailed' | 'jobs.cancel' | 'jobs.dismiss';

/** What JobProgress draws for one job (no storage or messaging: for tests and other views). */
export function JobProgressView(props: { job: Job; busy?: boolean; error?: string | null; onAction: (type: JobAction) => void }) {
  const { job, busy = false, error = null, onAction } = props;
  const titleId = useId();
  const counts = countJob(job);
  const title = jobTitle(job);
  const active = isActive(job);
  const percent = counts.total === 0 ? 100 : Math.round((counts.finished / counts.total) * 100);

  const outcomes = Object.entries(counts.outcomes).sort(([a], [b]) => {
    const rank = (key: string) => (OUTCOME_ORDER.includes(key) ? OUTCOME_ORDER.indexOf(key) : OUTCOME_ORDER.length);
    return rank(a) - rank(b);
  });
  const failed = counts.failed;

  return (
    <section className="card job-progress" aria-labelledby={titleId} style={{ marginBottom: 8, padding: 12 }}>
      <h4 id={titleId} style={{ margin: 0 }}>
        {title}
      </h4>
      <p className="hint" style={{ margin: '2px 0' }} aria-live="polite">
        {t('jobState', { state: stateWord(job.state), finished: counts.finished, total: counts.total })}
        {counts.sending > 0 && active ? t('jobSending', { count: counts.sending }) : ''}
      </p>
      <div
        role="progressbar"
        aria-label={t('jobProgress', { title })}
        aria-valuemin={0}
        aria-valuemax={counts.total}
        aria-valuenow={counts.finished}
        aria-valuetext={t('jobProgressValue', { finished: counts.finished, total: counts.total, percent })}
        style={barTrack}
      >
        <div style={{ width: `${percent}%`, height: '100%', background: job.state === 'cancelled' ? 'var(--muted, #5b6762)' : 'var(--green, #128c5e)' }} />
      </div>
      {job.note && active && (
        <p className="warning-text" role="status" style={{ margin: '4px 0' }}>
          {job.note}
        </p>
      )}
      {outcomes.length > 0 && (
        <ul aria-label={t('jobCounts')} className="job-counts" style={{ listStyle: 'none', padding: 0, margin: '4px 0', display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }}>
          {outcomes.map(([outcome, count]) => (
            <li key={outcome}>
              {OUTCOME_LABELS[outcome] ?? outcome}: <strong>{count}</strong>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {failed > 0 && (
          <button type="button" disabled={busy} onClick={() => onAction('jobs.retryFailed')}>
            {t('retryFailed')}
          </button>
        )}
        {active && (
          <button type="button" className="danger" disabled={busy} onClick={() => onAction('jobs.cancel')}>
            {t('cancel')}
          </button>
        )}
        {!active && (
          <button type="button" disabled={busy} onClick={() => onAction('jobs.dismiss')}>
            {t('dismiss')}
          </button>
        )}
      </div>
      <details open={counts.total <= 25 || failed > 0}>
        <summary>{t('jobEachItem', { count: counts.total })}</summary>
        <ul aria-label={t('jobResults')} style={itemList}>
          {job.items.map((item, index) => (
            <li key={`${index}:${item.value}`} style={itemRow} aria-label={`${item.input}: ${outcomeLabel(item)}${item.reason ? `. ${item.reason}` : ''}`}>
              <span style={{ minWidth: 130, fontVariantNumeric: 'tabular-nums' }}>{item.input}</span>
              <span style={{ minWidth: 90, fontWeight: 600, color: item.state === 'failed' ? 'var(--red, #b3261e)' : undefined }}>{outcomeLabel(item)}</span>
              {item.reason && <span className="hint">{item.reason}</span>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
