import { browser } from 'wxt/browser';
import { failure } from '@/lib/warest/api-result';
import {
  buildCampaign,
  cancelCampaign,
  duplicateCampaign,
  needsRunner,
  pauseCampaign,
  resumeCampaign,
  retryFailedCampaign,
} from '@/lib/campaigns/campaign';
import { resendUnconfirmed } from '@/lib/campaigns/ledger';
import type { Reply, RequestOf } from '@/lib/messaging/protocol';
import { isQuotaError, optOutItem, readChecked, storageFullMessage, type Campaign } from '@/lib/storage';
import { registerHandler } from './handler-registry';
import { CAMPAIGNS_ALARM, campaignNow, configureCampaigns, ensureCampaignRunner, newCampaignId, resumeCampaigns, serverDelayFloor, stopCampaignRunner, type CampaignDeps } from './campaign-runner';
import { addCampaign, campaignFile, getCampaign, removeCampaign, updateCampaign } from './campaign-store';
import { resolveProfile } from './profile-lookup';
import { reachProfileServer } from './server-calls';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The campaigns' messages (start, pause, resume, cancel, retry, duplicate, remove) and their
 * start-up: a worker that starts (the browser starting, the keep-alive alarm, a page's message)
 * resumes every campaign with work, inside its window.
 */

async function optOutSet(): Promise<Set<string>> {
  return new Set((await readChecked(optOutItem)).numbers);
}

async function startCampaign(request: RequestOf<'campaigns.start'>): Promise<Reply<Campaign>> {
  const resolved = await resolveProfile(request.profileId);
  if (!resolved.ok) return resolved;
  // Access is checked before the inputs here: the delay floor is the server's (3 s for a stock one).
  const reached = await reachProfileServer(resolved.value.profile, resolved.value.apiKey);
  if (!reached.ok) return reached;
  const floorSec = await serverDelayFloor(resolved.value.profile.id);
  const built = buildCampaign({ ...request, profileId: resolved.value.profile.id }, await optOutSet(), newCampaignId(), campaignNow(), floorSec);
  if (!built.ok) return failure('invalid-input', built.message);
  try {
    await addCampaign(built.campaign, request.message.kind === 'text' ? undefined : request.file);
  } catch (error) {
    if (isQuotaError(error)) return failure('invalid-input', storageFullMessage(t('thisCampaign')));
    throw error;
  }
  ensureCampaignRunner(built.campaign.id);
  return { ok: true, data: built.campaign };
}

const gone = (): Reply<never> => failure('not-found', t('campGone'));

/** A change by the person; the runner is woken to stop or started to carry on. */
async function change(id: string, apply: (campaign: Campaign, now: number) => Campaign, refuse?: (campaign: Campaign) => string | undefined): Promise<Reply<Campaign>> {
  const before = await getCampaign(id);
  if (!before) return gone();
  const problem = refuse?.(before);
  if (problem) return failure('invalid-input', problem);
  const next = await updateCampaign(id, (campaign) => apply(campaign, campaignNow()));
  if (!next) return gone();
  if (needsRunner(next) && next.state !== 'paused' && next.state !== 'cancelled') ensureCampaignRunner(id);
  else {
    stopCampaignRunner(id);
    // A send still in doubt is verified even so: a new runner does only that, then stops.
    if (needsRunner(next)) ensureCampaignRunner(id);
  }
  return { ok: true, data: next };
}

async function duplicate(id: string): Promise<Reply<Campaign>> {
  const source = await getCampaign(id);
  if (!source) return gone();
  const copy = duplicateCampaign(source, await optOutSet(), newCampaignId(), campaignNow());
  try {
    await addCampaign(copy, source.message.kind === 'text' ? undefined : await campaignFile(source.id));
  } catch (error) {
    if (isQuotaError(error)) return failure('invalid-input', storageFullMessage(t('campCopy')));
    throw error;
  }
  return { ok: true, data: copy };
}

async function remove(id: string): Promise<Reply<{ removed: true }>> {
  const result = await removeCampaign(id, needsRunner);
  if (result === 'active') return failure('invalid-input', t('campStillSending'));
  return { ok: true, data: { removed: true } };
}

export function registerCampaigns(overrides: Partial<CampaignDeps> = {}): void {
  configureCampaigns(overrides);
  registerHandler('campaigns.start', startCampaign);
  registerHandler('campaigns.pause', ({ campaignId }) => change(campaignId, pauseCampaign, (c) => (c.state === 'paused' || c.state === 'done' || c.state === 'cancelled' ? t('campNotSending') : undefined)));
  registerHandler('campaigns.resume', ({ campaignId }) => change(campaignId, resumeCampaign, (c) => (c.state !== 'paused' ? t('campNotPaused') : undefined)));
  registerHandler('campaigns.cancel', ({ campaignId }) => change(campaignId, cancelCampaign, (c) => (c.state === 'done' || c.state === 'cancelled' ? t('campEnded') : undefined)));
  registerHandler('campaigns.retryFailed', ({ campaignId }) =>
    change(campaignId, retryFailedCampaign, (c) => (c.entries.some((e) => e.status.state === 'failed') ? undefined : t('campNoFailed'))),
  );
  registerHandler('campaigns.resendUnconfirmed', ({ campaignId }) =>
    change(
      campaignId,
      (c, now) => {
        const indices = c.entries.flatMap((e, i) => (e.status.state === 'unconfirmed' ? [i] : []));
        const state = c.state === 'done' || c.state === 'cancelled' ? 'running' : c.state;
        return { ...c, state, note: undefined, updatedAt: now, entries: resendUnconfirmed(c.entries, indices) };
      },
      (c) => (c.entries.some((e) => e.status.state === 'unconfirmed') ? undefined : t('campNoUnconfirmed')),
    ),
  );
  registerHandler('campaigns.duplicate', ({ campaignId }) => duplicate(campaignId));
  registerHandler('campaigns.floor', async ({ profileId }) => {
    const resolved = await resolveProfile(profileId);
    if (!resolved.ok) return resolved;
    return { ok: true, data: { floorSec: await serverDelayFloor(resolved.value.profile.id) } };
  });
  registerHandler('campaigns.remove', ({ campaignId }) => remove(campaignId));
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === CAMPAIGNS_ALARM ? resumeCampaigns() : undefined));
  // The browser starting wakes the worker; so does this listener being there.
  browser.runtime.onStartup.addListener(() => void resumeCampaigns());
  void resumeCampaigns();
}
