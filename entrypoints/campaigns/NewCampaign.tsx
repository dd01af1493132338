import { useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import type { SessionSummary } from '@/lib/sessions';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { buildRequest, collectFrom, emptyForm, type DraftForm } from './draft-form';
import { MessageSection } from './MessageSection';
import { PacingSection } from './PacingSection';
import { RecipientsSection } from './RecipientsSection';
import { useCampaignsStore } from './store';
import { formatNumber, statusWord, t } from './words';

/** A new campaign: session, recipients, message, pace; every problem is listed before anything is sent. */
export function NewCampaign() {
  const { snapshots, optOut, defaultCountryCode, act, select, floorSec } = useCampaignsStore();
  const profileId = useProfileChoice((s) => s.activeProfileId);
  const sessions: readonly SessionSummary[] = profileId ? (snapshots[profileId]?.sessions ?? []) : [];
  const firstOpen = (sessions.find((s) => s.status === 'open') ?? sessions[0])?.id ?? '';
  const [form, setForm] = useState<DraftForm>(() => emptyForm(firstOpen));
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const ids = { name: useId(), session: useId() };
  const update = (patch: Partial<DraftForm>) => setForm((current) => ({ ...current, ...patch }));
  const sessionId = form.sessionId || firstOpen;
  const optOutSet = useMemo(() => new Set(optOut), [optOut]);
  const collected = useMemo(() => collectFrom(form, defaultCountryCode, optOutSet), [form.sourceKind, form.pasteText, form.csv, form.people, defaultCountryCode, optOutSet]);
  const built = buildRequest({ ...form, sessionId }, collected, profileId, Date.now(), floorSec);
  const count = collected ? collected.recipients.length - collected.optedOut.length : 0;

  const start = async () => {
    setConfirming(false);
    if (!built.ok) return;
    setStarting(true);
    const reply = await act('campaigns.start', built.request, t('started'));
    setStarting(false);
    if (reply.ok) select({ kind: 'campaign', id: reply.data.id });
  };

  return (
    <form className="new-campaign" aria-labelledby="new-title" onSubmit={(e) => { e.preventDefault(); setTried(true); if (built.ok) setConfirming(true); }} noValidate>
      <h2 id="new-title">{t('newCampaign')}</h2>
      <section className="card">
        <div className="row">
          <div className="field">
            <label htmlFor={ids.name}>{t('campaignName')}</label>
            <input id={ids.name} value={form.name} onChange={(e) => update({ name: e.target.value })} placeholder={t('campaignNameExample')} />
          </div>
          <div className="field">
            <label htmlFor={ids.session}>{t('session')}</label>
            <select id={ids.session} value={sessionId} onChange={(e) => update({ sessionId: e.target.value })}>
              {sessions.length === 0 && <option value="">{t('noSessions')}</option>}
              {sessions.map((s) => <option key={s.id} value={s.id}>{s.status === 'open' ? s.id : t('sessionWithStatus', { id: s.id, status: statusWord(s.status) })}</option>)}
            </select>
          </div>
        </div>
      </section>
      <RecipientsSection form={{ ...form, sessionId }} update={update} collected={collected} profileId={profileId ?? ''} />
      <MessageSection form={form} update={update} collected={collected} renderProblems={built.ok ? [] : built.renderProblems} />
      <PacingSection form={form} update={update} count={count} floorSec={floorSec} />
      {tried && !built.ok && built.problems.length > 0 && (
        <div className="banner error" role="alert">
          <ul className="problems" aria-label={t('beforeStarting')}>
            {built.problems.map((problem) => <li key={problem}>{problem}</li>)}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={starting}>{form.startMode === 'later' ? t('scheduleCampaign') : t('startCampaign')}</button>
      </div>
      {confirming && built.ok && (
        <ConfirmDialog title={t.count('sendTo', count, { count: formatNumber(count) })} confirmLabel={form.startMode === 'later' ? t('schedule') : t('startSending')} onConfirm={() => void start()} onCancel={() => setConfirming(false)}>
          <p>{t.count('sendToBody', count, { session: sessionId })}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
