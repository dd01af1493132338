import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';

/**
 * Phone numbers as WARest wants them for pairing: digits only, country code first
 * ("6281234567890"). People type them in every common way: "+62 812-3456-7890", "0812 3456 7890"
 * (national, with the default country code from the settings), "00 62 …", or already as digits.
 */

export type PhoneResult = { ok: true; digits: string } | { ok: false; message: string };

const EXAMPLE = '+62 812 3456 7890';

function digitsOf(number: PhoneNumber | undefined): string | undefined {
  return number?.isValid() ? number.number.replace(/^\+/, '') : undefined;
}

/**
 * Normalises a typed phone number to international digits.
 *
 * - `+…` or `00…`: international.
 * - A leading `0`: national format, completed with `defaultCountryCode` (required then).
 * - Other digits: read in the default country first when one is set (libphonenumber also
 *   recognises a number that already starts with that country code), else as international
 *   digits without the `+`.
 */
export function normalizePhone(input: string, defaultCountryCode: string): PhoneResult {
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
    const digits = digitsOf(parsePhoneNumberFromString(compact));
    return digits ? { ok: true, digits } : invalid('is not a valid international phone number.');
  }
  if (compact.startsWith('0')) {
    if (!country) {
      return {
        ok: false,
        message: `“${typed}” starts with 0, a national number, but no default country code is set. Enter it in international format with the country code, e.g. ${EXAMPLE}, or set the default country code in the extension's settings.`,
      };
    }
    const digits = digitsOf(parsePhoneNumberFromString(compact, { defaultCallingCode: country }));
    return digits ? { ok: true, digits } : invalid(`is not a valid phone number for country code +${country}.`);
  }
  const digits =
    (country ? digitsOf(parsePhoneNumberFromString(compact, { defaultCallingCode: country })) : undefined) ??
    digitsOf(parsePhoneNumberFromString(`+${compact}`));
  return digits ? { ok: true, digits } : invalid('is not a valid phone number.');
}
