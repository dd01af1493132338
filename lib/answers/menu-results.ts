import type { ApiError } from '../warest/api-result';
import { readGroupList as readGroups, readInviteFacts, type GroupSummary } from './groups';
import { firstOf, list, phoneDigits, record, text, type Loose } from './loose';
import { textsOf } from '../i18n';

const t = textsOf('answers');

/**
 * WARest's answers in the terms of the right-click windows. The group list, the admin check and
 * the invite preview are read by the one reader of each (lib/answers/groups.ts) and only put in
 * the window's terms here; every reader tolerates missing or odd fields (lib/answers/loose.ts).
 */

/** An error in words, with the server's own words when the message does not quote them already. */
export function explainError(error: ApiError): string {
  const said = error.serverMessage && !error.message.includes(error.serverMessage) ? t('serverSaid', { words: error.serverMessage }) : '';
  return `${error.message}${said}`;
}

export interface GroupListEntry {
  id: string;
  subject: string;
  size?: number;
  /** Only admins may change name, description and picture. */
  locked: boolean;
  /** Every member may add participants. */
  membersMayAdd: boolean;
}

/** A group as the menu window's picker shows it. */
export function groupListEntry(group: GroupSummary): GroupListEntry {
  // A listed group has at least this account in it: a size of 0 is one the answer did not give.
  return { id: group.id, subject: group.subject, ...(group.size > 0 && { size: group.size }), locked: group.restrict, membersMayAdd: group.memberAddMode === true };
}

/** getGroups, for the picker: the one group-list reader (lib/answers/groups.ts readGroupList), sorted by subject. */
export function readGroupList(results: readonly unknown[]): GroupListEntry[] {
  return readGroups(results).groups.map(groupListEntry);
}

/** getGroupParticipants: whether this account is an admin; undefined when the roster does not say (the one check). */
export { amAdmin } from './groups';

export interface InvitePreview {
  subject: string;
  size?: number;
  /** The creator's number or name, when the server says. */
  creator?: string;
  description?: string;
  locked: boolean;
  announcement: boolean;
}

/** getGroupJoinViaLink, for the menu window (read by groups.ts readInviteFacts). */
export function readInvitePreview(results: readonly unknown[]): InvitePreview | undefined {
  const facts = readInviteFacts(results);
  if (!facts) return undefined;
  const creator = facts.creator && /^\d+$/.test(facts.creator) ? `+${facts.creator}` : facts.creator;
  return {
    subject: facts.subject ?? t('unnamedGroup'),
    ...(facts.size !== undefined && { size: facts.size }),
    ...(creator && { creator }),
    ...(facts.description && { description: facts.description }),
    locked: facts.locked === true,
    announcement: facts.announcement === true,
  };
}

/** postGroupJoinViaLink: what happened, in words. */
export function describeJoin(code: number | undefined, results: readonly unknown[], subject: string, sessionId: string): string {
  const status = text(firstOf(results)?.status) ?? '';
  const names = { session: sessionId, group: subject };
  if (code === 1001 || /pending|approval/i.test(status)) return t('joinAsked', names);
  if (/already/i.test(status)) return t('joinAlready', names);
  return t('joined', names);
}

export type NumberOutcome = 'on-whatsapp' | 'not-on-whatsapp' | 'added' | 'already-in-group' | 'sent' | 'failed' | 'unknown';

export interface NumberResult {
  digits: string;
  outcome: NumberOutcome;
  reason?: string;
}

/** getProfileOnWhatsapp: `results[0].data` is one object for one number, an array for several. */
export function readCheckResults(numbers: readonly string[], results: readonly unknown[]): NumberResult[] {
  const data = firstOf(results)?.data;
  const entries = (list(data) ?? [data]).map(record).filter((e): e is Loose => !!e);
  return numbers.map((number) => {
    const entry = entries.find((e) => phoneDigits(e.phone) === number || phoneDigits(e.jid) === number);
    if (!entry || typeof entry.isOnWhatsApp !== 'boolean') return { digits: number, outcome: 'unknown', reason: t('notSaid') };
    return { digits: number, outcome: entry.isOnWhatsApp ? 'on-whatsapp' : 'not-on-whatsapp' };
  });
}

/** postGroupParticipantsAdd: `addedParticipants` and `failedToAdd` ("<number>: <reason>"). */
export function readAddResults(numbers: readonly string[], results: readonly unknown[]): NumberResult[] {
  const item = firstOf(results);
  const added = new Set((list(item?.addedParticipants) ?? []).map(phoneDigits).filter(Boolean));
  const failed = (list(item?.failedToAdd) ?? []).filter((f): f is string => typeof f === 'string');
  return numbers.map((number) => {
    if (added.has(number)) return { digits: number, outcome: 'added' };
    const failure = failed.find((f) => phoneDigits(f.split(/[:\s]/)[0]) === number);
    if (!failure) return { digits: number, outcome: 'unknown', reason: t('notReported') };
    const reason = failure.slice(failure.indexOf(':') + 1).trim() || failure;
    if (/already/i.test(reason)) return { digits: number, outcome: 'already-in-group', reason };
    if (/not on whatsapp|not registered|not exist/i.test(reason)) return { digits: number, outcome: 'not-on-whatsapp', reason };
    return { digits: number, outcome: 'failed', reason };
  });
}

const OUTCOME_KEYS = {
  'on-whatsapp': 'onWhatsApp',
  'not-on-whatsapp': 'notOnWhatsApp',
  added: 'added',
  'already-in-group': 'alreadyInGroup',
  sent: 'sent',
  failed: 'failed',
  unknown: 'unknown',
} as const satisfies Record<NumberOutcome, Parameters<typeof t>[0]>;

/** Each outcome in words, in the current language (each read when it is shown). */
export const OUTCOME_WORDS = Object.defineProperties(
  {},
  Object.fromEntries(Object.entries(OUTCOME_KEYS).map(([outcome, key]) => [outcome, { get: () => t(key), enumerable: true }])),
) as Readonly<Record<NumberOutcome, string>>;

/** "3 added, 1 already in the group" — the counts of each outcome, in the order they first occur. */
export function summarize(results: readonly { outcome?: string }[]): string {
  const counts = new Map<string, number>();
  for (const { outcome } of results) counts.set(outcome ?? 'unknown', (counts.get(outcome ?? 'unknown') ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${OUTCOME_WORDS[outcome as NumberOutcome] ?? outcome.replace(/-/g, ' ')}`).join(', ');
}

/** A send route's answer: the new message's id (`results[0].messageId`), when the server gives one. */
export function readSentMessageId(results: readonly unknown[]): string | undefined {
  const first = firstOf(results);
  return text(first?.messageId) ?? text(record(first?.key)?.id) ?? text(first?.id);
}
