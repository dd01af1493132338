/**
 * Phone numbers as WARest wants them for pairing: digits only, country code first
 * ("6281234567890"). People type them in every common way: "+62 812-3456-7890", "0812 3456 7890"
 * (national, with the default country code from the settings), "00 62 …", or already as digits.
 *
 * The steps and the messages, shared by the full check (lib/phone.ts, libphonenumber-js, for the
 * pages) and the light one (lib/phone-light.ts, a 2 KB table, for the service worker); each
 * brings its own reader of a number.
 */

import { textsOf } from './i18n';

const t = textsOf('work');

export type PhoneResult = { ok: true; digits: string } | { ok: false; message: string };

/** Reads a compact number (digits, perhaps a leading +) as international digits, or undefined when invalid. */
export interface PhoneReader {
  /** `+…`: international. */
  international(plusDigits: string): string | undefined;
  /** Digits without +: national in the country of `callingCode` (which also accepts that code in front). */
  national(digits: string, callingCode: string): string | undefined;
}

/**
 * Normalises a typed phone number to international digits.
 *
 * - `+…` or `00…`: international.
 * - A leading `0`: national format, completed with `defaultCountryCode` (required then).
 * - Other digits: read in the default country first when one is set (a number that already
 *   starts with that country code is recognised too), else as international digits without the `+`.
 */
export function normalizeWith(read: PhoneReader, input: string, defaultCountryCode: string): PhoneResult {
  const typed = input.trim();
  if (!typed) return { ok: false, message: t('enterPhone') };
  const country = defaultCountryCode.replace(/\D/g, '');
  // What is wrong, then how to write it (with the national way too when a default country code is set).
  const invalid = (why: 'notPhone' | 'notIntlPhone' | 'notPhoneCc' | 'notValidPhone'): PhoneResult => ({
    ok: false,
    message: `${t(why, { typed, cc: country })} ${defaultCountryCode ? t('howBoth', { cc: defaultCountryCode }) : t('howIntl')}`,
  });
  if (/[^\d\s+().\-/]/.test(typed)) return invalid('notPhone');
  let compact = typed.replace(/[\s().\-/]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (compact.indexOf('+') > 0 || compact.split('+').length > 2) return invalid('notPhone');

  if (compact.startsWith('+')) {
    const digits = read.international(compact);
    return digits ? { ok: true, digits } : invalid('notIntlPhone');
  }
  if (compact.startsWith('0')) {
    if (!country) return { ok: false, message: t('zeroNoDefault', { typed }) };
    const digits = read.national(compact, country);
    return digits ? { ok: true, digits } : invalid('notPhoneCc');
  }
  const digits = (country ? read.national(compact, country) : undefined) ?? read.international(`+${compact}`);
  return digits ? { ok: true, digits } : invalid('notValidPhone');
}
