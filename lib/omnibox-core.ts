import type { PhoneResult } from './phone-normalize';
import { findTemplate, matchingTemplates, variablesOf, type TemplateLike } from './templates';
import { textsOf } from './i18n';

const t = textsOf('tools');

/**
 * The address-bar keyword: `wa <number> <message>`. Everything here is pure (no browser), so the
 * background only wires Chrome's omnibox events to it and the window re-reads the same input.
 * Phone numbers are read with the rules given to omniboxWith: the pages use lib/omnibox.ts (the
 * full libphonenumber check), the service worker the light table (lib/phone-light.ts).
 */

export const OMNIBOX_KEYWORD = 'wa';

/** A recent recipient, newest first (stored in `recentRecipientsItem`). */
export interface RecentRecipient {
  /** International digits, country code first. */
  digits: string;
  /** Epoch ms of the last successful send. */
  usedAt: number;
}

/** At most this many recipients are remembered; Chrome shows only a handful of suggestions anyway. */
export const RECENT_LIMIT = 8;
/** Suggestions offered at once. */
export const SUGGESTION_LIMIT = 5;

export type OmniboxInput =
  | { ok: true; digits: string; text: string }
  /** `digits` is set when the number is fine and only the message is missing. */
  | { ok: false; missing: 'everything' | 'number' | 'text'; message: string; digits?: string };

