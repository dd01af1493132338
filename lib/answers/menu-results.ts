import type { ApiError } from '../warest/api-result';

/**
 * WARest's answers, read into what the right-click windows show. Every reader tolerates missing
 * or odd fields: a server version that adds or drops one must not blank the window.
 */

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const digits = (value: unknown): string | undefined => {
  const match = typeof value === 'string' ? /^\+?(\d{5,20})(?:[:@].*)?$/.exec(value.trim()) : null;
  return match?.[1];
};

/** An error in words, with the server's own words when the message does not quote them already. */
export function explainError(error: ApiError): string {
  const said = error.serverMessage && !error.message.includes(error.serverMessage) ? ` The server said: “${error.serverMessage}”.` : '';
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

/** getGroups: `results[0].data` is the list (some servers put the groups in `results` itself). */
export function readGroupList(results: readonly unknown[]): GroupListEntry[] {
  const first = record(results[0]);
  const list = Array.isArray(first?.data) ? (first.data as unknown[]) : first && !('data' in first) ? results : [];
  return list.flatMap((raw) => {
    const item = record(raw);
    const id = text(item?.id) ?? text(item?.jid);
    if (!item || !id) return [];
    // Older servers call the count `size`.
    const size = typeof item.participantsCount === 'number' ? item.participantsCount : typeof item.size === 'number' ? item.size : Array.isArray(item.participants) ? item.participants.length : undefined;
    return [{ id, subject: text(item.subject) ?? text(item.name) ?? id, ...(size !== undefined && { size }), locked: item.restrict === true, membersMayAdd: item.memberAddMode === true }];
  });
}

/** getGroupParticipants: whether this account is an admin; undefined when the roster does not say. */
export function amAdmin(results: readonly unknown[]): boolean | undefined {
  const participants = record(results[0])?.participants;
  if (!Array.isArray(participants)) return undefined;
  const me = participants.map(record).find((p) => p?.isMe === true);
  if (!me) return undefined;
  return me.isAdmin === true || me.isSuperAdmin === true || me.admin === 'admin' || me.admin === 'superadmin';
}

export interface InvitePreview {
  subject: string;
  size?: number;
  /** The creator's number or name, when the server says. */
  creator?: string;
  description?: string;
  locked: boolean;
  announcement: boolean;
}

/** getGroupJoinViaLink. */
export function readInvitePreview(results: readonly unknown[]): InvitePreview | undefined {
  const item = record(results[0]);
  if (!item) return undefined;
  const size = typeof item.participantsCount === 'number' ? item.participantsCount : typeof item.size === 'number' ? item.size : undefined;
  const creatorRaw = item.creator ?? item.owner ?? item.ownerJid ?? item.subjectOwner;
  const creator = digits(creatorRaw) ? `+${digits(creatorRaw)}` : text(creatorRaw);
  const description = text(item.groupDescription) ?? text(item.desc);
  return {
    subject: text(item.groupName) ?? text(item.subject) ?? 'Unnamed group',
    ...(size !== undefined && { size }),
    ...(creator && { creator }),
    ...(description && { description }),
    locked: item.isGroupLocked === true || item.restrict === true,
    announcement: item.isAnnouncement === true || item.announce === true,
  };
}

/** postGroupJoinViaLink: what happened, in words. */
export function describeJoin(code: number | undefined, results: readonly unknown[], subject: string, sessionId: string): string {
  const status = text(record(results[0])?.status) ?? '';
  if (code === 1001 || /pending|approval/i.test(status)) return `“${sessionId}” asked to join “${subject}”: a group admin has to approve the request.`;
  if (/already/i.test(status)) return `“${sessionId}” is already in “${subject}”.`;
  return `“${sessionId}” joined “${subject}”.`;
}

export type NumberOutcome = 'on-whatsapp' | 'not-on-whatsapp' | 'added' | 'already-in-group' | 'sent' | 'failed' | 'unknown';

export interface NumberResult {
  digits: string;
  outcome: NumberOutcome;
  reason?: string;
}

/** getProfileOnWhatsapp: `results[0].data` is one object for one number, an array for several. */
export function readCheckResults(numbers: readonly string[], results: readonly unknown[]): NumberResult[] {
  const data = record(results[0])?.data;
  const entries = (Array.isArray(data) ? data : [data]).map(record).filter((e): e is Loose => !!e);
  return numbers.map((number) => {
    const entry = entries.find((e) => digits(e.phone) === number || digits(e.jid) === number);
    if (!entry || typeof entry.isOnWhatsApp !== 'boolean') return { digits: number, outcome: 'unknown', reason: 'The server did not say.' };
    return { digits: number, outcome: entry.isOnWhatsApp ? 'on-whatsapp' : 'not-on-whatsapp' };
  });
}

/** postGroupParticipantsAdd: `addedParticipants` and `failedToAdd` ("<number>: <reason>"). */
export function readAddResults(numbers: readonly string[], results: readonly unknown[]): NumberResult[] {
  const item = record(results[0]);
  const added = new Set((Array.isArray(item?.addedParticipants) ? item.addedParticipants : []).map(digits).filter(Boolean));
  const failed = (Array.isArray(item?.failedToAdd) ? item.failedToAdd : []).filter((f): f is string => typeof f === 'string');
  return numbers.map((number) => {
    if (added.has(number)) return { digits: number, outcome: 'added' };
    const failure = failed.find((f) => digits(f.split(/[:\s]/)[0]) === number);
    if (!failure) return { digits: number, outcome: 'unknown', reason: 'The server did not report this number.' };
    const reason = failure.slice(failure.indexOf(':') + 1).trim() || failure;
    if (/already/i.test(reason)) return { digits: number, outcome: 'already-in-group', reason };
    if (/not on whatsapp|not registered|not exist/i.test(reason)) return { digits: number, outcome: 'not-on-whatsapp', reason };
    return { digits: number, outcome: 'failed', reason };
  });
}

export const OUTCOME_WORDS: Record<NumberOutcome, string> = {
  'on-whatsapp': 'on WhatsApp',
  'not-on-whatsapp': 'not on WhatsApp',
  added: 'added',
  'already-in-group': 'already in the group',
  sent: 'sent',
  failed: 'failed',
  unknown: 'unknown',
};

/** "3 added, 1 already in the group" — the counts of each outcome, in the order they first occur. */
export function summarize(results: readonly { outcome?: string }[]): string {
  const counts = new Map<string, number>();
  for (const { outcome } of results) counts.set(outcome ?? 'unknown', (counts.get(outcome ?? 'unknown') ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${OUTCOME_WORDS[outcome as NumberOutcome] ?? outcome.replace(/-/g, ' ')}`).join(', ');
}

/** A send route's answer: the new message's id (`results[0].messageId`), when the server gives one. */
export function readSentMessageId(results: readonly unknown[]): string | undefined {
  const first = record(results[0]);
  return text(first?.messageId) ?? text(record(first?.key)?.id) ?? text(first?.id);
}
