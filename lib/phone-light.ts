import { normalizeWith, type PhoneReader, type PhoneResult } from './phone-normalize';
import { PHONE_TABLE } from './phone-table';

/**
 * The service worker's check of a typed phone number (the address bar's `wa <number> <message>`,
 * the pairing phone of a login): the same forms and messages as the pages' full check
 * (lib/phone.ts), without libphonenumber-js's 30 KB of metadata. A number is valid when its
 * calling code is known and its national number has a length that the country's numbers starting
 * with that digit can have (lib/phone-table.ts, generated from libphonenumber-js's metadata). So
 * it accepts every number the full check accepts, with the same digits
 * (tests/unit/models/phone-light.test.ts), and a few more that only the number's exact pattern
 * would refuse: the window that opens from the address bar, and the server, check again.
 */

interface Rules {
  nationalPrefix: string;
  /** Bit n of lengths[d]: a national number starting with digit d can have n digits. */
  lengths: number[];
}

const cache = new Map<string, Rules | null>();

function rulesFor(callingCode: string): Rules | undefined {
  let rules = cache.get(callingCode);
  if (rules === undefined) {
    const entry = PHONE_TABLE[callingCode];
    const [nationalPrefix = '', masks = ''] = entry?.split(';') ?? [];
    rules = entry ? { nationalPrefix, lengths: masks.split(',').map((mask) => parseInt(mask, 36)) } : null;
    cache.set(callingCode, rules);
  }
  return rules ?? undefined;
}

const possible = (rules: Rules, national: string) => national.length > 0 && ((rules.lengths[Number(national[0])]! >> national.length) & 1) === 1;

/** The calling code a `+…` number starts with: codes have 1 to 3 digits and none is the start of another. */
function splitInternational(digits: string): { callingCode: string; national: string } | undefined {
  for (let size = 1; size <= 3; size++) {
    const callingCode = digits.slice(0, size);
    if (PHONE_TABLE[callingCode] !== undefined) return { callingCode, national: digits.slice(size) };
  }
  return undefined;
}

/** The national number without the national prefix (libphonenumber drops it even after a +), else as it is. */
function nationalOf(rules: Rules, digits: string): string | undefined {
  const { nationalPrefix } = rules;
  const stripped = nationalPrefix && digits.startsWith(nationalPrefix) ? digits.slice(nationalPrefix.length) : undefined;
  if (stripped !== undefined && possible(rules, stripped)) return stripped;
  return possible(rules, digits) ? digits : undefined;
}

const lightReader: PhoneReader = {
  international(plusDigits) {
    const split = splitInternational(plusDigits.slice(1));
    const rules = split && rulesFor(split.callingCode);
    const national = rules && nationalOf(rules, split.national);
    return national === undefined ? undefined : `${split!.callingCode}${national}`;
  },
  national(digits, callingCode) {
    const rules = rulesFor(callingCode);
    if (!rules) return undefined;
    // The calling code already in front is taken as one (where libphonenumber would also take the
    // whole as a national number if its exact pattern allowed: the table cannot tell).
    const national = (digits.startsWith(callingCode) ? nationalOf(rules, digits.slice(callingCode.length)) : undefined) ?? nationalOf(rules, digits);
    return national === undefined ? undefined : `${callingCode}${national}`;
  },
};

/** Normalises a typed phone number to international digits, without libphonenumber (see lib/phone-normalize.ts). */
export function normalizePhoneLight(input: string, defaultCountryCode: string): PhoneResult {
  return normalizeWith(lightReader, input, defaultCountryCode);
}

/** Groups of a national number of each length, for reading (the exact national grouping needs libphonenumber's formats). */
const GROUPS: Record<number, number[]> = { 5: [2, 3], 6: [3, 3], 7: [3, 4], 8: [4, 4], 9: [3, 3, 3], 10: [3, 3, 4], 11: [3, 4, 4], 12: [4, 4, 4] };

/** The number as a person reads it, calling code apart and the rest in groups: "+62 812 3456 7890". */
export function displayNumberLight(digits: string): string {
  const split = splitInternational(digits);
  if (!split || !split.national) return `+${digits}`;
  const groups = GROUPS[split.national.length];
  let at = 0;
  const national = groups ? groups.map((size) => split.national.slice(at, (at += size))).join(' ') : split.national;
  return `+${split.callingCode} ${national}`;
}
