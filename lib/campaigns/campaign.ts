import type { ApiError } from '../warest/api-result';
import type { FilePayload } from '../warest/file-payload';
import type { Campaign, CampaignEntry } from '../storage';
import { ABSOLUTE_FLOOR_SEC } from './floor';
import { MIN_DELAY_SEC } from './pacing';
import { countStates, inDoubt, retryFailed, type LedgerCounts } from './ledger';
import { localTime, nextSendAt, pacingProblem } from './pacing';
import { currentLanguage, textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * A campaign's life without a browser: what a page asks to start is checked and becomes a stored
 * campaign; pause, resume, cancel, retry and duplicate are state changes on it; each recipient's
 * send becomes one WARest operation; an error of that send becomes what the runner does next.
 */

export type CampaignMessageKind = Campaign['message']['kind'];


/** WARest's limits (the fake server's too): a text up to 65,536 characters, a caption up to 1,024. */
export const TEXT_LIMIT = 65_536;
export const CAPTION_LIMIT = 1_024;
/** A campaign's file is stored once and sent to everyone: kept small enough for the browser's storage. */
export const MAX_CAMPAIGN_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_CAMPAIGN_RECIPIENTS = 10_000;
/** Ended campaigns kept in the list; the oldest make room. */
export const MAX_CAMPAIGNS = 50;

export interface CampaignDraft {
  name: string;
  profileId: string;
  sessionId: string;
  message: { kind: CampaignMessageKind; template: string };
  file?: FilePayload;
  /** Each recipient's digits and its rendered message (or caption). */
  recipients: Array<{ digits: string; text: string; row?: number }>;
  /** Rows whose number could not be used, with why: reported as skipped. */
  unusable: Array<{ input: string; reason: string; row?: number }>;
  duplicates: number;
  columns: string[];
  pacing: Campaign['pacing'];
  typing: boolean;
  checkNumbers: boolean;
  /** Start at this time (epoch ms) rather than now. */
  startAt?: number;
}

/** Why a recipient is skipped, in the language of the moment it is stored (the reason is kept as words). */
export const optedOutReason = (): string => t('optedOut');
export const notOnWhatsAppReason = (): string => t('notOnWa');
export const cancelledReason = (): string => t('cancelled');

export function isActiveCampaign(campaign: Pick<Campaign, 'state'>): boolean {
  return campaign.state === 'scheduled' || campaign.state === 'running' || campaign.state === 'waiting';
}

/** Whether a runner has work: sending, or a send in doubt to verify (even when paused or cancelled). */
export function needsRunner(campaign: Campaign): boolean {
  return isActiveCampaign(campaign) || inDoubt(campaign.entries).length > 0;
}

const DIGITS = /^\d{8,15}$/;

/** The draft as a campaign to store, or why it cannot be one; the opt-out list applied here, by the background. */
/** The campaign's delay floor, never under the absolute one (a stored value is not trusted further). */
export function floorOf(campaign: Pick<Campaign, 'floorSec'>): number {
  return Math.max(ABSOLUTE_FLOOR_SEC, campaign.floorSec ?? MIN_DELAY_SEC);
}

/** `floorSec`: the server's delay floor (lib/campaigns/floor.ts), 3 s for a stock server. */
export function buildCampaign(draft: CampaignDraft, optOut: ReadonlySet<string>, id: string, now: number, floorSec: number = MIN_DELAY_SEC): { ok: true; campaign: Campaign } | { ok: false; message: string } {
  const name = draft.name.trim() || t('defName', { date: new Date(now).toLocaleDateString('en-GB') });
  if (!draft.sessionId.trim()) return { ok: false, message: t('pickSession') };
  const pacingError = pacingProblem(draft.pacing, floorSec);
  if (pacingError) return { ok: false, message: pacingError };
  const kind = draft.message.kind;
  if (kind !== 'text') {
    if (!draft.file) return { ok: false, message: t(kind === 'image' ? 'pickImage' : kind === 'video' ? 'pickVideo' : 'pickDoc') };
    const bytes = Math.floor((draft.file.base64.length * 3) / 4);
    if (bytes > MAX_CAMPAIGN_FILE_BYTES) return { ok: false, message: t('fileBig', { name: draft.file.name }) };
  }
  const lang = currentLanguage();
  if (draft.recipients.length === 0) return { ok: false, message: t('addRcpt') };
  if (draft.recipients.length > MAX_CAMPAIGN_RECIPIENTS) return { ok: false, message: t('manyRcpt', { max: MAX_CAMPAIGN_RECIPIENTS.toLocaleString(lang) }) };
  const limit = kind === 'text' ? TEXT_LIMIT : CAPTION_LIMIT;
  const entries: CampaignEntry[] = [];
  const seen = new Set<string>();
  let duplicates = draft.duplicates;
  let optedOut = 0;
  for (const recipient of draft.recipients) {
    const digits = recipient.digits;
    if (!DIGITS.test(digits)) return { ok: false, message: t('notDigits', { digits }) };
    if (seen.has(recipient.digits)) {
      duplicates += 1;
      continue;
    }
    seen.add(recipient.digits);
    if (kind === 'text' && !recipient.text.trim()) return { ok: false, message: t('emptyFor', { digits }) };
    if (recipient.text.length > limit) return { ok: false, message: t(kind === 'text' ? 'longMsgFor' : 'longCapFor', { digits, max: limit.toLocaleString(lang) }) };
    const base = { digits: recipient.digits, text: recipient.text, ...(recipient.row !== undefined && { row: recipient.row }) };
    if (optOut.has(recipient.digits)) {
      optedOut += 1;
      entries.push({ ...base, status: { state: 'skipped', reason: optedOutReason() } });
    } else entries.push({ ...base, status: { state: 'pending' } });
  }
  for (const row of draft.unusable.slice(0, MAX_CAMPAIGN_RECIPIENTS)) {
    entries.push({ digits: '', text: '', input: row.input.slice(0, 200), ...(row.row !== undefined && { row: row.row }), status: { state: 'skipped', reason: row.reason.slice(0, 500) } });
  }
  const scheduled = draft.startAt !== undefined && draft.startAt > now;
  const campaign: Campaign = {
    id,
    name: name.slice(0, 200),
    profileId: draft.profileId,
    sessionId: draft.sessionId.trim(),
    createdAt: now,
    updatedAt: now,
    state: scheduled ? 'scheduled' : 'running',
    ...(scheduled && { startAt: draft.startAt, nextAt: draft.startAt }),
    dailyCounts: {},
    message: {
      kind,
      template: draft.message.template,
      ...(draft.file && kind !== 'text' && { fileName: draft.file.name, fileType: draft.file.type, fileSize: Math.floor((draft.file.base64.length * 3) / 4) }),
    },
    pacing: draft.pacing,
    ...(floorSec !== MIN_DELAY_SEC && { floorSec }),
    typing: draft.typing,
    checkNumbers: draft.checkNumbers,
    columns: draft.columns.slice(0, 100),
    report: { duplicates, optedOut, unusable: draft.unusable.length },
    entries,
  };
  return { ok: true, campaign };
}

export function pauseCampaign(campaign: Campaign, now: number): Campaign {
  if (!isActiveCampaign(campaign)) return campaign;
  return { ...campaign, state: 'paused', note: t('pausedNote'), nextAt: undefined, updatedAt: now };
}

export function resumeCampaign(campaign: Campaign, now: number): Campaign {
  if (campaign.state !== 'paused') return campaign;
  const scheduled = campaign.startAt !== undefined && campaign.startAt > now;
  return { ...campaign, state: scheduled ? 'scheduled' : 'running', note: undefined, updatedAt: now };
}

/** Cancelled: nothing more is sent; recipients still waiting are reported as not sent. A send in doubt is still verified. */
export function cancelCampaign(campaign: Campaign, now: number): Campaign {
  if (campaign.state === 'done' || campaign.state === 'cancelled') return campaign;
  return {
    ...campaign,
    state: 'cancelled',
    note: undefined,
    nextAt: undefined,
    updatedAt: now,
    entries: campaign.entries.map((entry) => (entry.status.state === 'pending' ? { ...entry, status: { state: 'skipped', reason: cancelledReason() } } : entry)),
  };
}

export function retryFailedCampaign(campaign: Campaign, now: number): Campaign {
  const entries = retryFailed(campaign.entries);
  const state = campaign.state === 'done' || campaign.state === 'cancelled' ? 'running' : campaign.state;
  return { ...campaign, entries, state, note: undefined, updatedAt: now };
}

/**
 * A finished campaign again, for the same recipients with the same messages: everyone who was to
 * get it waits again, the opt-out list (as it is now) applied. It starts paused, to be looked at
 * and started by the person.
 */
export function duplicateCampaign(campaign: Campaign, optOut: ReadonlySet<string>, id: string, now: number): Campaign {
  let optedOut = 0;
  const notOnWhatsApp = notOnWhatsAppReason();
  const entries = campaign.entries.map((entry): CampaignEntry => {
    const { checked: _checked, ...rest } = entry;
    if (!entry.digits) return rest;
    if (optOut.has(entry.digits)) {
      optedOut += 1;
      return { ...rest, status: { state: 'skipped', reason: optedOutReason() } };
    }
    // Known not to be on WhatsApp: left out. Compared in today's language, so one stored in another waits again.
    if (entry.status.state === 'skipped' && entry.status.reason === notOnWhatsApp) return rest;
    return { ...rest, status: { state: 'pending' } };
  });
  return {
    ...campaign,
    id,
    name: t('copyOf', { name: campaign.name }).slice(0, 200),
    createdAt: now,
    updatedAt: now,
    state: 'paused',
    note: t('copyNote'),
    startAt: undefined,
    nextAt: undefined,
    lastSentAt: undefined,
    delayMs: undefined,
    dailyCounts: {},
    report: { ...campaign.report, optedOut },
    duplicatedFrom: campaign.id,
    entries,
  };
}

/** Ended campaigns beyond MAX_CAMPAIGNS leave, oldest first; active ones always stay. */
export function pruneCampaigns(campaigns: readonly Campaign[]): Campaign[] {
  let over = campaigns.length - MAX_CAMPAIGNS;
  if (over <= 0) return [...campaigns];
  const byAge = [...campaigns].filter((c) => !needsRunner(c)).sort((a, b) => a.updatedAt - b.updatedAt);
  const drop = new Set<string>();
  for (const campaign of byAge) {
    if (over-- <= 0) break;
    drop.add(campaign.id);
  }
  return campaigns.filter((c) => !drop.has(c.id));
}

const OPERATIONS: Record<CampaignMessageKind, string> = {
  text: 'postMessagesSendText',
  image: 'postMessagesSendMedia',
  video: 'postMessagesSendMedia',
  document: 'postMessagesSendDocument',
};

/** The WARest send for one recipient. */
export function sendRequest(campaign: Pick<Campaign, 'sessionId' | 'message' | 'typing'>, entry: Pick<CampaignEntry, 'digits' | 'text'>, file?: FilePayload): { operationId: string; inputs: Record<string, unknown> } {
  const base = { sessionId: campaign.sessionId, to: entry.digits, ...(campaign.typing && { presence: true }) };
  const caption = entry.text.trim() ? { caption: entry.text } : {};
  switch (campaign.message.kind) {
    case 'text':
      return { operationId: OPERATIONS.text, inputs: { ...base, message: entry.text } };
    case 'image':
    case 'video':
      return { operationId: OPERATIONS[campaign.message.kind], inputs: { ...base, media: file, ...caption } };
    case 'document':
      return { operationId: OPERATIONS.document, inputs: { ...base, document: file, ...(file && { filename: file.name }), ...caption } };
  }
}

/** What one send's attempt came to, as the runner acts on it. */
export type SendAttempt =
  | { kind: 'sent'; messageId?: string }
  | { kind: 'failed'; reason: string }
  /** No answer: it may have gone out; verified from the chat before anything else is sent. */
  | { kind: 'unknown'; reason: string }
  /** Refused before anything went out, for a while (rate limit): the same recipient goes again at `until`. */
  | { kind: 'later'; until: number; note: string }
  /** Refused before anything went out, until the person acts (session not open, key rejected): the campaign pauses. */
  | { kind: 'pause'; note: string };

const clock = (at: number) => new Date(at).toLocaleTimeString('en-GB');

/** A send's error, as what to do next. */
export function attemptFromError(error: ApiError, now: number): SendAttempt {
  if (error.outcomeUnknown) return { kind: 'unknown', reason: error.message };
  switch (error.kind) {
    case 'rate-limited': {
      const until = Math.max(error.retryAt ?? now + 5_000, now + 250);
      return { kind: 'later', until, note: t(error.scope === 'recipient' ? 'waitRcpt' : 'rateLimit', { time: clock(until) }) };
    }
    case 'network':
    case 'timeout':
    case 'server':
    case 'bad-response':
      // Known not to have been acted on (a write whose fate is open says outcomeUnknown): try again soon.
      return { kind: 'later', until: now + 15_000, note: t('againAt', { error: error.message, time: clock(now + 15_000) }) };
    case 'not-found':
    case 'not-logged-in':
    case 'auth':
    case 'forbidden':
    case 'permission':
    case 'no-profile':
    case 'origin-blocked':
      return { kind: 'pause', note: t('pausedErr', { error: error.message }) };
    default:
      return { kind: 'failed', reason: error.serverMessage ? t('refused', { message: error.serverMessage }) : error.message };
  }
}

export interface CampaignProgress extends LedgerCounts {
  /** Recipients that will get nothing more: sent, failed, skipped, unconfirmed. */
  done: number;
}

export function campaignProgress(campaign: Pick<Campaign, 'entries'>): CampaignProgress {
  const counts = countStates(campaign.entries);
  return { ...counts, done: counts.total - counts.pending - counts.sending };
}

/**
 * When the last message should go: the remaining recipients at the mean delay, through the
 * sending window and the daily cap. Undefined when nothing waits, or when it is paused.
 */
export function estimateFinish(campaign: Campaign, now: number): number | undefined {
  if (!isActiveCampaign(campaign)) return undefined;
  const remaining = campaign.entries.reduce((n, entry) => n + (entry.status.state === 'pending' || entry.status.state === 'sending' ? 1 : 0), 0);
  if (remaining === 0) return undefined;
  const mean = ((Math.max(floorOf(campaign), campaign.pacing.minDelaySec) + Math.max(campaign.pacing.minDelaySec, campaign.pacing.maxDelaySec)) / 2) * 1000;
  const counts = new Map(Object.entries(campaign.dailyCounts));
  let last = campaign.lastSentAt;
  let at = Math.max(now, campaign.nextAt ?? now, campaign.startAt ?? now);
  // Stepping each message is exact through windows and caps; past a few thousand, the rest is extrapolated.
  const stepped = Math.min(remaining, 2_000);
  for (let i = 0; i < stepped; i++) {
    at = nextSendAt({ now: at, lastSentAt: last, delayMs: i === 0 && campaign.delayMs !== undefined ? campaign.delayMs : mean, pacing: campaign.pacing, sentOn: (date) => counts.get(date) ?? 0 });
    if (campaign.pacing.dailyCap !== undefined) {
      const { date } = localTime(at, campaign.pacing.timeZone);
      counts.set(date, (counts.get(date) ?? 0) + 1);
    }
    last = at;
  }
  if (remaining > stepped) {
    const first = Math.max(now, campaign.nextAt ?? now);
    at += ((at - first) / stepped) * (remaining - stepped);
  }
  return at;
}

