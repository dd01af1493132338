import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';

/** The country calling code a browser's language points to (the first-run guide loads this on demand). */

/** The country of a language tag ("id-ID" → ID; "id" → ID, its likeliest country), or null. */
export function regionOf(locale: string): string | null {
  try {
    const tag = new Intl.Locale(locale);
    return tag.region ?? tag.maximize().region ?? null;
  } catch {
    return null;
  }
}

/** The calling code for the browser's language, e.g. "id-ID" → "62", "en-US" → "1"; null when unknown. */
export function guessCallingCode(locale: string): { region: string; code: string } | null {
  const region = regionOf(locale);
  if (!region || !isSupportedCountry(region)) return null;
  return { region, code: getCountryCallingCode(region) };
}
