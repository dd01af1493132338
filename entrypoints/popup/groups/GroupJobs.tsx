import { useEffect, useRef, useState } from 'react';
import { JobProgress } from '@/components/JobProgress';
import { jobsItem, readChecked, type Job, type JobKind } from '@/lib/storage';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

/**
 * The bulk jobs (adding participants, approving or rejecting join requests) of one group, with
 * their progress. They run in the background: closing the popup does not stop them. `onFinished`
 * is called when one of them completes, to re-read what it changed.
 */
export function GroupJobs(props: { sessionId: string; groupId: string; kinds: readonly JobKind[]; onFinished?: () => void }) {
  const { sessionId, groupId, kinds, onFinished } = props;
  const profileId = useProfileChoice((s) => s.activeProfileId);
  const [jobs, setJobs] = useState<Job[]>([]);
  const finished = useRef<Set<string> | null>(null);
  const callback = useRef(onFinished);
  callback.current = onFinished;
  const kindKey = kinds.join(',');

  useEffect(() => {
    let live = true;
    const read = async () => {
      const all = await readChecked(jobsItem);
      if (!live) return;
      const mine = all.filter((job) => job.profileId === profileId && job.sessionId === sessionId && job.groupId === groupId && kindKey.split(',').includes(job.kind));
      const done = new Set(mine.filter((job) => job.state === 'done').map((job) => job.id));
      // Jobs that were already done when the view opened do not count as "just finished".
      if (finished.current && [...done].some((id) => !finished.current?.has(id))) callback.current?.();
      finished.current = done;
      setJobs(mine);
    };
    void read();
    const unwatch = jobsItem.item.watch(() => void read());
    return () => {
      live = false;
      unwatch();
    };
  }, [profileId, sessionId, groupId, kindKey]);

  if (jobs.length === 0) return null;
  return (
    <section className="group-section" aria-label={t('bulkJobs')}>
      <h3>{t('inTheBackground')}</h3>
      {jobs.map((job) => (
        <JobProgress key={job.id} jobId={job.id} />
      ))}
    </section>
  );
}
