import { firstResult, type ApiError, type ApiSuccess } from './warest/api-result';
import type { PhoneListEntry } from './phone-list';
import type { OperationInputs } from './warest/request-builder';
import type { Job, JobItem, JobKind } from './storage';
import { record as asRecord } from './answers/loose';
import { textsOf } from './i18n';

const t = textsOf('work');

/**
 * The pure part of bulk jobs (adding many participants, approving or rejecting many join
 * requests, checking many numbers): how a job is made, cut into chunks, what each answer means
 * for each item, and how items left "sending" by an interruption are settled. The background
 * (entrypoints/background/job-runner.ts) runs jobs with these and persists every step.
 *
 * An item's life: pending → sending (its chunk is on the wire; persisted before the request
 * goes out) → done | failed. An item found in `sending` after a restart is ambiguous: the
 * request may or may not have reached the server, so it is verified, not resent blindly.
 */

/** Items per request. */
export const JOB_CHUNK_SIZE = 20;
/** Items one job may hold. */
export const MAX_JOB_ITEMS = 5000;
/** Sends of one item (interrupted or ambiguous ones included) before it is given up as failed. */
export const MAX_ATTEMPTS = 3;
/** Finished jobs kept in the list (running ones are always kept). */
export const MAX_KEPT_JOBS = 20;

export type JobRequestItem = { input: string; value: string };

/** Checked phone numbers as job items: what the person typed, and the digits to send. */
export function jobItemsOf(numbers: readonly PhoneListEntry[]): JobRequestItem[] {
  return numbers.map((n) => ({ input: n.input, value: n.digits }));
}

/** What became of one item, from an answer or a verification. */
export interface ItemOutcome {
  state: 'done' | 'failed' | 'pending';
  outcome?: string;
  reason?: string;
}

const KIND_WORDS = {
  'group.add': { title: 'jAdd', operation: 'postGroupParticipantsAdd' },
  'group.approve': { title: 'jApprove', operation: 'postGroupParticipantsRequestApprove' },
  'group.reject': { title: 'jReject', operation: 'postGroupParticipantsRequestReject' },
  'numbers.check': { title: 'jCheck', operation: 'getProfileOnWhatsapp' },
} as const satisfies Record<JobKind, { title: Parameters<typeof t>[0]; operation: string }>;

/** Outcome words for people, read when shown (so they are in the language of that moment). */
export const OUTCOME_LABELS: Record<string, string> = {
  get added() { return t('oAdded'); },
  get 'already-in-group'() { return t('oInGroup'); },
  get 'not-on-whatsapp'() { return t('oNoWa'); },
  get 'on-whatsapp'() { return t('oOnWa'); },
  get approved() { return t('oApproved'); },
  get rejected() { return t('oRejected'); },
  get 'no-request'() { return t('oNoReq'); },
  get cancelled() { return t('oCancelled'); },
  get failed() { return t('oFailed'); },
};

export function outcomeLabel(item: Pick<JobItem, 'state' | 'outcome'>): string {
  if (item.outcome) return OUTCOME_LABELS[item.outcome] ?? item.outcome;
  if (item.state === 'sending') return t('sending');
  if (item.state === 'failed') return t('oFailed');
  return t('waiting');
}

export function jobTitle(job: Pick<Job, 'kind' | 'groupName' | 'groupId'>): string {
  const title = t(KIND_WORDS[job.kind].title);
  const group = job.groupName ?? job.groupId;
  return job.kind === 'numbers.check' || !group ? title : `${title} · ${group}`;
}

export function operationFor(kind: JobKind): string {
  return KIND_WORDS[kind].operation;
}

/** Whether resending an item could act twice on the server. */
export function isWrite(kind: JobKind): boolean {
  return kind !== 'numbers.check';
}

export function isGroupKind(kind: JobKind): boolean {
  return kind !== 'numbers.check';
}

// ---- Values ---------------------------------------------------------------------------------

/**
 * The phone digits of a number or a phone JID ("628…@s.whatsapp.net", "628…:3@s.whatsapp.net",
 * "…@c.us", "+62 812…"); undefined for a LID, group or anything else that does not carry the number.
 */
