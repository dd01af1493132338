import { syncKeepAlive } from './keep-alive';
import { readChunkAnswer } from '@/lib/jobs';
import { attemptFromError, needsRunner, sendRequest, type SendAttempt } from '@/lib/campaigns/campaign';
import { runCampaign, type EngineDeps } from '@/lib/campaigns/engine';
import { delayFloorSec } from '@/lib/campaigns/floor';
import { readSentMessageId } from '@/lib/answers/menu-results';
import { checkDelivery, type ReadMessages } from '@/lib/delivery-check';
import type { WarestClient } from '@/lib/warest/client';
import { realClock, type PacerClock } from '@/lib/warest/rate-pacer';
import type { Campaign, CampaignEntry } from '@/lib/storage';
import { campaignFile, getCampaign, readCampaigns, updateCampaign } from './campaign-store';
import { client as sharedClient, reachProfile, requestTimeoutMs } from './server-calls';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Running campaigns in the worker: one runner per campaign, on the loop of lib/campaigns/engine.ts,
 * calling the server through the worker's one client (so its RatePacer keeps every caller inside
 * the key's rate limit and spaces sends to one recipient by WARest's cooldown).
 *
 * A stopped worker loses nothing: every step is stored before the next, a keep-alive alarm runs
 * while any campaign is active and resumes it, and so does the worker's own start (a browser
 * start, a page's message). A send left `sending` by the stop is verified from the chat first.
 */

export const CAMPAIGNS_ALARM = 'warest-campaigns-keepalive';

export interface CampaignDeps {
  client: WarestClient;
  clock: PacerClock;
  random: () => number;
  newId: () => string;
}

let deps: CampaignDeps = { client: sharedClient, clock: realClock, random: Math.random, newId: () => crypto.randomUUID() };

export function configureCampaigns(overrides: Partial<CampaignDeps>): void {
  deps = { ...deps, ...overrides };
}

export const campaignNow = (): number => deps.clock.now();
export const newCampaignId = (): string => deps.newId();

interface Runner {
  promise: Promise<void>;
  controller: AbortController;
}
const runners = new Map<string, Runner>();

function syncAlarm(): Promise<void> {
  return syncKeepAlive(CAMPAIGNS_ALARM, async () => (await readCampaigns()).some(needsRunner));
}

async function callServer(campaign: Campaign, operationId: string, inputs: Record<string, unknown>, signal: AbortSignal) {
  const reached = await reachProfile(campaign.profileId, deps.client);
  if (!reached.ok) return reached;
  return reached.value.call(operationId, inputs, { timeoutMs: await requestTimeoutMs(), signal });
}

function engineFor(id: string, signal: AbortSignal): EngineDeps {
  return {
    now: () => deps.clock.now(),
    random: () => deps.random(),
    sleep: async (ms) => {
      try {
        await deps.clock.sleep(Math.max(0, ms), signal);
        return !signal.aborted;
      } catch {
        return false;
      }
    },
    read: () => getCampaign(id),
    update: (change) => updateCampaign(id, change),
    async send(campaign: Campaign, entry: CampaignEntry): Promise<SendAttempt> {
      const file = campaign.message.kind === 'text' ? undefined : await campaignFile(campaign.id);
      if (campaign.message.kind !== 'text' && !file) return { kind: 'pause', note: t('campFileGone') };
      const { operationId, inputs } = sendRequest(campaign, entry, file);
      // Not the runner's signal: a send that has left is never cut off by a pause; its answer is kept.
      const answer = await callServer(campaign, operationId, inputs, new AbortController().signal);
      if (answer.ok) {
        const messageId = 'results' in answer ? readSentMessageId(answer.results) : undefined;
        return { kind: 'sent', ...(messageId && { messageId }) };
      }
      return attemptFromError(answer.error, deps.clock.now());
    },
    async verify(campaign, entry, since) {
      const read: ReadMessages = async (inputs) => {
        const answer = await callServer(campaign, 'getChatsChatIdMessages', inputs, signal);
        if (!answer.ok) return { ok: false, error: answer.error };
        const { ok: _ok, ...data } = answer as Extract<typeof answer, { ok: true; results: unknown[] }>;
        return { ok: true, data };
      };
      return checkDelivery(read, { sessionId: campaign.sessionId, to: entry.digits, since, ...(entry.text.trim() && { text: entry.text }) });
    },
    async checkNumbers(campaign, digits) {
      const answer = await callServer(campaign, 'getProfileOnWhatsapp', { sessionId: campaign.sessionId, checkNumbers: digits.join(',') }, signal);
      if (!answer.ok) {
        const attempt = attemptFromError({ ...answer.error, outcomeUnknown: false }, deps.clock.now());
        return { ok: false, attempt: attempt.kind === 'failed' ? { kind: 'pause', note: t('campCheckFailed', { reason: attempt.reason }) } : attempt };
      }
      const outcomes = readChunkAnswer('numbers.check', digits, answer as Extract<typeof answer, { ok: true; results: unknown[] }>);
      const onWhatsApp = new Map<string, boolean>();
      outcomes.forEach((outcome, i) => {
        if (outcome.outcome === 'on-whatsapp') onWhatsApp.set(digits[i]!, true);
        else if (outcome.outcome === 'not-on-whatsapp') onWhatsApp.set(digits[i]!, false);
      });
      return { ok: true, onWhatsApp };
    },
  };
}

/**
 * The shortest delay this server allows (lib/campaigns/floor.ts): 3 s for a stock WARest, which
 * announces no cooldown; read from one cheap answer (the session list). Unreachable: 3 s.
 */
export async function serverDelayFloor(profileId: string): Promise<number> {
  const reached = await reachProfile(profileId, deps.client);
  if (!reached.ok) return delayFloorSec();
  const answer = await reached.value.call('getSessionList', {}, { timeoutMs: await requestTimeoutMs(), waitForRateLimit: false });
  return delayFloorSec(answer.ok ? answer.recipientCooldownMs : undefined);
}

/** Starts the campaign's runner unless one is at work on it. */
export function ensureCampaignRunner(id: string): void {
  const current = runners.get(id);
  if (current && !current.controller.signal.aborted) return;
  const controller = new AbortController();
  // A runner told to stop may still await its send's answer: the new one starts after it.
  const previous = current?.promise ?? Promise.resolve();
  const promise: Promise<void> = previous
    .then(() => runCampaign(engineFor(id, controller.signal)))
    .catch((error: unknown) => {
      console.error('WARest Companion: campaign runner failed', error instanceof Error ? error.message : error);
    })
    .finally(() => {
      if (runners.get(id)?.promise === promise) runners.delete(id);
      void syncAlarm();
    });
  runners.set(id, { promise, controller });
  void syncAlarm();
}

/** Wakes the campaign's runner to stop (paused, cancelled); a send on the wire finishes and is kept. */
export function stopCampaignRunner(id: string): void {
  runners.get(id)?.controller.abort();
}

/** Starts a runner for every campaign with work (after a worker start, on the alarm). */
export async function resumeCampaigns(): Promise<void> {
  for (const campaign of await readCampaigns()) if (needsRunner(campaign)) ensureCampaignRunner(campaign.id);
  await syncAlarm();
}

/** Resolves once no campaign is being worked on (tests). */
export async function settleCampaigns(): Promise<void> {
  while (runners.size > 0) await Promise.all([...runners.values()].map((runner) => runner.promise));
}
