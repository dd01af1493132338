/**
 * Phone numbers as WARest wants them for pairing: digits only, country code first
 * ("6281234567890"). People type them in every common way: "+62 812-3456-7890", "0812 3456 7890"
 * (national, with the default country code from the settings), "00 62 …", or already as digits.
 *
 * The steps and the messages, shared by the full check (lib/phone.ts, libphonenumber-js, for the
 * pages) and the light one (lib/phone-light.ts, a 2 KB table, for the service worker); each
 * brings its own reader of a number.
 */

export type PhoneResult = { ok: true; digits: string } | { ok: false; message: string };

/** Reads a compact number (digits, perhaps a leading +) as international digits, or undefined when invalid. */
export interface PhoneReader {
  /** `+…`: international. */
  international(plusDigits: string): string | undefined;
  /** Digits without +: national in the country of `callingCode` (which also accepts that code in front). */
  national(digits: string, callingCode: string): string | undefined;
}

const EXAMPLE = '+62 812 3456 7890';

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
  if (!typed) return { ok: false, message: `Enter the phone number of the WhatsApp account, in international format, e.g. ${EXAMPLE}.` };
  const invalid = (why: string): PhoneResult => ({
    ok: false,
    message: `“${typed}” ${why} Enter the number in international format with the country code, e.g. ${EXAMPLE}${
      defaultCountryCode ? `, or in national format starting with 0 (country code +${defaultCountryCode} from the settings).` : '.'
    }`,
  });
  if (/[^\d\s+().\-/]/.test(typed)) return invalid('is not a phone number.');
  let compact = typed.replace(/[\s().\-/]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (compact.indexOf('+') > 0 || compact.split('+').length > 2) return invalid('is not a phone number.');
  const country = defaultCountryCode.replace(/\D/g, '');

  if (compact.startsWith('+')) {
    const digits = read.international(compact);
    return digits ? { ok: true, digits } : invalid('is not a valid international phone number.');
  }
  if (compact.startsWith('0')) {
    if (!country) {
      return {
        ok: false,
        message: `“${typed}” starts with 0, a national number, but no default country code is set. Enter it in international format with the country code, e.g. ${EXAMPLE}, or set the default country code in the extension's settings.`,
      };
    }
    const digits = read.national(compact, country);
    return digits ? { ok: true, digits } : invalid(`is not a valid phone number for country code +${country}.`);
  }
  const digits = (country ? read.national(compact, country) : undefined) ?? read.international(`+${compact}`);
  return digits ? { ok: true, digits } : invalid('is not a valid phone number.');
}
