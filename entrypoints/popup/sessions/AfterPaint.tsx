import JobsSection from './JobsSection';
import ScheduledSection from './ScheduledSection';

/**
 * What the session list shows below its rows, loaded after the first paint as one chunk (one
 * lazy import in the first chunk, not one per section): the bulk jobs, the scheduled messages
 * and the way to the message templates.
 */
export default function AfterPaint() {
  return (
    <>
      <JobsSection />
      <ScheduledSection />
    </>
  );
}
