import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { campaignProgress, estimateFinish, isActiveCampaign, needsRunner } from '@/lib/campaigns/campaign';
import { resultsCsv } from '@/lib/campaigns/results-csv';
import type { Campaign } from '@/lib/storage';
import { ResultsTable } from './ResultsTable';
import { useCampaignsStore } from './store';
import { dayAndTime as when, durationText, kindWord, stateWord, t } from './words';

/** One campaign: its state, progress and estimated finish, its controls, and a result per recipient. */

function exportCsv(campaign: Campaign) {
  const blob = new Blob([resultsCsv(campaign.entries)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${campaign.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'campaign'}-results.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Asking = 'cancel' | 'remove' | 'resend' | null;

export function CampaignView({ campaign }: { campaign: Campaign }) {
  const { act, select } = useCampaignsStore();
  const [asking, setAsking] = useState<Asking>(null);
  const progress = campaignProgress(campaign);
  const finish = estimateFinish(campaign, Date.now());
  const active = isActiveCampaign(campaign);
  const ended = campaign.state === 'done' || campaign.state === 'cancelled';
  const id = { campaignId: campaign.id };

  const duplicate = async () => {
    const reply = await act('campaigns.duplicate', id, t('copied'));
    if (reply.ok) select({ kind: 'campaign', id: reply.data.id });
  };
  const remove = async () => {
    setAsking(null);
    const reply = await act('campaigns.remove', id, t('removed'));
    if (reply.ok) select({ kind: 'new' });
  };

  return (
    <section className="campaign" aria-labelledby="campaign-title">
      <h2 id="campaign-title">{campaign.name}</h2>
      <p className="hint">
        {campaign.message.fileName
          ? t('madeWithFile', { kind: kindWord(campaign.message.kind), file: campaign.message.fileName, session: campaign.sessionId, when: when(campaign.createdAt) })
          : t('made', { kind: kindWord(campaign.message.kind), session: campaign.sessionId, when: when(campaign.createdAt) })}
      </p>
      <div className="card">
        <p className="state-line" role="status" aria-live="polite" aria-label={t('campaignState')}>
          <span className={`state state-${campaign.state}`}>{stateWord(campaign.state)}</span>
          {campaign.state === 'scheduled' && campaign.startAt !== undefined && t('startsSuffix', { when: when(campaign.startAt) })}
          {campaign.note && ` · ${campaign.note}`}
        </p>
        <progress max={progress.total || 1} value={progress.done} aria-label={t('progress')} />
        <p aria-label={t('counts')}>
          {t('countsLine', { done: progress.done, total: progress.total, sent: progress.sent, failed: progress.failed, skipped: progress.skipped })}
          {progress.unconfirmed > 0 && t('countsUnconfirmed', { count: progress.unconfirmed })}
          {progress.pending + progress.sending > 0 && t('countsWaiting', { count: progress.pending + progress.sending })}
        </p>
        {active && campaign.nextAt !== undefined && progress.pending > 0 && <p className="hint">{t('nextMessage', { when: when(campaign.nextAt) })}</p>}
        {finish !== undefined && <p>{t('estimatedFinish', { when: when(finish), duration: durationText(finish - Date.now()) })}</p>}
        {(campaign.report.duplicates > 0 || campaign.report.optedOut > 0) && (
          <p className="hint">{t('leftOut', { duplicates: campaign.report.duplicates, optedOut: campaign.report.optedOut })}</p>
        )}
        <div className="actions">
          {active && <button type="button" onClick={() => void act('campaigns.pause', id, t('pausedNote'))}>{t('pause')}</button>}
          {campaign.state === 'paused' && <button type="button" className="primary" onClick={() => void act('campaigns.resume', id, t('resumedNote'))}>{campaign.duplicatedFrom && progress.sent + progress.failed === 0 ? t('start') : t('resume')}</button>}
          {!ended && <button type="button" className="danger" onClick={() => setAsking('cancel')}>{t('cancelCampaign')}</button>}
          {progress.failed > 0 && <button type="button" onClick={() => void act('campaigns.retryFailed', id, t('retriedNote'))}>{t('retryFailed', { count: progress.failed })}</button>}
          {progress.unconfirmed > 0 && <button type="button" onClick={() => setAsking('resend')}>{t('sendUnconfirmedAgain', { count: progress.unconfirmed })}</button>}
          <button type="button" onClick={() => exportCsv(campaign)}>{t('exportResults')}</button>
          {ended && <button type="button" onClick={() => void duplicate()}>{t('duplicate')}</button>}
          {!needsRunner(campaign) && campaign.state !== 'paused' && <button type="button" className="danger" onClick={() => setAsking('remove')}>{t('remove')}</button>}
        </div>
      </div>
      <ResultsTable campaign={campaign} />
      {asking === 'cancel' && (
        <ConfirmDialog title={t('cancelTitle')} confirmLabel={t('cancelCampaign')} onCancel={() => setAsking(null)} onConfirm={() => { setAsking(null); void act('campaigns.cancel', id, t('cancelledNote')); }}>
          <p>{t.count('cancelBody', progress.pending)}</p>
        </ConfirmDialog>
      )}
      {asking === 'remove' && (
        <ConfirmDialog title={t('removeTitle')} confirmLabel={t('remove')} onCancel={() => setAsking(null)} onConfirm={() => void remove()}>
          <p>{t('removeBody')}</p>
        </ConfirmDialog>
      )}
      {asking === 'resend' && (
        <ConfirmDialog title={t('resendTitle')} confirmLabel={t('sendAgain')} onCancel={() => setAsking(null)} onConfirm={() => { setAsking(null); void act('campaigns.resendUnconfirmed', id, t('resentNote')); }}>
          <p>{t.count('resendBody', progress.unconfirmed)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
