import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { omniboxWith } from './omnibox-core';
import { normalizePhone } from './phone';

/**
 * The address bar's parsing for pages (the window that asks before sending), with libphonenumber's
 * full check and formatting. The service worker binds lib/omnibox-core.ts to the light rules
 * instead (entrypoints/background/omnibox.ts), so it does not load libphonenumber's metadata.
 */

export * from './omnibox-core';

/** The number as a person reads it: "+62 812-3456-7890" (just "+digits" if libphonenumber cannot format it). */
export function displayNumber(digits: string): string {
  return parsePhoneNumberFromString(`+${digits}`)?.formatInternational() ?? `+${digits}`;
}

export const { parseOmniboxInput, defaultSuggestion, recentSuggestions, templateDefaultSuggestion } = omniboxWith({ normalize: normalizePhone, display: displayNumber });
