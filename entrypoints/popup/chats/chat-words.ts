import type { ApiError } from '@/lib/warest/api-result';
import { fallbackName, jidPhone, type ChatMessage } from '@/lib/answers/chats';
import { currentLanguage, textsOf } from '@/lib/i18n';

const t = textsOf('chats');

/** Chats and messages in words: times, senders, media kinds, and failures with what to do. */

/** Media kinds by the server's name for them (lower case, without a trailing "message"). */
const KINDS: Readonly<Record<string, () => string>> = {
  image: () => t('kindPhoto'),
  video: () => t('kindVideo'),
  audio: () => t('kindAudio'),
  ptt: () => t('kindVoice'),
  document: () => t('kindDocument'),
  sticker: () => t('kindSticker'),
  stickermessage: () => t('kindSticker'),
  gif: () => t('kindGif'),
  location: () => t('kindLocation'),
  contact: () => t('kindContact'),
};

/** What kind of message this is, in words, for the list ("Photo", "Document invoice.pdf", "Poll"). */
export function describeKind(message: ChatMessage): string | undefined {
  if (message.pollQuestion) return t('kindPoll');
  if (!message.mediaType) return undefined;
  const type = message.mediaType.toLowerCase().replace(/message$/, '');
  const word = Object.hasOwn(KINDS, type) ? KINDS[type]!() : type;
  return message.fileName ? t('kindWithFile', { kind: word, file: message.fileName }) : word;
}

/** The locale dates and times are written in: the interface's language (en-GB's 24-hour clock for English). */
export function dateLocale(): string {
  return currentLanguage() === 'id' ? 'id-ID' : 'en-GB';
}

/** A mute's length in words ("8 hours", "1 week", "30 days"), in whole weeks, days or hours when it is. */
export function muteLength(minutes: number): string {
  if (minutes % 10080 === 0) return t.count('weeks', minutes / 10080);
  if (minutes % 1440 === 0) return t.count('days', minutes / 1440);
  if (minutes % 60 === 0) return t.count('hours', minutes / 60);
  return t.count('minutes', minutes);
}

/** A time as the chat list shows it: the hour today, the date before. */
export function showTime(seconds: number | undefined, now = Date.now()): string {
  if (!seconds) return '';
  const date = new Date(seconds * 1000);
  const today = new Date(now);
  const sameDay = date.toDateString() === today.toDateString();
  return sameDay
    ? date.toLocaleTimeString(dateLocale(), { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(dateLocale(), { day: 'numeric', month: 'short', ...(date.getFullYear() !== today.getFullYear() && { year: 'numeric' }) });
}

/**
 * Who sent a message: "You", the chat's name, or in a group the member's name when it is known
 * (`names`, from the contacts), their number otherwise.
 */
export function senderLabel(message: ChatMessage, chat: { id: string; name?: string }, names: Record<string, string> = {}): string {
  if (message.fromMe) return t('you');
  if (!message.sender || message.sender === chat.id) return chat.name ?? fallbackName(chat.id);
  // A member may write from a device ("628…:3@s.whatsapp.net") or as "@c.us": the contact is the number.
  const phone = jidPhone(message.sender);
  return names[message.sender] ?? (phone && names[`${phone}@s.whatsapp.net`]) ?? fallbackName(message.sender);
}

/**
 * A failure about a chat or a message, explained: what happened and what to do. Codes whose
 * advice depends on being in a chat get their own words here (WhatsApp's 403 refusals, such as
 * edit and pin limits, are already explained by lib/warest/response.ts); everything else keeps the
 * client's sentence.
 */
export function chatProblem(error: ApiError): string {
  const said = (text: string) => (error.serverMessage ? t('serverSaid', { text, message: error.serverMessage }) : text);
  switch (error.code) {
    case 4004:
      return said(t('problemDeleted'));
    case 2601:
      return said(t('problemGone'));
    case 2603:
      return said(t('problemNoHistory'));
    case 2004:
      return said(t('problemNothingToRead'));
    case 2003:
      return error.serverMessage ? said(t('problemNotAllowed')) : t('problemNotAllowedCheck');
    default:
      return error.message;
  }
}
