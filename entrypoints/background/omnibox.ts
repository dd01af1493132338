import { browser } from 'wxt/browser';
import { omniboxRequestFrom } from '@/lib/menu-handoff';
import { defaultSender, messageIntent, omniboxWith, templateSuggestions, type OmniboxSuggestion } from '@/lib/omnibox-core';
import { displayNumberLight, normalizePhoneLight } from '@/lib/phone-light';
import { profilesItem, readChecked, recentRecipientsItem, settingsItem, snapshotsItem, templatesItem } from '@/lib/storage';
import { openActionWindow } from './action-window';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The address-bar keyword `wa`: `wa +62 812 3456 7890 Hello` suggests recent recipients while
 * typing (after `/`, the saved templates: `wa <number> /welcome`) and, on Enter, opens the small window that asks before sending (from the default
 * server's first open session, which the person can change there). Nothing is sent from here.
 */

// The light phone rules: the worker does not load libphonenumber's metadata (30 KB); the window
// that opens on Enter checks the number again with the full rules.
const { defaultSuggestion, parseOmniboxInput, recentSuggestions, templateDefaultSuggestion } = omniboxWith({ normalize: normalizePhoneLight, display: displayNumberLight });

export interface OmniboxShown {
  /** The first line: what Enter does, or what is missing (Chrome's description markup). */
  defaultDescription: string;
  suggestions: OmniboxSuggestion[];
}

const start = () => t('omniboxStart');

/** What the address bar shows for `text`, and shows it. */
let latestInput = 0;

export async function handleInputChanged(text: string, suggest?: (results: OmniboxSuggestion[]) => void): Promise<OmniboxShown> {
  // Keystrokes are answered after async reads: an older one must not replace a newer one's line.
  const input = ++latestInput;
  const [settings, recents, profiles, snapshots, templates] = await Promise.all([
    readChecked(settingsItem),
    readChecked(recentRecipientsItem),
    readChecked(profilesItem),
    readChecked(snapshotsItem),
    readChecked(templatesItem),
  ]);
  const country = settings.defaultCountryCode;
  const parsed = parseOmniboxInput(text, country);
  // `wa <number> /<name>`: a saved template; the suggestions are the templates that fit the name.
  const intent = parsed.ok ? messageIntent(parsed.text) : undefined;
  const sender = defaultSender(profiles, snapshots);
  const defaultDescription = profiles.profiles.length === 0
    ? t('omniboxNoServer')
    : !text.trim() ? start()
    : parsed.ok && intent?.kind === 'template' ? templateDefaultSuggestion(parsed.digits, intent.name, templates, sender)
    : defaultSuggestion(parsed, sender);
  const suggestions = parsed.ok && intent?.kind === 'template' ? templateSuggestions(parsed.digits, intent.name, templates) : recentSuggestions(text, recents, country);
  const shown = { defaultDescription, suggestions };
  if (input !== latestInput) return shown;
  await browser.omnibox.setDefaultSuggestion({ description: shown.defaultDescription });
  suggest?.(shown.suggestions);
  return shown;
}

/**
 * Enter: the window checks the input again and asks before sending; an incomplete input opens it
 * too, so the person reads what is wrong in a sentence rather than nothing happening.
 */
export async function handleInputEntered(text: string): Promise<{ id: string; windowId?: number }> {
  return openActionWindow(omniboxRequestFrom(text.trim()));
}

export function registerOmnibox(): void {
  // Firefox for Android and some Chromium builds have no address-bar keywords.
  if (!browser.omnibox) return;
  browser.omnibox.onInputStarted.addListener(() => {
    void browser.omnibox.setDefaultSuggestion({ description: start() }).catch(() => undefined);
  });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void handleInputChanged(text, suggest).catch((error: unknown) => console.error('WARest Companion: omnibox suggestions failed', error instanceof Error ? error.message : error));
  });
  browser.omnibox.onInputEntered.addListener((text) => {
    void handleInputEntered(text).catch((error: unknown) => console.error('WARest Companion: omnibox action failed', error instanceof Error ? error.message : error));
  });
}
