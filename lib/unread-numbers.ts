import type { PhoneListEntry } from './phone-list';
import { textsOf } from './i18n';

const t = textsOf('work');

/**
 * What in a selection looks like a phone number but was not read as one (findPhoneNumbers skips
 * it), with the reason, so a menu window lists it instead of dropping it silently.
 */

export interface UnreadNumber {
  input: string;
  reason: string;
}

const CANDIDATE = /\+?\d[\d\s().-]{5,}\d/g;
const DATE_LIKE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

export function findUnreadNumbers(text: string, country: string, found: readonly PhoneListEntry[]): UnreadNumber[] {
  const unread: UnreadNumber[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) {
    const input = match[0].trim();
    const digits = input.replace(/\D/g, '');
    if (digits.length < 7 || DATE_LIKE.test(input) || seen.has(digits)) continue;
    const national = digits.replace(/^0+/, '');
    // Read already (as written, or with the default country code in front of its leading 0).
    if (found.some((entry) => entry.digits === digits || entry.digits.endsWith(national) || entry.input.replace(/\D/g, '') === digits)) continue;
    seen.add(digits);
    const reason = digits.length > 15 ? 'uTooMany' : !input.startsWith('+') && !country ? 'uNoCc' : 'uBad';
    unread.push({ input, reason: t(reason) });
  }
  return unread;
}