export function phoneDigitsOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.includes('@')) {
    const [user = '', domain = ''] = text.split('@');
    if (!/^(?:s\.whatsapp\.net|whatsapp\.net|c\.us)$/i.test(domain)) return undefined;
    const digits = user.split(':')[0]!;
    return /^\d{5,20}$/.test(digits) ? digits : undefined;
  }
  const digits = text.replace(/[\s+\-().]/g, '');
  return /^\d{5,20}$/.test(digits) ? digits : undefined;
}

/** How an item is matched in answers: its phone digits, else its value as it is (e.g. a LID). */
export function itemKey(value: string): string {
  return phoneDigitsOf(value) ?? value.trim().toLowerCase();
}

/**
 * Checks the items of a new job again (the page normalised them already) and drops repeats.
 * Numbers to add or check must be international digits (or a phone JID); join requests may also
 * be named by a LID JID.
 */
export function checkJobItems(kind: JobKind, items: JobRequestItem[]): { ok: true; items: JobRequestItem[] } | { ok: false; reason: string } {
  if (items.length === 0) return { ok: false, reason: t('emptyJob') };
  if (items.length > MAX_JOB_ITEMS) return { ok: false, reason: t('bigJob', { n: items.length, max: MAX_JOB_ITEMS }) };
  const bad: string[] = [];
  const seen = new Set<string>();
  const kept: JobRequestItem[] = [];
  for (const item of items) {
    const value = item.value.trim();
    const digits = phoneDigitsOf(value);
    const lid = /^\d{5,25}@lid$/i.test(value);
    const okValue = kind === 'group.add' || kind === 'numbers.check' ? digits !== undefined && !/^0/.test(digits) : digits !== undefined || lid;
    if (!okValue) {
      bad.push(item.input || item.value);
      continue;
    }
    const normalised = digits && !value.includes('@') ? digits : value;
    const key = itemKey(normalised);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ input: item.input.trim() || normalised, value: normalised });
  }
  if (bad.length > 0) {
    const shown = `${bad.slice(0, 5).map((entry) => `“${entry}”`).join(', ')}${bad.length > 5 ? ', …' : ''}`;
    return { ok: false, reason: t.count('notIntl', bad.length, { shown }) };
  }
  return { ok: true, items: kept };
}

export function newJob(
  fields: Pick<Job, 'kind' | 'profileId' | 'sessionId'> & { groupId?: string | undefined; groupName?: string | undefined },
  items: JobRequestItem[],
  id: string,
  now: number,
): Job {
  return {
    id,
    kind: fields.kind,
    profileId: fields.profileId,
    sessionId: fields.sessionId,
    ...(fields.groupId !== undefined && { groupId: fields.groupId }),
    ...(fields.groupName !== undefined && { groupName: fields.groupName }),
    createdAt: now,
    updatedAt: now,
    state: 'running',
    items: items.map((item) => ({ input: item.input, value: item.value, state: 'pending', attempts: 0 })),
  };
}

// ---- Counting -------------------------------------------------------------------------------

export interface JobCounts {
  total: number;
  /** Items settled (done or failed). */
  finished: number;
  pending: number;
  sending: number;
  done: number;
  failed: number;
  /** Per outcome word (added, already-in-group, …). */
  outcomes: Record<string, number>;
}

export function countJob(job: Pick<Job, 'items'>): JobCounts {
  const counts: JobCounts = { total: job.items.length, finished: 0, pending: 0, sending: 0, done: 0, failed: 0, outcomes: {} };
  for (const item of job.items) {
    counts[item.state] += 1;
    if (item.state === 'done' || item.state === 'failed') {
      counts.finished += 1;
      const outcome = item.outcome ?? item.state;
      counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + 1;
    }
  }
  return counts;
}

export function isActive(job: Pick<Job, 'state'>): boolean {
  return job.state === 'running' || job.state === 'waiting';
}

// ---- Steps ----------------------------------------------------------------------------------

/** The indices of the next chunk: the first `size` pending items. */
export function nextChunk(job: Pick<Job, 'items'>, size = JOB_CHUNK_SIZE): number[] {
  const chunk: number[] = [];
  for (let index = 0; index < job.items.length && chunk.length < size; index++) {
    if (job.items[index]!.state === 'pending') chunk.push(index);
  }
  return chunk;
}

