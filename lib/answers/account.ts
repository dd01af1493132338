/**
 * Pure readers of WARest's profile answers (info, picture, privacy, contacts, business profile)
 * into what the Profile view shows. Every reader tolerates missing fields and wrong types: a
 * server version that renames or drops a field must not blank the view.
 */

import { contactEntries } from '@/lib/recipient';
import { textsOf } from '@/lib/i18n';
import { firstOf, list, phoneDigits, record, resultsOf, textOrNumber, type AnswerLike } from './loose';

const t = textsOf('answers');

/**
 * The part of an operation's answer the readers look at (any AnswerLike, lib/answers/loose.ts).
 * What is shown here is read with `textOrNumber`: a name the server sends as 12 reads "12".
 */
export type Answer = AnswerLike;

/** "6281…", "6281…@s.whatsapp.net", "+6281…:12@s.whatsapp.net" → "+6281…"; undefined for anything else (a LID too). */
export function phoneOf(value: unknown): string | undefined {
  const digits = phoneDigits(value);
  return digits ? `+${digits}` : undefined;
}

export interface Fact {
  label: string;
  value: string;
}

/** One fact, or none when there is no value. */
export const fact = (label: string, value: string | undefined): Fact[] => (value ? [{ label, value }] : []);

/** getProfileInfo → the account's details as label/value pairs, in a readable order. */
export function readProfileFacts(data: Answer | undefined): Fact[] {
  const info = firstOf(data);
  if (!info) return [];
  const business = record(info.businessProfile);
  const verified = textOrNumber(info.verifiedName) ?? textOrNumber(info.verifiendName); // the spec spells it "verifiend"
  return [
    ...fact(t('name'), textOrNumber(info.pushName) ?? textOrNumber(info.name)),
    ...fact(t('number'), phoneOf(info.phone) ?? phoneOf(info.jid) ?? textOrNumber(info.phone)),
    ...fact(t('about'), textOrNumber(info.about) ?? textOrNumber(info.status)),
    ...fact(t('verifiedName'), verified),
    // i18n-exempt: the product's name, the same in every language
    ...fact(t('accountType'), business ? 'WhatsApp Business' : undefined),
    ...fact(t('bizDescription'), textOrNumber(business?.description)),
    ...fact(t('bizEmail'), textOrNumber(business?.email)),
  ];
}

/** getProfilePicture (or postProfilePicture's answer) → the picture's address, null when there is none. */
export function readPictureUrl(data: Answer | undefined): string | null {
  const item = firstOf(data);
  const nested = record(item?.profilePicture);
  const url = textOrNumber(item?.imgFull) ?? textOrNumber(item?.url) ?? textOrNumber(item?.imgPreview) ?? textOrNumber(nested?.imgFull) ?? textOrNumber(nested?.url);
  return url && /^(https?:|data:image\/)/i.test(url) ? url : null;
}

type Key = Parameters<typeof t>[0];

/** Each privacy setting's words (keys of the answers area). */
const SETTING_WORDS: Partial<Record<string, Key>> = {
  readReceipts: 'pReadReceipts',
  profilePhoto: 'pPhoto',
  profile: 'pPhoto',
  status: 'pStatus',
  online: 'pOnline',
  lastSeen: 'pLastSeen',
  last: 'pLastSeen',
  groupAdd: 'pGroupAdd',
  callAdd: 'pCalls',
  calls: 'pCalls',
  stickers: 'pStickers',
  messages: 'pMessages',
  about: 'pAbout',
};

const VALUE_WORDS: Partial<Record<string, Key>> = {
  all: 'everyone',
  everyone: 'everyone',
  contacts: 'myContacts',
  contact_blacklist: 'myContactsExcept',
  none: 'nobody',
  nobody: 'nobody',
  match_last_seen: 'sameAsLastSeen',
  known: 'knownNumbers',
};

