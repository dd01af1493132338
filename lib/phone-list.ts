import { findPhoneNumbersInText, validatePhoneNumberLength } from 'libphonenumber-js';
import { normalizePhone } from './phone';
import { textsOf } from './i18n';

const t = textsOf('work');
type WorkKey = Parameters<typeof t>[0];

/**
 * Lists of phone numbers as people paste them: one per line, or separated by commas, semicolons
 * or tabs, in any common format ("+62 812-3456-7890", "0812 3456 7890" with the default country
 * code, "00 44 7911 123456", "(212) 555-0123" …), as WhatsApp links (`wa.me/…`,
 * `api.whatsapp.com/send?phone=…`, `whatsapp://send?phone=…`) or as WhatsApp ids
 * (`628…@s.whatsapp.net`, `…@c.us`). Each number becomes WARest's digits-only international form.
 */

export interface PhoneListEntry {
  /** What the person typed, trimmed. */
  input: string;
  /** International digits, country code first, no `+` ("6281234567890"). */
  digits: string;
}

export interface PhoneListProblem {
  input: string;
  /** Why it is not a phone number, in words. */
  reason: string;
}

export interface PhoneListResult {
  valid: PhoneListEntry[];
  invalid: PhoneListProblem[];
  /** Inputs that repeat a number already in `valid` (the first one is kept). */
  duplicates: string[];
}