export function sendingIndices(job: Pick<Job, 'items'>): number[] {
  return job.items.flatMap((item, index) => (item.state === 'sending' ? [index] : []));
}

function withItems(job: Job, now: number, change: (item: JobItem, index: number) => JobItem): Job {
  return { ...job, updatedAt: now, items: job.items.map(change) };
}

/** Marks a chunk as on the wire (persist this before sending). */
export function markSending(job: Job, indices: number[], now: number): Job {
  const chosen = new Set(indices);
  return withItems(job, now, (item, index) => {
    if (!chosen.has(index)) return item;
    const { outcome: _outcome, reason: _reason, ...rest } = item;
    return { ...rest, state: 'sending', attempts: item.attempts + 1 };
  });
}

/**
 * Puts a chunk back to pending when the server certainly did not act (a 429), without counting
 * the attempt.
 */
export function unsend(job: Job, indices: number[], now: number): Job {
  const chosen = new Set(indices);
  return withItems(job, now, (item, index) =>
    chosen.has(index) && item.state === 'sending' ? { ...item, state: 'pending', attempts: Math.max(0, item.attempts - 1) } : item,
  );
}

/** Writes the outcome of each item of a chunk (`outcomes[i]` belongs to `indices[i]`). */
export function applyOutcomes(job: Job, indices: number[], outcomes: ItemOutcome[], now: number): Job {
  const byIndex = new Map(indices.map((itemIndex, position) => [itemIndex, outcomes[position]!]));
  return withItems(job, now, (item, index) => {
    const result = byIndex.get(index);
    // Only items still in flight take an outcome: a cancel meanwhile does not undo what was sent.
    if (!result || item.state !== 'sending') return item;
    const { outcome: _outcome, reason: _reason, ...rest } = item;
    return {
      ...rest,
      state: result.state,
      ...(result.outcome !== undefined && { outcome: result.outcome }),
      ...(result.reason !== undefined && { reason: result.reason }),
    };
  });
}

/** Fails every item that is not settled yet (a job-wide problem: key rejected, not an admin…). */
export function failRemaining(job: Job, reason: string, now: number): Job {
  return withItems(job, now, (item) => (item.state === 'pending' || item.state === 'sending' ? { ...item, state: 'failed', outcome: 'failed', reason } : item));
}

/** A job whose items are all settled is done; a note about waiting no longer applies. */
export function finishIfComplete(job: Job, now: number): Job {
  if (!isActive(job) || job.items.some((item) => item.state === 'pending' || item.state === 'sending')) return job;
  const { note: _note, ...rest } = job;
  return { ...rest, state: 'done', updatedAt: now };
}

export function waiting(job: Job, note: string, now: number): Job {
  return { ...job, state: 'waiting', note, updatedAt: now };
}

export function running(job: Job, now: number): Job {
  const { note: _note, ...rest } = job;
  return { ...rest, state: 'running', updatedAt: now };
}

/** Failed items go back to pending (with a fresh attempt count) and the job runs again. */
export function retryFailedItems(job: Job, now: number): Job {
  const items = job.items.map((item): JobItem => {
    if (item.state !== 'failed') return item;
    const { outcome: _outcome, reason: _reason, ...rest } = item;
    return { ...rest, state: 'pending', attempts: 0 };
  });
  const { note: _note, ...rest } = job;
  return { ...rest, state: 'running', updatedAt: now, items };
}

/**
 * Cancels a job: its pending items are not sent (they become failed/cancelled, so "Retry failed"
 * can still send them). A chunk already on the wire keeps its `sending` items: its answer, or a
 * verification, settles them.
 */
export function cancelJobState(job: Job, now: number): Job {
  const items = job.items.map((item): JobItem =>
    item.state === 'pending' ? { ...item, state: 'failed', outcome: 'cancelled', reason: t('jobCancelled') } : item,
  );
  const { note: _note, ...rest } = job;
  return { ...rest, state: 'cancelled', updatedAt: now, items };
}

