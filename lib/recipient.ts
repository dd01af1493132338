import type { ApiSuccess } from './warest/api-result';
import { readGroupList } from './answers/menu-results';
import { parsePhoneList } from './phone-list';
import { record, text, type Loose } from './answers/loose';
import { textsOf } from './i18n';

const t = textsOf('work');

/**
 * One recipient for WARest's `to`, from what a person typed or chose: a phone number in any
 * common format (national numbers completed with the default country code, wa.me links), or a
 * WhatsApp id — a person (`…@s.whatsapp.net`, `…@c.us`), a group (`…@g.us`) or a private
 * id (`…@lid`). Pure, so the popup's composer and the right-click window share it.
 */

export type RecipientMode = 'number' | 'contact' | 'group';

/** What the picker holds: JSON-safe, so a draft can keep it. */
export interface RecipientValue {
  mode: RecipientMode;
  /** What was typed in the number field. */
  text: string;
  /** The chosen contact's or group's JID (contact and group modes). */
  jid?: string;
  /** The chosen contact's or group's name, to show it again without a reload. */
  label?: string;
}

export const EMPTY_RECIPIENT: RecipientValue = { mode: 'number', text: '' };

export type RecipientResult =
  | { ok: true; to: string; kind: 'person' | 'group' | 'lid'; label: string }
  | { ok: false; reason: string };

const PERSON_JID = /^(\d{5,20})(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/i;
const GROUP_JID = /^(\d{5,20}(?:-\d{5,20})?)@g\.us$/i;
const LID_JID = /^(\d{5,20})(?::\d+)?@lid$/i;

/** Reads typed text: a JID is kept (normalised), anything else must be one phone number. */
export function parseRecipientText(input: string, defaultCountryCode: string): RecipientResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: t('enterRcpt') };
  if (text.includes('@')) {
    const group = GROUP_JID.exec(text);
    if (group) return { ok: true, to: `${group[1]}@g.us`, kind: 'group', label: t('groupLabel', { id: group[1]! }) };
    const lid = LID_JID.exec(text);
    if (lid) return { ok: true, to: `${lid[1]}@lid`, kind: 'lid', label: t('lidLabel', { id: lid[1]! }) };
    const person = PERSON_JID.exec(text);
    if (person) return { ok: true, to: `${person[1]}@s.whatsapp.net`, kind: 'person', label: `+${person[1]}` };
    return { ok: false, reason: t(/@(?:s\.whatsapp\.net|c\.us|g\.us|lid)$/i.test(text) ? 'badJid' : 'notJid', { text }) };
  }
  const parsed = parsePhoneList(text, defaultCountryCode);
  if (parsed.invalid.length > 0 || parsed.valid.length === 0) {
    const said = t('rcptBad', { text, reason: parsed.invalid[0]?.reason ?? t('notNumber') });
    return { ok: false, reason: defaultCountryCode ? said : `${said} ${t('rcptNeedCc')}` };
  }
  if (parsed.valid.length + parsed.duplicates.length > 1) return { ok: false, reason: t('oneRcpt') };
  const digits = parsed.valid[0]!.digits;
  return { ok: true, to: digits, kind: 'person', label: `+${digits}` };
}

/** The picker's value → WARest's `to`, or the reason it cannot be sent to yet. */
export function resolveRecipient(value: RecipientValue, defaultCountryCode: string): RecipientResult {
  if (value.mode === 'number') return parseRecipientText(value.text, defaultCountryCode);
  if (!value.jid) return { ok: false, reason: t(value.mode === 'contact' ? 'pickContact' : 'pickGroup') };
  const parsed = parseRecipientText(value.jid, defaultCountryCode);
  if (!parsed.ok) return parsed;
  if (value.mode === 'group' && parsed.kind !== 'group') return { ok: false, reason: t('notAGroup') };
  return { ...parsed, label: value.label || parsed.label };
}

/** A prefilled recipient (e.g. a chat's JID) as a picker value. */
export function recipientFromJid(jid: string | undefined): RecipientValue {
  if (!jid) return EMPTY_RECIPIENT;
  return { mode: 'number', text: jid.replace(/@c\.us$/i, '@s.whatsapp.net') };
}

// ---- Readers of the server's lists (tolerant of missing or odd fields) ----------------------

export interface RecipientOption {
  jid: string;
  name: string;
  /** Phone digits for a contact; member count for a group, in words. */
  detail?: string;
}


/** The answer's results; routes that answer with one `result` object count it as the only one. */
const resultsOf = (success: Pick<ApiSuccess, 'results' | 'result'>): readonly unknown[] =>
  success.results.length ? success.results : success.result !== undefined ? [success.result] : [];

/**
 * `GET /profile/list-contacts`: the raw entries, wherever the server put them — `results[0].data`,
 * `results[0].contacts`, or `results` itself. The composer's picker and the Profile view both read
 * contacts through this.
 */
export function contactEntries(results: readonly unknown[] | undefined): unknown[] {
  const first = record(results?.[0]);
  if (Array.isArray(first?.data)) return first.data;
  if (Array.isArray(first?.contacts)) return first.contacts;
  return first && !('data' in first) ? [...(results ?? [])] : [];
}

/** `GET /profile/list-contacts` → contacts with a person JID, sorted by name. */
export function readContacts(success: Pick<ApiSuccess, 'results' | 'result'>): RecipientOption[] {
  const seen = new Set<string>();
  const contacts: RecipientOption[] = [];
  for (const raw of contactEntries(resultsOf(success))) {
    if (!raw || typeof raw !== 'object') continue;
    const entry = raw as Loose;
    const phone = text(entry.phone)?.replace(/\D/g, '') || PERSON_JID.exec(text(entry.jid) ?? '')?.[1];
    const jid = text(entry.jid) && PERSON_JID.test(text(entry.jid)!) ? text(entry.jid)! : phone ? `${phone}@s.whatsapp.net` : undefined;
    if (!jid || seen.has(jid)) continue;
    seen.add(jid);
    const name = text(entry.name) ?? text(entry.verifiedName) ?? text(entry.notify) ?? (phone ? `+${phone}` : jid);
    contacts.push({ jid, name, detail: phone ? `+${phone}` : undefined });
  }
  return contacts.sort((a, b) => a.name.localeCompare(b.name));
}

/** `GET /groups` → groups, sorted by subject (read by the same reader as the menus' group picker). */
export function readGroups(success: Pick<ApiSuccess, 'results' | 'result'>): RecipientOption[] {
  return readGroupList(resultsOf(success))
    .filter((group) => GROUP_JID.test(group.id))
    .map((group) => ({ jid: group.id, name: group.subject, detail: group.size !== undefined ? t.count('members', group.size) : undefined }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Options whose name, number or id contain every word of the query (case- and format-insensitive). */
export function filterOptions(options: readonly RecipientOption[], query: string): RecipientOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const haystack = `${option.name} ${option.detail ?? ''} ${option.jid}`.toLowerCase();
    const digits = haystack.replace(/[^\d]/g, '');
    return words.every((word) => haystack.includes(word) || (/^\+?[\d\s-]+$/.test(word) && digits.includes(word.replace(/\D/g, ''))));
  });
}
