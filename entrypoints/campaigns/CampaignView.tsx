import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { campaignProgress, estimateFinish, isActiveCampaign, KIND_LABELS, needsRunner, STATE_WORDS } from '@/lib/campaigns/campaign';
import { durationWords } from '@/lib/campaigns/draft';
import { resultsCsv } from '@/lib/campaigns/results-csv';
import type { Campaign } from '@/lib/storage';
import { ResultsTable } from './ResultsTable';
import { useCampaignsStore } from './store';

/** One campaign: its state, progress and estimated finish, its controls, and a result per recipient. */

const when = (at: number) => new Date(at).toLocaleString('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });

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
    const reply = await act('campaigns.duplicate', id, 'A copy was made: check it, then press Start.');
    if (reply.ok) select({ kind: 'campaign', id: reply.data.id });
  };
  const remove = async () => {
    setAsking(null);
    const reply = await act('campaigns.remove', id, 'Campaign removed.');
    if (reply.ok) select({ kind: 'new' });
  };

  return (
    <section className="campaign" aria-labelledby="campaign-title">
      <h2 id="campaign-title">{campaign.name}</h2>
      <p className="hint">
        {KIND_LABELS[campaign.message.kind]}{campaign.message.fileName ? ` “${campaign.message.fileName}”` : ''} from session “{campaign.sessionId}” · made {when(campaign.createdAt)}
      </p>
      <div className="card">
        <p className="state-line" role="status" aria-live="polite" aria-label="Campaign state">
          <span className={`state state-${campaign.state}`}>{STATE_WORDS[campaign.state]}</span>
          {campaign.state === 'scheduled' && campaign.startAt !== undefined && ` · starts ${when(campaign.startAt)}`}
          {campaign.note && ` · ${campaign.note}`}
        </p>
        <progress max={progress.total || 1} value={progress.done} aria-label="Progress" />
        <p aria-label="Counts">
          {progress.done} of {progress.total} done: {progress.sent} sent, {progress.failed} failed, {progress.skipped} skipped{progress.unconfirmed > 0 && `, ${progress.unconfirmed} not confirmed`}
          {progress.pending + progress.sending > 0 && ` · ${progress.pending + progress.sending} waiting`}
        </p>
        {active && campaign.nextAt !== undefined && progress.pending > 0 && <p className="hint">Next message {when(campaign.nextAt)}.</p>}
        {finish !== undefined && <p>Estimated finish: {when(finish)} (in about {durationWords(finish - Date.now())}).</p>}
        {(campaign.report.duplicates > 0 || campaign.report.optedOut > 0) && (
          <p className="hint">Left out when it was made: {campaign.report.duplicates} repeated numbers; {campaign.report.optedOut} on the opt-out list (listed as skipped).</p>
        )}
        <div className="actions">
          {active && <button type="button" onClick={() => void act('campaigns.pause', id, 'Paused.')}>Pause</button>}
          {campaign.state === 'paused' && <button type="button" className="primary" onClick={() => void act('campaigns.resume', id, 'Sending again.')}>{campaign.duplicatedFrom && progress.sent + progress.failed === 0 ? 'Start' : 'Resume'}</button>}
          {!ended && <button type="button" className="danger" onClick={() => setAsking('cancel')}>Cancel campaign</button>}
          {progress.failed > 0 && <button type="button" onClick={() => void act('campaigns.retryFailed', id, 'The failed recipients are sent again.')}>Retry failed ({progress.failed})</button>}
          {progress.unconfirmed > 0 && <button type="button" onClick={() => setAsking('resend')}>Send unconfirmed again ({progress.unconfirmed})</button>}
          <button type="button" onClick={() => exportCsv(campaign)}>Export results (CSV)</button>
          {ended && <button type="button" onClick={() => void duplicate()}>Duplicate</button>}
          {!needsRunner(campaign) && campaign.state !== 'paused' && <button type="button" className="danger" onClick={() => setAsking('remove')}>Remove</button>}
        </div>
      </div>
      <ResultsTable campaign={campaign} />
      {asking === 'cancel' && (
        <ConfirmDialog title="Cancel this campaign?" confirmLabel="Cancel campaign" onCancel={() => setAsking(null)} onConfirm={() => { setAsking(null); void act('campaigns.cancel', id, 'Cancelled.'); }}>
          <p>The {progress.pending} recipients still waiting get nothing. Messages already sent stay sent. This cannot be undone (you can duplicate it later).</p>
        </ConfirmDialog>
      )}
      {asking === 'remove' && (
        <ConfirmDialog title="Remove this campaign?" confirmLabel="Remove" onCancel={() => setAsking(null)} onConfirm={() => void remove()}>
          <p>Its results are removed from the extension. Export them first if you need them.</p>
        </ConfirmDialog>
      )}
      {asking === 'resend' && (
        <ConfirmDialog title="Send the unconfirmed ones again?" confirmLabel="Send again" onCancel={() => setAsking(null)} onConfirm={() => { setAsking(null); void act('campaigns.resendUnconfirmed', id, 'The unconfirmed recipients are sent again.'); }}>
          <p>These {progress.unconfirmed} people may already have the message: the server did not answer, and their chat did not show it. Look at their chats first; sending again may give them two.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