/** Keeps every active job and the newest finished ones. */
export function pruneJobs(jobs: Job[], keep = MAX_KEPT_JOBS): Job[] {
  const finished = jobs.filter((job) => !isActive(job)).sort((a, b) => b.updatedAt - a.updatedAt);
  const dropped = new Set(finished.slice(keep).map((job) => job.id));
  return jobs.filter((job) => !dropped.has(job.id));
}

// ---- Requests and answers -------------------------------------------------------------------

export function chunkInputs(job: Pick<Job, 'kind' | 'sessionId' | 'groupId'>, values: string[]): OperationInputs {
  if (job.kind === 'numbers.check') return { sessionId: job.sessionId, checkNumbers: values.join(',') };
  return { sessionId: job.sessionId, groupId: job.groupId ?? '', participants: values };
}


function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function firstOf(success: ApiSuccess): Record<string, unknown> {
  return asRecord(firstResult(success)) ?? {};
}

/** The number an answer's entry is about: a string ("628…", "628…@s.whatsapp.net", "628…: reason") or an object. */
function entryKey(entry: unknown): string | undefined {
  if (typeof entry === 'string') {
    const head = entry.split(/:\s/)[0]!.trim();
    return phoneDigitsOf(head) ?? (/@lid$/i.test(head) ? head.toLowerCase() : undefined);
  }
  const record = asRecord(entry);
  if (!record) return undefined;
  for (const field of ['phone', 'jid', 'number', 'participant', 'id', 'lid']) {
    const value = record[field];
    const digits = phoneDigitsOf(value);
    if (digits) return digits;
  }
  const lid = [record.lid, record.id, record.jid].find((value) => typeof value === 'string' && /@lid$/i.test(value));
  return typeof lid === 'string' ? lid.toLowerCase() : undefined;
}

/** The reason carried by an answer entry ("628…: already a participant", or { reason | status | error }). */
function entryReason(entry: unknown): string {
  if (typeof entry === 'string') {
    const colon = entry.search(/:\s/);
    return colon >= 0 ? entry.slice(colon + 1).trim() : '';
  }
  const record = asRecord(entry) ?? {};
  for (const field of ['reason', 'error', 'message', 'status', 'code']) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return '';
}

function quote(reason: string): string {
  return reason ? t('srvSays', { reason }) : t('srvNoReason');
}

/** What a per-participant failure means, in words (WhatsApp's numeric statuses included). */
function addFailure(reason: string): ItemOutcome {
  const text = reason.toLowerCase();
  if (/already|\b409\b/.test(text)) return { state: 'done', outcome: 'already-in-group', reason: t('inGroup') };
  if (/not on whatsapp|not registered|no whatsapp|does not exist|doesn't exist|not exist|\b404\b/.test(text)) {
    return { state: 'done', outcome: 'not-on-whatsapp', reason: t('noWa') };
  }
  if (/\b403\b|privacy|invite/.test(text)) return { state: 'failed', outcome: 'failed', reason: t('privacy') };
  if (/\b408\b|recently left|left recently/.test(text)) return { state: 'failed', outcome: 'failed', reason: t('leftGroup') };
  if (/invalid/.test(text)) return { state: 'failed', outcome: 'failed', reason: t('badWaNum', { server: quote(reason) }) };
  if (/not.*admin|not authori[sz]ed|\b401\b/.test(text)) return { state: 'failed', outcome: 'failed', reason: t('notAllowed', { server: quote(reason) }) };
  return { state: 'failed', outcome: 'failed', reason: quote(reason) };
}

function requestFailure(kind: 'group.approve' | 'group.reject', reason: string): ItemOutcome {
  if (/no pending request|not found|no request/i.test(reason)) {
    return { state: 'done', outcome: 'no-request', reason: t('noRequest') };
  }
  return { state: 'failed', outcome: 'failed', reason: t(kind === 'group.approve' ? 'cantApprove' : 'cantReject', { server: quote(reason) }) };
}

const SUCCESS_STATUS = /^(?:200|success|ok|added|approved|rejected|promoted|true)$/i;