/** A piece of a phone number as people type it: digits with ( + ) . - / around and between them. */
const NUMBER_TOKEN = /^\(?\+?[\d().\-/]*\d[\d().\-/]*$/;
/** "0812-3456-7890: hello" — a colon (or ; ,) right after the number ends it without guessing. */
const WITH_SEPARATOR = /^(\(?\+?[\d\s().\-/]*\d[\d\s().\-/]*?)\s*[:;,]\s*([\s\S]*)$/;

/** Chrome reads suggestion descriptions as XML (with <match>, <dim>, <url>): text must be escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** One line of the message for a suggestion: whitespace folded, long text cut. */
function shortText(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export interface OmniboxSuggestion {
  /** What the address bar holds (after the keyword) when the suggestion is chosen. */
  content: string;
  /** Chrome's description markup, escaped. */
  description: string;
}

/** Who would send, as far as the last known sessions tell (the window checks again and may change it). */
export interface Sender {
  profileName: string;
  sessionId: string;
}

/**
 * The default server's first open session in the last known snapshot: the same choice the window
 * preselects. Undefined when no server is set up or none of its sessions is known to be open.
 */
export function defaultSender(
  state: { profiles: ReadonlyArray<{ id: string; name: string }>; defaultProfileId: string | null },
  snapshots: Readonly<Record<string, { sessions: ReadonlyArray<{ id: string; status: string }> } | undefined>>,
): Sender | undefined {
  const profile = state.profiles.find((p) => p.id === state.defaultProfileId) ?? state.profiles[0];
  const session = profile ? snapshots[profile.id]?.sessions.find((s) => s.status === 'open') : undefined;
  return profile && session ? { profileName: profile.name, sessionId: session.id } : undefined;
}

/** The digits typed so far at the start of the input, as a country-code-first prefix where possible. */
function typedDigits(input: string, defaultCountryCode: string): string {
  const lead = /^\s*(\+?[\d\s().\-/]*)/.exec(input)?.[1] ?? '';
  let digits = lead.replace(/\D/g, '');
  if (/^\s*00/.test(lead)) digits = digits.slice(2);
  else if (/^\s*0/.test(lead) && defaultCountryCode) digits = `${defaultCountryCode.replace(/\D/g, '')}${digits.slice(1)}`;
  return digits;
}

/** The list after a successful send to `digits`: it moves to the front; the oldest beyond the cap go. */
export function withRecentRecipient(recents: readonly RecentRecipient[], digits: string, now: number): RecentRecipient[] {
  return [{ digits, usedAt: now }, ...recents.filter((r) => r.digits !== digits)].slice(0, RECENT_LIMIT);
}

// ---- Templates: `wa <number> /<template name>` -------------------------------------------------

/**
 * What a message typed after the number asks for: a saved template when it starts with one slash
 * (`/welcome`), else the text itself; two slashes (`//shrug`) send a text that starts with one.
 */
export function messageIntent(text: string): { kind: 'template'; name: string } | { kind: 'text'; text: string } {
  if (text.startsWith('//')) return { kind: 'text', text: text.slice(1) };
  if (text.startsWith('/')) return { kind: 'template', name: text.slice(1).trim() };
  return { kind: 'text', text };
}

/** Templates that fit the name typed after the slash, as suggestions that keep the number. */
export function templateSuggestions(digits: string, typedName: string, templates: readonly TemplateLike[]): OmniboxSuggestion[] {
  return matchingTemplates(templates, typedName)
    .slice(0, SUGGESTION_LIMIT)
    .map((template) => {
      const variables = variablesOf(template.text).map((v) => v.name);
      const shown = { name: escapeXml(template.name), text: escapeXml(shortText(template.text, 50)), vars: escapeXml(variables.join(', ')) };
      return { content: `+${digits} /${template.name}`, description: t(variables.length ? 'tplAsks' : 'tplSugg', shown) };
    });
}

/** The sender's names for a suggestion, escaped. */
function senderWords(sender: Sender | undefined): { session: string; server: string } | undefined {
  return sender && { session: escapeXml(sender.sessionId), server: escapeXml(sender.profileName) };
}

/** How phone numbers are read and shown: the full check in pages (lib/omnibox.ts), the light one in the worker. */
export interface PhoneFormat {
  normalize(input: string, defaultCountryCode: string): PhoneResult;
  /** The number as a person reads it ("+62 812 3456 7890"). */
  display(digits: string): string;
}

/** The parts of the address bar that read or show a phone number, with `phone`'s rules. */
export function omniboxWith(phone: PhoneFormat) {
  function withText(digits: string, text: string): OmniboxInput {
    const message = text.trim();
    if (!message) return { ok: false, missing: 'text', digits, message: t('typeMsgTo', { to: phone.display(digits) }) };
    return { ok: true, digits, text: message };
  }

  /**
   * Splits `<number> <message>`. The number may be written in any common way (+, 00, spaces,
   * dashes, a national 0 with the default country code). Without a separator the number is the
   * longest run of leading number-like words that is a valid phone number, so "+62 812 3456 7890
   * Hi" and "0812-3456-7890 Hi" both work; a colon after the number removes any doubt.
   */
  function parseOmniboxInput(input: string, defaultCountryCode: string): OmniboxInput {
    const typed = input.trim();
    if (!typed) return { ok: false, missing: 'everything', message: t('typeNumMsg') };

    const separated = WITH_SEPARATOR.exec(typed);
    if (separated) {
      const number = phone.normalize(separated[1]!, defaultCountryCode);
      return number.ok ? withText(number.digits, separated[2]!) : { ok: false, missing: 'number', message: number.message };
    }

    // Each word with where it ends in `typed`, so the message keeps its own spacing and line breaks.
    const words = [...typed.matchAll(/\S+/g)].map((m) => ({ word: m[0], end: m.index + m[0].length }));
    let count = 0;
    while (count < words.length && NUMBER_TOKEN.test(words[count]!.word)) count += 1;
    if (count === 0) {
      return { ok: false, missing: 'number', message: t('startNumMsg') };
    }
    for (let take = count; take > 0; take -= 1) {
      const number = phone.normalize(words.slice(0, take).map((w) => w.word).join(' '), defaultCountryCode);
      if (number.ok) return withText(number.digits, typed.slice(words[take - 1]!.end));
    }
    const whole = phone.normalize(words.slice(0, count).map((w) => w.word).join(' '), defaultCountryCode);
    return { ok: false, missing: 'number', message: whole.ok ? t('startNum') : whole.message };
  }

  /** The first line under the address bar: what Enter will do, or what is still missing. */
  function defaultSuggestion(parsed: OmniboxInput, sender?: Sender): string {
    if (parsed.ok) {
      const shown = { text: escapeXml(shortText(parsed.text)), to: escapeXml(phone.display(parsed.digits)), ...senderWords(sender) };
      return t(sender ? 'sendFrom' : 'send', shown);
    }
    return escapeXml(parsed.message);
  }

  /**
   * Recent recipients that fit what is typed: all of them before a number is typed, else those whose
   * number starts with (or contains) the typed digits. Choosing one keeps the message typed so far.
   */
  function recentSuggestions(input: string, recents: readonly RecentRecipient[], defaultCountryCode: string): OmniboxSuggestion[] {
    const parsed = parseOmniboxInput(input, defaultCountryCode);
    const typed = parsed.ok ? parsed.digits : (parsed.digits ?? typedDigits(input, defaultCountryCode));
    const text = parsed.ok ? parsed.text : '';
    const fits = (r: RecentRecipient) => !typed || r.digits.startsWith(typed) || (typed.length >= 4 && r.digits.includes(typed));
    return recents
      .filter(fits)
      .slice(0, SUGGESTION_LIMIT)
      .map((r) => ({
        content: text ? `+${r.digits} ${text}` : `+${r.digits} `,
        description: t(text ? 'recentSend' : 'recentType', { to: escapeXml(phone.display(r.digits)), text: escapeXml(shortText(text)) }),
      }));
  }

  /** The first line for `wa <number> /<name>`: the template Enter will open, or why none. */
  function templateDefaultSuggestion(digits: string, typedName: string, templates: readonly TemplateLike[], sender?: Sender): string {
    const found = findTemplate(templates, typedName);
    if (!found.ok) return escapeXml(found.message);
    const shown = { name: escapeXml(found.template.name), to: escapeXml(phone.display(digits)), ...senderWords(sender) };
    return t(sender ? 'sendTplFrom' : 'sendTpl', shown);
  }

  return { displayNumber: phone.display, parseOmniboxInput, defaultSuggestion, recentSuggestions, templateDefaultSuggestion };
}
