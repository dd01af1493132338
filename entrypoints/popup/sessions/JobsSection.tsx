import { JobProgress, useJobs } from '@/components/JobProgress';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { textsOf } from '@/lib/i18n';

const t = textsOf('sessions');

/**
 * The bulk jobs of the server shown in the popup — also those started from a right-click
 * window, whose progress would otherwise only be visible there. Loaded after the first paint.
 */
export default function JobsSection() {
  const jobs = useJobs();
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  const mine = jobs.filter((job) => job.profileId === activeProfileId);
  if (mine.length === 0) return null;
  return (
    <section className="jobs-section" aria-label={t('bulkJobs')}>
      <h2 className="jobs-heading">{t('bulkJobs')}</h2>
      {mine.map((job) => (
        <JobProgress key={job.id} jobId={job.id} />
      ))}
    </section>
  );
}
