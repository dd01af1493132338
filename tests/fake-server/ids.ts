/**
 * WhatsApp identifiers as the fake server makes and reads them: phone numbers, JIDs
 * (`<digits>@s.whatsapp.net`, `<id>@g.us`), LIDs (`<digits>@lid`), message IDs in Baileys' style.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export const USER_DOMAIN = 's.whatsapp.net';
export const GROUP_DOMAIN = 'g.us';

/** Sessions IDs the stock server accepts: 1–64 characters of A–Z a–z 0–9 . _ - */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A phone number as WhatsApp accepts it: country code plus number, 8–15 digits, no leading 0. */
export const PHONE_PATTERN = /^[1-9]\d{7,14}$/;

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

export function userJid(phone: string): string {
  return `${phone}@${USER_DOMAIN}`;
}

/** The part of a JID before the domain (and before any `:device` suffix). */
export function jidUser(jid: string): string {
  return (jid.split('@')[0] ?? '').split(':')[0] ?? '';
}

export function isGroupJid(jid: string): boolean {
  return jid.endsWith(`@${GROUP_DOMAIN}`);
}

/** A group ID as users type it (raw digits, with or without `@g.us`) → the group JID. */
export function toGroupJid(groupId: string): string {
  const trimmed = groupId.trim();
  return trimmed.includes('@') ? trimmed : `${trimmed}@${GROUP_DOMAIN}`;
}

export type RecipientKind = 'user' | 'group' | 'lid' | 'broadcast' | 'newsletter';

export interface Recipient {
  jid: string;
  /** As echoed in send results: the JID without its domain. */
  to: string;
  kind: RecipientKind;
}

/**
 * One destination (digits, +62 812-…, a JID, a LID or a group ID) → its JID, or null when it
 * cannot be one. Long digit strings (over 15 digits) can only be group IDs.
 */
export function parseRecipient(input: string): Recipient | null {
  const value = input.trim();
  if (value.includes('@')) {
    const [user = '', domain = ''] = value.split('@');
    if (!user) return null;
    const kinds: Record<string, RecipientKind> = { [USER_DOMAIN]: 'user', 'whatsapp.net': 'user', [GROUP_DOMAIN]: 'group', lid: 'lid', broadcast: 'broadcast', newsletter: 'newsletter' };
    const kind = kinds[domain];
    if (!kind) return null;
    if (kind === 'user' && !PHONE_PATTERN.test(jidUser(value))) return null;
    const jid = kind === 'user' ? userJid(jidUser(value)) : value;
    return { jid, to: jidUser(jid), kind };
  }
  if (!/^\+?[\d\s().-]+$/.test(value)) return null;
  const digits = digitsOf(value);
  if (digits.length > 15 && digits.length <= 30) return { jid: `${digits}@${GROUP_DOMAIN}`, to: digits, kind: 'group' };
  if (!PHONE_PATTERN.test(digits)) return null;
  return { jid: userJid(digits), to: digits, kind: 'user' };
}

/** `to` as the spec allows it: one string (comma-separated list allowed) or an array of strings. */
export function splitDestinations(to: unknown): string[] {
  const list = Array.isArray(to) ? to.map(String) : typeof to === 'string' ? to.split(',') : [];
  return list.map((item) => item.trim()).filter((item) => item.length > 0);
}

/** A stable LID for a phone number, so the same person always has the same LID. */
export function lidFor(phone: string): string {
  const hash = createHash('sha256').update(`lid:${phone}`).digest();
  return `${(hash.readBigUInt64BE(0) % 900000000000000n) + 100000000000000n}@lid`;
}

/** Baileys-style message ID: 3EB0 followed by 18 upper-case hex characters. */
export function newMessageId(): string {
  return `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;
}

export function newGroupJid(): string {
  let digits = '120363';
  for (let i = 0; i < 12; i += 1) digits += String(randomInt(10));
  return `${digits}@${GROUP_DOMAIN}`;
}

const INVITE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < 22; i += 1) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** An invite link or bare code → the code. */
export function inviteCodeOf(link: string): string {
  const trimmed = link.trim();
  const match = /chat\.whatsapp\.com\/(?:invite\/)?([A-Za-z0-9]+)/.exec(trimmed);
  return match?.[1] ?? trimmed;
}

export function inviteLinkFor(code: string): string {
  return `https://chat.whatsapp.com/${code}`;
}

/** Pairing codes as WhatsApp shows them: 8 characters in two groups, e.g. ABCD-EFGH. */
export function newPairCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTVWXYZ123456789';
  let code = '';
  for (let i = 0; i < 8; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A plausible phone number for a new session's account, stable for a given session ID. */
export function phoneForSession(sessionId: string): string {
  const hash = createHash('sha256').update(`account:${sessionId}`).digest();
  return `62812${String(hash.readUInt32BE(0) % 100000000).padStart(8, '0')}`;
}

/** Calling codes of the countries the fake knows, longest prefix first when matching. */
const CALLING_CODES: Array<[string, string]> = [
  ['62', 'ID'], ['60', 'MY'], ['65', 'SG'], ['63', 'PH'], ['66', 'TH'], ['84', 'VN'], ['91', 'IN'], ['92', 'PK'],
  ['86', 'CN'], ['81', 'JP'], ['82', 'KR'], ['61', 'AU'], ['64', 'NZ'], ['44', 'GB'], ['49', 'DE'], ['33', 'FR'],
  ['34', 'ES'], ['39', 'IT'], ['31', 'NL'], ['32', 'BE'], ['41', 'CH'], ['48', 'PL'], ['55', 'BR'], ['52', 'MX'],
  ['54', 'AR'], ['57', 'CO'], ['20', 'EG'], ['27', 'ZA'], ['234', 'NG'], ['254', 'KE'], ['971', 'AE'], ['966', 'SA'],
  ['90', 'TR'], ['7', 'RU'], ['1', 'US'],
];

export function countryOf(phone: string): string | null {
  let best: [string, string] | null = null;
  for (const entry of CALLING_CODES) {
    if (phone.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? null;
}

/**
 * Whether a number "has WhatsApp" in the fake world: every well-formed number does, except
 * those ending in 0000, which tests and the demo use for "not on WhatsApp".
 */
export function isOnWhatsApp(phone: string): boolean {
  return PHONE_PATTERN.test(phone) && !phone.endsWith('0000');
}
