import { checkDelivery, expectationFor } from '@/lib/delivery-check';
import { browser } from 'wxt/browser';
import { jobItemsOf } from '@/lib/jobs';
import { MENU_JOB_PREFIX } from '@/lib/menu-handoff';
import type { PhoneListEntry } from '@/lib/phone-list';
import { explainError, readAddResults, readCheckResults, type NumberResult } from '@/lib/answers/menu-results';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { Job } from '@/lib/storage';
import { askBackground } from '@/lib/messaging/ask-background';
import { callOperation } from '@/lib/messaging/call-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

/**
 * What the selection windows send. A few numbers go in one direct call and answer at once; more
 * run as a background job (chunked, paced, persisted: nothing is sent twice or lost).
 */

/** Up to this many numbers are checked or added in one call; more run as a job. */
export const DIRECT_LIMIT = 10;
/** Messages go one by one, right now: more than this is a mass mailing, not a right-click. */
export const SEND_LIMIT = 20;

export type RunOutcome = { kind: 'results'; results: NumberResult[]; serverMessage?: string } | { kind: 'job'; job: Job } | { kind: 'error'; message: string };

async function startJob(payload: RequestOf<'jobs.start'>): Promise<RunOutcome> {
  const reply = await askBackground('jobs.start', payload);
  if (!reply.ok) return { kind: 'error', message: explainError(reply.error) };
  // Marks the job as the menu's, so the background notifies when it finishes.
  await browser.storage.session.set({ [`${MENU_JOB_PREFIX}${reply.data.id}`]: { at: Date.now() } }).catch(() => undefined);
  return { kind: 'job', job: reply.data };
}

export async function checkNumbers(profileId: string, sessionId: string, numbers: readonly PhoneListEntry[]): Promise<RunOutcome> {
  if (numbers.length > DIRECT_LIMIT) return startJob({ kind: 'numbers.check', profileId, sessionId, items: jobItemsOf(numbers) });
  const digits = numbers.map((n) => n.digits);
  const reply = await callOperation('getProfileOnWhatsapp', { sessionId, checkNumbers: digits.join(',') }, { profileId });
  if (!reply.ok) return { kind: 'error', message: explainError(reply.error) };
  return { kind: 'results', results: readCheckResults(digits, reply.data.results), ...(reply.data.message && { serverMessage: reply.data.message }) };
}

export async function addNumbers(profileId: string, sessionId: string, group: { id: string; subject: string }, numbers: readonly PhoneListEntry[]): Promise<RunOutcome> {
  if (numbers.length > DIRECT_LIMIT) {
    return startJob({ kind: 'group.add', profileId, sessionId, groupId: group.id, groupName: group.subject, items: jobItemsOf(numbers) });
  }
  const digits = numbers.map((n) => n.digits);
  const reply = await callOperation('postGroupParticipantsAdd', { sessionId, groupId: group.id, participants: digits }, { profileId });
  if (!reply.ok) return { kind: 'error', message: explainError(reply.error) };
  return { kind: 'results', results: readAddResults(digits, reply.data.results), ...(reply.data.message && { serverMessage: reply.data.message }) };
}

/** Errors about the server or session rather than one recipient: sending more would fail the same way. */
const STOPPING: ReadonlySet<string> = new Set(['no-profile', 'permission', 'network', 'auth', 'forbidden', 'not-logged-in', 'origin-blocked', 'rate-limited', 'server', 'bad-response']);

/** Sends the message to each number in turn; stops at an error that would hit every next one. */
export async function sendMessages(
  profileId: string,
  sessionId: string,
  numbers: readonly PhoneListEntry[],
  message: string,
  onProgress?: (done: number) => void,
): Promise<RunOutcome> {
  const results: NumberResult[] = [];
  let stopped: string | undefined;
  for (const { digits } of numbers) {
    if (stopped) {
      results.push({ digits, outcome: 'failed', reason: t(stopped === 'unknown' ? 'stoppedAfterUnconfirmed' : 'stoppedAfterError') });
      continue;
    }
    const startedAt = Date.now();
    const inputs = { sessionId, to: digits, message };
    const reply = await callOperation('postMessagesSendText', inputs, { profileId });
    if (reply.ok) results.push({ digits, outcome: 'sent' });
    else if (reply.error.outcomeUnknown) {
      // No answer: read the chat. What cannot be confirmed is reported, never sent again, and the
      // run stops there so that nothing after it goes out on a doubt.
      const check = await checkDelivery((read) => callOperation('getChatsChatIdMessages', read, { profileId }), expectationFor(inputs, startedAt)!);
      if (check.state === 'sent') results.push({ digits, outcome: 'sent', reason: t('foundInChat') });
      else {
        results.push({ digits, outcome: 'unknown', reason: check.state === 'unknown' ? t('unconfirmedUnread', { reason: check.reason }) : t('unconfirmedNotYet') });
        stopped = 'unknown';
      }
    } else {
      results.push({ digits, outcome: 'failed', reason: explainError(reply.error) });
      if (STOPPING.has(reply.error.kind)) stopped = reply.error.kind;
    }
    onProgress?.(results.length);
  }
  return { kind: 'results', results };
}
