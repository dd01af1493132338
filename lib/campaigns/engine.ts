import type { DeliveryCheck } from '../delivery-check';
import type { Campaign, CampaignEntry } from '../storage';
import { currentLanguage, textsOf } from '../i18n';
import { floorOf, isActiveCampaign, notOnWhatsAppReason, type SendAttempt } from './campaign';
import { inDoubt, markSending, nextPending, settleSend, unsend, verifyUnknown } from './ledger';
import { inWindow, localTime, nextDelayMs, nextSendAt } from './pacing';

/**
 * The campaign runner's loop, without a browser: the background gives it the stored campaign,
 * the clock, and the server calls (entrypoints/background/campaign-runner.ts); the benchmark
 * gives it a simulated clock. Every step is saved before the next one starts:
 *
 *   a send in doubt (left `sending` by a stopped worker, or unanswered) → the chat is read, and
 *     it becomes sent (found) or unconfirmed (reported, never sent again by itself)
 *   → the next numbers checked on WhatsApp (when asked), 20 at a time
 *   → the next recipient's time: the delay after the last message, inside the window, under the cap
 *   → `sending` saved → the send → its outcome saved, with the next delay drawn.
 */

export interface EngineDeps {
  now(): number;
  /** Waits; false when the runner was told to stop (pause, cancel, a new worker taking over). */
  sleep(ms: number): Promise<boolean>;
  random(): number;
  read(): Promise<Campaign | undefined>;
  /** Changes the stored campaign and answers it as stored (undefined when it is gone). */
  update(change: (campaign: Campaign) => Campaign): Promise<Campaign | undefined>;
  send(campaign: Campaign, entry: CampaignEntry): Promise<SendAttempt>;
  /** Whether a send that got no answer went out, from the chat's latest messages. */
  verify(campaign: Campaign, entry: CampaignEntry, since: number): Promise<DeliveryCheck>;
  /** Which of these numbers have WhatsApp (true/false; absent: not known), or an attempt that says why not. */
  checkNumbers(campaign: Campaign, digits: string[]): Promise<{ ok: true; onWhatsApp: Map<string, boolean> } | { ok: false; attempt: SendAttempt }>;
}

/** The runner looks at the stored campaign at least this often while it waits (the clock may jump). */
export const MAX_NAP_MS = 60_000;
const CHECK_CHUNK = 20;
/** A chat that cannot be read is asked again this many times, this far apart, before the send is reported unconfirmed. */
const VERIFY_TRIES = 3;
const VERIFY_RETRY_MS = 15_000;

const t = textsOf('tools');