/**
 * What a successful answer to a chunk means for each of its values, in order.
 * - add: `addedParticipants` and `failedToAdd` ("628…: reason"), or `participants: [{ jid, status }]`
 *   with WhatsApp's codes (200 added, 409 already in group, 403 privacy, 408 left recently…).
 * - approve: `approvedParticipants` / `failedToApprove`, or `participants: [{ phone, status }]`.
 * - reject: `participants: [{ phone, status: 'rejected' | 'no pending request' }]`.
 * - check: `data` (one entry or a list) of `{ phone | jid, isOnWhatsApp | exists }`.
 */
export function readChunkAnswer(kind: JobKind, values: string[], success: ApiSuccess): ItemOutcome[] {
  const keys = values.map(itemKey);
  const found = new Map<string, ItemOutcome>();
  const unreported: ItemOutcome = {
    state: 'failed',
    outcome: 'failed',
    reason: t('unreported'),
  };

  if (kind === 'numbers.check') {
    const result = firstOf(success);
    const entries = [...asArray(result.data ?? result.results ?? result.numbers), ...(result.phone || result.jid ? [result] : [])];
    for (const entry of entries) {
      const key = entryKey(entry);
      const record = asRecord(entry);
      if (!key || !record) continue;
      const exists = record.isOnWhatsApp ?? record.exists ?? record.onWhatsApp ?? record.isOnWhatsapp;
      if (typeof exists !== 'boolean') continue;
      found.set(
        key,
        exists
          ? { state: 'done', outcome: 'on-whatsapp', reason: t('hasWa') }
          : { state: 'done', outcome: 'not-on-whatsapp', reason: t('noWa') },
      );
    }
    return keys.map((key) => found.get(key) ?? unreported);
  }

  const result = firstOf(success);
  const goodWord = kind === 'group.add' ? 'added' : kind === 'group.approve' ? 'approved' : 'rejected';
  const good: ItemOutcome = { state: 'done', outcome: goodWord };
  const failureOf = (reason: string) => (kind === 'group.add' ? addFailure(reason) : requestFailure(kind, reason));
  const okList = kind === 'group.add' ? (result.addedParticipants ?? result.added) : kind === 'group.approve' ? (result.approvedParticipants ?? result.approved) : (result.rejectedParticipants ?? result.rejected);
  const failList = kind === 'group.add' ? (result.failedToAdd ?? result.failed) : kind === 'group.approve' ? (result.failedToApprove ?? result.failed) : (result.failedToReject ?? result.failed);
  let reported = false;
  for (const entry of asArray(okList)) {
    const key = entryKey(entry);
    reported = true;
    if (key) found.set(key, good);
  }
  for (const entry of asArray(failList)) {
    const key = entryKey(entry);
    reported = true;
    if (key) found.set(key, failureOf(entryReason(entry)));
  }
  for (const entry of asArray(result.participants)) {
    const key = entryKey(entry);
    reported = true;
    if (!key) continue;
    const status = entryReason(entry);
    found.set(key, SUCCESS_STATUS.test(status) || status === '' ? good : failureOf(status));
  }
  if (!reported) {
    // No per-participant report at all: the envelope's word stands for every item.
    const status = typeof result.status === 'string' ? result.status : '';
    return keys.map(() => (status === '' || SUCCESS_STATUS.test(status) ? good : failureOf(status)));
  }
  return keys.map((key) => found.get(key) ?? unreported);
}

// ---- Errors ---------------------------------------------------------------------------------

export type ChunkErrorAction =
  /** 429: the server did not act; wait until `until`, then send the same chunk again. */
  | { action: 'wait-rate-limit'; until: number; note: string }
  /** Unreachable, timed out, 5xx or a proxy's page: it may or may not have acted. Wait, verify, go on. */
  | { action: 'wait-unreachable'; note: string; reason: string }
  /** The server refused this chunk's input; the other chunks may be fine. */
  | { action: 'fail-chunk'; reason: string }
  /** Nothing in this job can succeed until the user fixes something (key, rights, session, access). */
  | { action: 'fail-job'; reason: string };