const SEPARATORS = /[\n\r,;\t]+/;
/** Characters that may surround an item in a paste: quotes, bullets, brackets of a list. */
const WRAPPING = /^[\s"'`“”‘’<>•·*\-–—]+|[\s"'`“”‘’<>•·*]+$/g;

const WA_LINK = /(?:https?:\/\/)?(?:www\.)?wa\.me\/(\+?\d+)(?:[/?#][^\s]*)?/i;
const SEND_LINK =
  /(?:(?:https?:\/\/)?(?:www\.)?(?:api|web)\.whatsapp\.com\/send\/?|whatsapp:\/\/send\/?)\?(?:[^\s#]*&)?phone=([^&#\s]*)/i;
const JID = /^(\+?\d+)(?::\d+)?@(s\.whatsapp\.net|c\.us)$/i;

/** Dates that the number finder can take for numbers: 2024-05-01, 01.05.2024, 1/5/24. */
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

const WA_LINK_GLOBAL = new RegExp(WA_LINK.source, 'gi');
const SEND_LINK_GLOBAL = new RegExp(SEND_LINK.source, 'gi');
const JID_GLOBAL = /\b(\d{6,16})(?::\d+)?@(?:s\.whatsapp\.net|c\.us)\b/gi;

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

type Parsed = { ok: true; digits: string } | { ok: false; reason: string };

/** Digits from a WhatsApp link or id, which always carries the country code; the keys say what is wrong when it has none or a bad one. */
function fromInternationalDigits(raw: string, none: WorkKey, bad: WorkKey): Parsed {
  const digits = raw.replace(/\D/g, '');
  if (!digits) return { ok: false, reason: t(none) };
  const result = normalizePhone(`+${digits}`, '');
  return result.ok ? result : { ok: false, reason: t(bad, { digits }) };
}

/** Reads one WhatsApp link or id, or returns undefined when `text` is neither. */
function parseWhatsAppForm(text: string): Parsed | undefined {
  if (/@g\.us$/i.test(text)) return { ok: false, reason: t('groupId') };
  if (/@(?:newsletter|broadcast|lid)$/i.test(text)) return { ok: false, reason: t('otherId') };
  const jid = JID.exec(text);
  if (jid) return fromInternationalDigits(jid[1]!, 'idNoNum', 'idBadNum');
  if (/chat\.whatsapp\.com\//i.test(text)) return { ok: false, reason: t('inviteNotNum') };
  const wa = WA_LINK.exec(text);
  if (wa && wa.index === 0 && wa[0].length === text.length) return fromInternationalDigits(wa[1]!, 'waNoNum', 'waBadNum');
  if (/^(?:https?:\/\/)?(?:www\.)?wa\.me\/?/i.test(text)) return { ok: false, reason: t('waNoNum') };
  const send = SEND_LINK.exec(text);
  if (send && send.index === 0) return fromInternationalDigits(decode(send[1]!), 'linkNoNum', 'linkBadNum');
  if (/^(?:https?:\/\/|whatsapp:\/\/|www\.)/i.test(text) || /^[a-z0-9.-]+\.[a-z]{2,}\//i.test(text)) return { ok: false, reason: t('webLink') };
  return undefined;
}

/** Why a typed number is not valid, in words (shorter than normalizePhone's single-field message). */
function reasonFor(text: string, defaultCountryCode: string): string {
  const country = defaultCountryCode.replace(/\D/g, '');
  if (/[a-z]/i.test(text)) return t('letters');
  if (/[^\d\s+().\-/]/.test(text)) return t('badChars');
  let compact = text.replace(/[\s().\-/]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (compact.indexOf('+') > 0 || compact.split('+').length > 2) return t('plusInside');
  const digits = compact.replace(/\D/g, '');
  if (digits.length < 5) return t.count('fewDigits', digits.length);
  if (!compact.startsWith('+') && compact.startsWith('0') && !country) return t('zeroNoCc');
  const international = compact.startsWith('+');
  const length = international
    ? validatePhoneNumberLength(compact)
    : validatePhoneNumberLength(compact, country ? { defaultCallingCode: country } : undefined);
  // Said for the default country code when the number was read in it.
  const inCc = !international && !!country;
  switch (length) {
    case 'INVALID_COUNTRY':
      return international ? t('unknownCc', { cc: digits.slice(0, 3) }) : t('needCc');
    case 'TOO_SHORT':
    case 'INVALID_LENGTH':
      return inCc ? t('shortCc', { cc: country }) : t('short');
    case 'TOO_LONG':
      return inCc ? t('longCc', { cc: country }) : t('long');
    default:
      return inCc ? t('invalidCc', { cc: country }) : t('invalid');
  }
}

/** One item of a list: a WhatsApp link/id or a typed number. */
function parseOne(text: string, defaultCountryCode: string): Parsed {
  const whatsapp = parseWhatsAppForm(text);
  if (whatsapp) return whatsapp;
  const typed = text.replace(/^(?:tel|phone|ph|mob|mobile|hp|wa|whatsapp|cell)\s*[:.]?\s*(?=[+\d(])/i, '');
  const result = normalizePhone(typed, defaultCountryCode);
  return result.ok ? result : { ok: false, reason: reasonFor(typed, defaultCountryCode) };
}

/**
 * Several numbers on one line separated only by spaces ("0812 1111 2222 0813 3333 4444"): finds a
 * split of the space-separated pieces into valid numbers, preferring the longest number first.
 */
function splitBySpaces(text: string, defaultCountryCode: string): PhoneListEntry[] | undefined {
  const pieces = text.split(/\s+/).filter(Boolean);
  if (pieces.length < 2 || pieces.length > 60) return undefined;
  const memo = new Map<number, PhoneListEntry[] | null>();
  const from = (start: number): PhoneListEntry[] | null => {
    if (start === pieces.length) return [];
    const known = memo.get(start);
    if (known !== undefined) return known;
    let found: PhoneListEntry[] | null = null;
    for (let end = Math.min(pieces.length, start + 8); end > start && !found; end--) {
      // Each number of such a line must start visibly: with +, 00 or a national 0.
      if (!/^[+0(]/.test(pieces[start]!)) break;
      const input = pieces.slice(start, end).join(' ');
      const result = normalizePhone(input, defaultCountryCode);
      if (!result.ok) continue;
      const rest = from(end);
      if (rest) found = [{ input, digits: result.digits }, ...rest];
    }
    memo.set(start, found);
    return found;
  };
  const entries = from(0);
  return entries && entries.length >= 2 ? entries : undefined;
}

/**
 * Splits pasted text into phone numbers, normalises each one and removes repeats.
 *
 * Items are separated by newlines, commas, semicolons or tabs; spaces belong to a number.
 * `defaultCountryCode` (digits, e.g. "62") completes national numbers that start with 0.
 */
export function parsePhoneList(text: string, defaultCountryCode: string): PhoneListResult {
  const valid: PhoneListEntry[] = [];
  const invalid: PhoneListProblem[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  const accept = (entry: PhoneListEntry) => {
    if (seen.has(entry.digits)) duplicates.push(entry.input);
    else {
      seen.add(entry.digits);
      valid.push(entry);
    }
  };

  for (const raw of text.split(SEPARATORS)) {
    const input = raw.replace(WRAPPING, '').trim();
    if (!input || !/[\da-z]/i.test(input)) continue;
    const parsed = parseOne(input, defaultCountryCode);
    if (parsed.ok) {
      accept({ input, digits: parsed.digits });
      continue;
    }
    // Not one number: maybe several separated by spaces, or one number with a name around it.
    const split = /\s/.test(input) && !parseWhatsAppForm(input) ? splitBySpaces(input, defaultCountryCode) : undefined;
    if (split) {
      split.forEach(accept);
      continue;
    }
    const found = /[a-z]/i.test(input) && !/^[a-z]+:\/\//i.test(input) ? findPhoneNumbers(input, defaultCountryCode) : [];
    if (found.length > 0) found.forEach(accept);
    else invalid.push({ input, reason: parsed.reason });
  }
  return { valid, invalid, duplicates };
}

/**
 * Extracts the phone numbers in free text (a selected paragraph on a web page): numbers written
 * in any common format and WhatsApp links/ids. Numbers without a country code are read with
 * `defaultCountryCode`. Each number appears once, in the order of the text.
 */
export function findPhoneNumbers(text: string, defaultCountryCode: string): PhoneListEntry[] {
  const country = defaultCountryCode.replace(/\D/g, '');
  const found: Array<PhoneListEntry & { at: number }> = [];
  const covered: Array<[number, number]> = [];

  const fromLinks = (pattern: RegExp, read: (match: RegExpExecArray) => string) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      covered.push([match.index, match.index + match[0].length]);
      const parsed = fromInternationalDigits(read(match), 'linkNoNum', 'linkBadNum');
      if (parsed.ok) found.push({ input: match[0], digits: parsed.digits, at: match.index });
    }
  };
  fromLinks(WA_LINK_GLOBAL, (match) => match[1]!);
  fromLinks(SEND_LINK_GLOBAL, (match) => decode(match[1]!));
  fromLinks(JID_GLOBAL, (match) => match[1]!);

  const inLink = (start: number, end: number) => covered.some(([from, to]) => start < to && end > from);
  for (const match of findPhoneNumbersInText(text, country ? { defaultCallingCode: country } : undefined)) {
    if (inLink(match.startsAt, match.endsAt)) continue;
    if (DATE.test(text.slice(match.startsAt, match.endsAt).trim())) continue;
    found.push({ input: text.slice(match.startsAt, match.endsAt).trim(), digits: match.number.number.replace(/^\+/, ''), at: match.startsAt });
  }

  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const entries: PhoneListEntry[] = [];
  for (const { input, digits } of found) {
    if (seen.has(digits)) continue;
    seen.add(digits);
    entries.push({ input, digits });
  }
  return entries;
}