/** "Wed 09:30:00" (in Indonesian "Rab 09.30.00"): the weekday is a word. */
const clockWords = (at: number, timeZone: string) =>
  new Date(at).toLocaleString(currentLanguage() === 'id' ? 'id' : 'en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** When the campaign's next message may go, and why it waits when that is not just the delay. */
export function nextSlot(campaign: Campaign, now: number): { at: number; note?: string } {
  const floorMs = floorOf(campaign) * 1000;
  // A stored delay is kept across restarts, but never under the floor.
  const delayMs = Math.max(floorMs, campaign.delayMs ?? nextDelayMs(campaign.pacing, () => 0.5, floorOf(campaign)));
  const start = campaign.state === 'scheduled' && campaign.startAt !== undefined ? Math.max(now, campaign.startAt) : now;
  const earliest = Math.max(start, campaign.lastSentAt !== undefined ? campaign.lastSentAt + delayMs : start);
  const at = nextSendAt({ now: start, lastSentAt: campaign.lastSentAt, delayMs, pacing: campaign.pacing, sentOn: (date) => campaign.dailyCounts[date] ?? 0 });
  if (at <= earliest) return { at };
  const { window, timeZone, dailyCap } = campaign.pacing;
  const when = clockWords(at, timeZone);
  if (window && !inWindow(earliest, window, timeZone)) return { at, note: t('outWindow', { when }) };
  return { at, note: t('capReached', { cap: dailyCap ?? '', when }) };
}

function setEntry(campaign: Campaign, index: number, entry: CampaignEntry): Campaign {
  return { ...campaign, entries: campaign.entries.map((e, i) => (i === index ? entry : e)) };
}

async function verifyInDoubt(deps: EngineDeps, campaign: Campaign): Promise<boolean> {
  for (const index of inDoubt(campaign.entries)) {
    const entry = campaign.entries[index]!;
    const since = entry.status.state === 'sending' ? entry.status.since : deps.now();
    // i18n-exempt: never shown, the first look below always replaces it
    let check: DeliveryCheck = { state: 'unknown', reason: 'not checked' };
    for (let tries = 1; tries <= VERIFY_TRIES; tries++) {
      check = await deps.verify(campaign, entry, since);
      if (check.state !== 'unknown' || tries === VERIFY_TRIES) break;
      await deps.update((c) => ({ ...c, note: t('checking', { digits: entry.digits, reason: check.state === 'unknown' ? check.reason : '' }), updatedAt: deps.now() }));
      if (!(await deps.sleep(VERIFY_RETRY_MS))) return false;
    }
    const settled = check;
    await deps.update((c) => {
      const entries = verifyUnknown(c.entries, index, settled, deps.now());
      // A send cut off before its answer (a stopped worker) was not counted yet: it may have left
      // at any moment until now, so the next delay counts from now, and the cap counts it.
      if ((c.lastSentAt ?? 0) >= since) return { ...c, entries, note: undefined, updatedAt: deps.now() };
      const at = deps.now();
      const { date } = localTime(at, c.pacing.timeZone);
      return { ...c, entries, note: undefined, lastSentAt: at, dailyCounts: { ...c.dailyCounts, [date]: (c.dailyCounts[date] ?? 0) + 1 }, updatedAt: at };
    });
  }
  return true;
}

async function checkNext(deps: EngineDeps, campaign: Campaign): Promise<'checked' | 'none' | 'stop'> {
  const indices: number[] = [];
  for (let i = 0; i < campaign.entries.length && indices.length < CHECK_CHUNK; i++) {
    const entry = campaign.entries[i]!;
    if (entry.status.state === 'pending' && !entry.checked) indices.push(i);
  }
  if (indices.length === 0) return 'none';
  const answer = await deps.checkNumbers(campaign, indices.map((i) => campaign.entries[i]!.digits));
  if (!answer.ok) return (await waitOrPause(deps, answer.attempt)) ? 'checked' : 'stop';
  await deps.update((c) => {
    let next = c;
    for (const index of indices) {
      const entry = next.entries[index];
      if (!entry || entry.status.state !== 'pending') continue;
      const has = answer.onWhatsApp.get(entry.digits);
      next = setEntry(next, index, has === false ? { ...entry, checked: true, status: { state: 'skipped', reason: notOnWhatsAppReason() } } : { ...entry, checked: true });
    }
    return { ...next, updatedAt: deps.now() };
  });
  return 'checked';
}

/** A refusal before anything went out: wait it out (false when told to stop) or pause the campaign (false). */
async function waitOrPause(deps: EngineDeps, attempt: SendAttempt, index?: number): Promise<boolean> {
  const back = (c: Campaign) => (index === undefined ? c : { ...c, entries: unsend(c.entries, index) });
  if (attempt.kind === 'later') {
    await deps.update((c) => {
      const undone = back(c);
      return isActiveCampaign(undone) ? { ...undone, state: 'waiting', note: attempt.note, nextAt: attempt.until, updatedAt: deps.now() } : undone;
    });
    return deps.sleep(Math.max(0, attempt.until - deps.now()));
  }
  if (attempt.kind === 'pause') {
    await deps.update((c) => {
      const undone = back(c);
      return isActiveCampaign(undone) ? { ...undone, state: 'paused', note: attempt.note, nextAt: undefined, updatedAt: deps.now() } : undone;
    });
  }
  return false;
}

/** Runs the campaign until it is done, paused, cancelled, gone, or the runner is told to stop. */
export async function runCampaign(deps: EngineDeps): Promise<void> {
  for (;;) {
    const campaign = await deps.read();
    if (!campaign) return;
    // First of all: a send whose outcome nobody saw. Until it is settled nothing else goes out.
    if (inDoubt(campaign.entries).length > 0) {
      if (!(await verifyInDoubt(deps, campaign))) return;
      continue;
    }
    if (!isActiveCampaign(campaign)) return;

    const index = nextPending(campaign.entries);
    if (index === undefined) {
      await deps.update((c) => (isActiveCampaign(c) && nextPending(c.entries) === undefined && inDoubt(c.entries).length === 0 ? { ...c, state: 'done', note: undefined, nextAt: undefined, updatedAt: deps.now() } : c));
      return;
    }

    const now = deps.now();
    const slot = nextSlot(campaign, now);
    if (slot.at > now) {
      const state = campaign.state === 'scheduled' ? 'scheduled' : slot.note ? 'waiting' : 'running';
      if (campaign.nextAt !== slot.at || campaign.note !== slot.note || campaign.state !== state) {
        await deps.update((c) => (isActiveCampaign(c) ? { ...c, state, nextAt: slot.at, note: slot.note, updatedAt: now } : c));
      }
      if (!(await deps.sleep(Math.min(slot.at - now, MAX_NAP_MS)))) return;
      continue;
    }

    if (campaign.checkNumbers && !campaign.entries[index]!.checked) {
      const checked = await checkNext(deps, campaign);
      if (checked === 'stop') return;
      continue;
    }

    // Saved before the request leaves: a stop from here on is noticed and verified.
    const marked = await deps.update((c) => {
      if (!isActiveCampaign(c) || c.entries[index]?.status.state !== 'pending') return c;
      return { ...c, state: 'running', note: undefined, entries: markSending(c.entries, index, deps.now()), updatedAt: deps.now() };
    });
    if (!marked || marked.entries[index]?.status.state !== 'sending') continue;
    const attempt = await deps.send(marked, marked.entries[index]!);

    if (attempt.kind === 'later' || attempt.kind === 'pause') {
      if (!(await waitOrPause(deps, attempt, index))) return;
      continue;
    }
    await deps.update((c) => {
      if (c.entries[index]?.status.state !== 'sending') return c;
      const at = deps.now();
      const entries = settleSend(c.entries, index, attempt, at);
      // A message that left (or may have) counts for the delay and the cap; a refused one does not.
      if (attempt.kind === 'failed') return { ...c, entries, updatedAt: at };
      const { date } = localTime(at, c.pacing.timeZone);
      const delayMs = nextDelayMs(c.pacing, deps.random, floorOf(c));
      return { ...c, entries, lastSentAt: at, delayMs, nextAt: at + delayMs, dailyCounts: { ...pruneDays(c.dailyCounts, date), [date]: (c.dailyCounts[date] ?? 0) + 1 }, updatedAt: at };
    });
  }
}

/** Only today's count matters for the cap; older days are dropped so the record stays small. */
function pruneDays(counts: Record<string, number>, today: string): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [date, count] of Object.entries(counts)) if (date >= today) kept[date] = count;
  return kept;
}
