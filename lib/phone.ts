import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import { normalizeWith, type PhoneReader, type PhoneResult } from './phone-normalize';

export type { PhoneResult } from './phone-normalize';

/**
 * The full check of a typed phone number, with libphonenumber-js (its metadata is 30 KB gzipped):
 * for the pages. The service worker uses lib/phone-light.ts, which reads numbers the same way
 * with a table of lengths (tests/unit/models/phone-light.test.ts compares the two).
 */

function digitsOf(number: PhoneNumber | undefined): string | undefined {
  return number?.isValid() ? number.number.replace(/^\+/, '') : undefined;
}

const fullReader: PhoneReader = {
  international: (plusDigits) => digitsOf(parsePhoneNumberFromString(plusDigits)),
  national: (digits, callingCode) => digitsOf(parsePhoneNumberFromString(digits, { defaultCallingCode: callingCode })),
};

/** Normalises a typed phone number to international digits (see normalizeWith for the forms it takes). */
export function normalizePhone(input: string, defaultCountryCode: string): PhoneResult {
  return normalizeWith(fullReader, input, defaultCountryCode);
}
