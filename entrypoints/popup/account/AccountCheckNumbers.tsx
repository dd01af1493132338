import { useState } from 'react';
import { JobProgress, useJobs } from '@/components/JobProgress';
import { jobItemsOf } from '@/lib/jobs';
import { askBackground } from '@/lib/messaging/ask-background';
import { PhoneListInput, usePhoneList } from '../shared/PhoneListInput';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('account');

/**
 * Paste numbers, see which are usable, check which have WhatsApp. The check runs as a background
 * job (paced to the server's rate limit, kept across popup closes), shown with its per-number
 * result; this session's earlier check jobs stay listed until dismissed.
 */
export function AccountCheckNumbers({ sessionId }: { sessionId: string }) {
  const profileId = useProfileChoice((s) => s.activeProfileId);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parsed = usePhoneList(text);
  const valid = parsed?.valid ?? [];
  const jobs = useJobs().filter((job) => job.kind === 'numbers.check' && job.profileId === profileId && job.sessionId === sessionId);

  async function check() {
    if (valid.length === 0) return setError(text.trim() ? t('noneUsable') : t('atLeastOne'));
    setBusy(true);
    setError(null);
    const reply = await askBackground('jobs.start', { kind: 'numbers.check', ...(profileId && { profileId }), sessionId, items: jobItemsOf(valid) });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setText('');
  }

  return (
    <form className="profile-section" aria-label={t('checkOnWhatsApp')} noValidate onSubmit={(e) => { e.preventDefault(); void check(); }}>
      <h3>{t('checkOnWhatsApp')}</h3>
      <PhoneListInput label={t('numbersToCheck')} text={text} onText={(typed) => { setText(typed); setError(null); }} parsed={parsed} disabled={busy} />
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="actions compact">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('starting') : valid.length > 0 ? t.count('checkCount', valid.length) : t('checkNumbers')}
        </button>
      </div>
      {jobs.map((job) => (
        <JobProgress key={job.id} jobId={job.id} />
      ))}
    </form>
  );
}
