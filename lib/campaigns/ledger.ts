import type { DeliveryCheck } from '../delivery-check';
import { textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * The bookkeeping that makes a campaign send each recipient its message exactly once. A
 * recipient is marked `sending` (and saved) before its message goes, and settled (and saved)
 * after. After a stop, any still `sending` had an outcome no one saw: it is verified against the
 * chat, and what cannot be confirmed becomes `unconfirmed`, reported, and never sent again unless
 * the person asks for it. Pure: the caller stores the ledger before and after every step.
 */

export type RecipientState =
  | { state: 'pending' }
  | { state: 'sending'; since: number }
  | { state: 'sent'; at: number; messageId?: string; confirmedFromChat?: boolean }
  | { state: 'failed'; at: number; reason: string }
  | { state: 'skipped'; reason: string }
  | { state: 'unconfirmed'; at: number; reason: string };

export interface LedgerEntry {
  digits: string;
  /** What the person gave, for a row whose number could not be used (digits is then empty). */
  input?: string;
  /** The message as rendered for this recipient. */
  text: string;
  status: RecipientState;
}

export type SendOutcome =
  | { kind: 'sent'; messageId?: string }
  | { kind: 'failed'; reason: string }
  /** No answer came: it may have gone out. */
  | { kind: 'unknown'; reason: string };

// Generic over the entry, so a campaign's richer entries keep their other fields.
const replace = <E extends LedgerEntry>(entries: readonly E[], index: number, status: RecipientState): E[] =>
  entries.map((entry, i) => (i === index ? { ...entry, status } : entry));

/** The next recipient to send to, in order; undefined when none waits. */
export function nextPending(entries: readonly LedgerEntry[]): number | undefined {
  const index = entries.findIndex((entry) => entry.status.state === 'pending');
  return index < 0 ? undefined : index;
}

/** Before the send: saved first, so a stop mid-send is noticed. */
export function markSending<E extends LedgerEntry>(entries: readonly E[], index: number, now: number): E[] {
  // i18n-exempt: developer error, never shown (the runner marks only a pending recipient)
  if (entries[index]?.status.state !== 'pending') throw new Error(`recipient ${index} is not waiting to be sent`);
  return replace(entries, index, { state: 'sending', since: now });
}

/**
 * After the send. An unknown outcome stays `sending` until it is verified (`verifyUnknown`):
 * the caller checks the chat next, before anything else goes out.
 */
export function settleSend<E extends LedgerEntry>(entries: readonly E[], index: number, outcome: SendOutcome, now: number): E[] {
  // i18n-exempt: developer error, never shown (the runner settles only a recipient it marked)
  if (entries[index]?.status.state !== 'sending') throw new Error(`recipient ${index} was not being sent`);
  switch (outcome.kind) {
    case 'sent':
      return replace(entries, index, { state: 'sent', at: now, ...(outcome.messageId && { messageId: outcome.messageId }) });
    case 'failed':
      return replace(entries, index, { state: 'failed', at: now, reason: outcome.reason });
    case 'unknown':
      return [...entries];
  }
}

/** A send the server refused before anything went out (its rate limit, the session not open): it waits again. */
export function unsend<E extends LedgerEntry>(entries: readonly E[], index: number): E[] {
  if (entries[index]?.status.state !== 'sending') return [...entries];
  return replace(entries, index, { state: 'pending' });
}

/** Recipients whose send was on its way when the work stopped (after a worker restart). */
export function inDoubt(entries: readonly LedgerEntry[]): number[] {
  return entries.flatMap((entry, index) => (entry.status.state === 'sending' ? [index] : []));
}

/** What reading the chat said of a send in doubt: sent (found), or unconfirmed (reported, not resent). */
export function verifyUnknown<E extends LedgerEntry>(entries: readonly E[], index: number, check: DeliveryCheck, now: number): E[] {
  if (entries[index]?.status.state !== 'sending') return [...entries];
  if (check.state === 'sent') return replace(entries, index, { state: 'sent', at: now, messageId: check.messageId, confirmedFromChat: true });
  const reason = check.state === 'unknown' ? t('noAnswerUnread', { reason: check.reason }) : t('noAnswerUnseen');
  return replace(entries, index, { state: 'unconfirmed', at: now, reason });
}

/** "Retry failed": failed recipients wait again. Unconfirmed ones do not: they may have it already. */
export function retryFailed<E extends LedgerEntry>(entries: readonly E[]): E[] {
  return entries.map((entry) => (entry.status.state === 'failed' ? { ...entry, status: { state: 'pending' } } : entry));
}

/** The person chose to send these unconfirmed ones again, knowing they may get it twice. */
export function resendUnconfirmed<E extends LedgerEntry>(entries: readonly E[], indices: readonly number[]): E[] {
  const chosen = new Set(indices);
  return entries.map((entry, index) => (chosen.has(index) && entry.status.state === 'unconfirmed' ? { ...entry, status: { state: 'pending' } } : entry));
}

export interface LedgerCounts {
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  unconfirmed: number;
}

export function countStates(entries: readonly LedgerEntry[]): LedgerCounts {
  const counts: LedgerCounts = { total: entries.length, pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0, unconfirmed: 0 };
  for (const entry of entries) counts[entry.status.state] += 1;
  return counts;
}