function clockTime(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

export function classifyChunkError(error: ApiError, now: number): ChunkErrorAction {
  switch (error.kind) {
    case 'rate-limited': {
      const until = Math.max(error.retryAt ?? now + 5_000, now + 250);
      return { action: 'wait-rate-limit', until, note: t('rateLimit', { time: clockTime(until) }) };
    }
    case 'network':
    case 'timeout':
    case 'server':
    case 'bad-response':
      return { action: 'wait-unreachable', note: t('jobWaits', { error: error.message }), reason: error.message };
    case 'validation':
      return { action: 'fail-chunk', reason: error.serverMessage ? t('batchRefused', { message: error.serverMessage }) : error.message };
    default:
      return { action: 'fail-job', reason: error.message };
  }
}

/** How long to wait before the `failures`-th retry of an unreachable server (1, 2, …). */
export function unreachableDelay(failures: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

// ---- Verification after an interruption ----------------------------------------------------

/** The read that tells what became of items left `sending`, or undefined when resending is harmless (a read). */
export function verificationFor(job: Pick<Job, 'kind' | 'sessionId' | 'groupId'>): { operationId: string; inputs: OperationInputs } | undefined {
  if (job.kind === 'group.add') return { operationId: 'getGroupParticipants', inputs: { sessionId: job.sessionId, groupId: job.groupId ?? '' } };
  if (job.kind === 'group.approve' || job.kind === 'group.reject') {
    return { operationId: 'getGroupParticipantsRequests', inputs: { sessionId: job.sessionId, groupId: job.groupId ?? '' } };
  }
  return undefined;
}

export interface Roster {
  /** Item keys (phone digits, or LIDs) on the list read. */
  keys: Set<string>;
  /** False when some entries carry no phone number (LID-only), so an absent number proves nothing. */
  complete: boolean;
}

/** The participants (add) or pending join requests (approve, reject) in a verification answer. */
export function readRoster(kind: JobKind, success: ApiSuccess): Roster {
  const result = firstOf(success);
  const list =
    kind === 'group.add'
      ? asArray(result.participants ?? result.data)
      : asArray(result.joinRequests ?? result.requests ?? result.participants ?? result.data);
  const keys = new Set<string>();
  let complete = true;
  for (const entry of list) {
    const record = asRecord(entry);
    const digits = record
      ? (['phone', 'jid', 'phoneNumber', 'id', 'participant'].map((field) => phoneDigitsOf(record[field])).find(Boolean) ?? undefined)
      : phoneDigitsOf(entry);
    if (digits) keys.add(digits);
    else complete = false;
    const lid = record ? [record.lid, record.id, record.jid].find((value) => typeof value === 'string' && /@lid$/i.test(value)) : undefined;
    if (typeof lid === 'string') keys.add(lid.toLowerCase());
  }
  return { keys, complete };
}

/**
 * Settles items left `sending` with what the server now shows:
 * - add: on the participant list → done (added); absent → pending, sent again.
 * - approve / reject: no longer among the join requests → done; still pending → sent again.
 * - check (no roster): pending, sent again (a read; the extra attempt is counted).
 * An item that has been sent MAX_ATTEMPTS times fails instead of going out once more; one that a
 * LID-only list cannot confirm fails with a reason, so the person decides.
 */
export function settleSending(job: Job, roster: Roster | undefined, now: number, lastError?: string): Job {
  const goodWord = job.kind === 'group.add' ? 'added' : job.kind === 'group.approve' ? 'approved' : 'rejected';
  return withItems(job, now, (item) => {
    if (item.state !== 'sending') return item;
    const { outcome: _outcome, reason: _reason, ...rest } = item;
    if (roster) {
      const present = roster.keys.has(itemKey(item.value));
      if (!present && !roster.complete) {
        return {
          ...rest,
          state: 'failed',
          outcome: 'failed',
          reason: t(job.kind === 'group.add' ? 'cutAdd' : 'cutRequest'),
        };
      }
      if (job.kind === 'group.add' ? present : !present) {
        return {
          ...rest,
          state: 'done',
          outcome: goodWord,
          reason: t(job.kind === 'group.add' ? 'confAdd' : 'confRequest'),
        };
      }
    }
    if (item.attempts >= MAX_ATTEMPTS) {
      return {
        ...rest,
        state: 'failed',
        outcome: 'failed',
        reason: lastError ? t('sentTimesLast', { n: item.attempts, error: lastError }) : t('sentTimes', { n: item.attempts }),
      };
    }
    return { ...rest, state: 'pending' };
  });
}