/** "someNewSetting" / "some_new_setting" → "Some new setting". */
function words(key: string): string {
  const spaced = key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function valueWords(key: string, value: unknown): string | undefined {
  if (typeof value === 'boolean') return t(value ? 'on' : 'off');
  const raw = textOrNumber(value);
  if (!raw) return undefined;
  if (key === 'readReceipts' && raw === 'all') return t('on');
  const known = VALUE_WORDS[raw.toLowerCase()];
  return known ? t(known) : words(raw);
}

/** getProfilePrivacy → one line per setting, in plain words; unknown settings are worded from their name. */
export function readPrivacy(data: Answer | undefined): Fact[] {
  const item = firstOf(data);
  const settings = record(item?.privacy) ?? record(item?.settings) ?? item;
  if (!settings) return [];
  return Object.entries(settings).flatMap(([key, value]) => {
    if (key === 'phone' || key === 'jid') return [];
    const shown = valueWords(key, value);
    const label = SETTING_WORDS[key];
    return shown ? [{ label: label ? t(label) : words(key), value: shown }] : [];
  });
}

export interface Contact {
  id: string;
  phone?: string;
  name?: string;
}

/** getProfileListContacts: `results[0].data` is the list (some servers put it in `results`). */
export function readContacts(data: Answer | undefined): Contact[] {
  const entries = contactEntries(resultsOf(data));
  const seen = new Set<string>();
  return entries.flatMap((raw) => {
    const item = record(raw);
    const phone = phoneOf(item?.phone) ?? phoneOf(item?.jid) ?? phoneOf(item?.id);
    const id = textOrNumber(item?.jid) ?? textOrNumber(item?.id) ?? phone;
    if (!item || !id || seen.has(id)) return [];
    seen.add(id);
    const name = textOrNumber(item.name) ?? textOrNumber(item.pushName) ?? textOrNumber(item.notify) ?? textOrNumber(item.verifiedName);
    return [{ id, ...(phone && { phone }), ...(name && { name }) }];
  });
}

/** Contacts whose name or number contains the search (digits match whatever the spacing). */
export function filterContacts(contacts: readonly Contact[], search: string): Contact[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...contacts];
  const digits = needle.replace(/[^\d]/g, '');
  return contacts.filter((c) => c.name?.toLowerCase().includes(needle) || (digits.length > 0 && /^[\d\s()+-]+$/.test(needle) && c.phone?.includes(digits)));
}

export interface BusinessProfile {
  phone?: string;
  /** False when WhatsApp has no business profile for the number. */
  isBusiness: boolean;
  facts: Fact[];
}

const DAY_WORDS: Partial<Record<string, Key>> = { mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun' };

function hoursLine(raw: unknown): string | undefined {
  const entry = record(raw);
  const day = textOrNumber(entry?.day_of_week) ?? textOrNumber(entry?.day);
  if (!entry || !day) return undefined;
  const dayKey = DAY_WORDS[day.slice(0, 3).toLowerCase()];
  const dayName = dayKey ? t(dayKey) : day;
  const mode = textOrNumber(entry.mode) ?? '';
  const open = textOrNumber(entry.open_time);
  const close = textOrNumber(entry.close_time);
  if (/closed/i.test(mode)) return t('dayClosed', { day: dayName });
  if (/open_24h|24/i.test(mode)) return t('dayAllDay', { day: dayName });
  if (/appointment/i.test(mode)) return t('dayAppointment', { day: dayName });
  return open && close ? `${dayName}: ${open}–${close}` : t('dayOpen', { day: dayName });
}

function stringList(value: unknown, ...keys: string[]): string[] {
  const entries = list(value) ?? (textOrNumber(value) ? [value] : []);
  return entries.flatMap((item) => {
    const direct = textOrNumber(item);
    if (direct) return [direct];
    const nested = record(item);
    const named = keys.map((key) => textOrNumber(nested?.[key])).find(Boolean);
    return named ? [named] : [];
  });
}

function readBusinessEntry(raw: unknown): BusinessProfile | undefined {
  const item = record(raw);
  if (!item) return undefined;
  const phone = phoneOf(item.phone) ?? phoneOf(item.jid) ?? phoneOf(item.wid);
  const categories = stringList(item.categories ?? item.category, 'localized_display_name', 'name', 'id');
  const websites = stringList(item.websites ?? item.website, 'url');
  const hours = (list(item.businessHours) ?? []).map(hoursLine).filter((line): line is string => !!line);
  const facts = [
    ...fact(t('description'), textOrNumber(item.description)),
    ...fact(t('category'), categories.join(', ') || undefined),
    ...fact(t('email'), textOrNumber(item.email)),
    ...fact(t('address'), textOrNumber(item.address)),
    ...fact(t('website'), websites.join(', ') || undefined),
    ...fact(t('hours'), hours.join('; ') || undefined),
    ...fact(t('hoursZone'), textOrNumber(item.businessHoursTimezone)),
  ];
  const isBusiness = facts.length > 0 || !!textOrNumber(item.wid);
  return { ...(phone && { phone }), isBusiness, facts };
}

/** getProfileBusinessProfile: `results[0].data` is one entry or a list of entries. */
export function readBusinessProfiles(data: Answer | undefined): BusinessProfile[] {
  const head = firstOf(data);
  const inner = head?.data ?? (head && ('phone' in head || 'jid' in head) ? head : undefined);
  const entries = list(inner) ?? (inner ? [inner] : []);
  return entries.map(readBusinessEntry).filter((entry): entry is BusinessProfile => !!entry);
}

