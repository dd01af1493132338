import type { ApiError } from '@/lib/warest/api-result';
import { fallbackName, jidPhone, type ChatMessage } from '@/lib/answers/chats';

/** Chats and messages in words: times, senders, media kinds, and failures with what to do. */

/** What kind of message this is, in words, for the list ("Photo", "Document invoice.pdf", "Poll"). */
export function describeKind(message: ChatMessage): string | undefined {
  if (message.pollQuestion) return 'Poll';
  if (!message.mediaType) return undefined;
  const type = message.mediaType.toLowerCase().replace(/message$/, '');
  const word = ({ image: 'Photo', video: 'Video', audio: 'Audio', ptt: 'Voice message', document: 'Document', sticker: 'Sticker', stickermessage: 'Sticker', gif: 'GIF', location: 'Location', contact: 'Contact' } as Record<string, string>)[type] ?? type;
  return message.fileName ? `${word} ${message.fileName}` : word;
}

/** A time as the chat list shows it: the hour today, the date before. */
export function showTime(seconds: number | undefined, now = Date.now()): string {
  if (!seconds) return '';
  const date = new Date(seconds * 1000);
  const today = new Date(now);
  const sameDay = date.toDateString() === today.toDateString();
  return sameDay
    ? date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(date.getFullYear() !== today.getFullYear() && { year: 'numeric' }) });
}

/**
 * Who sent a message: "You", the chat's name, or in a group the member's name when it is known
 * (`names`, from the contacts), their number otherwise.
 */
export function senderLabel(message: ChatMessage, chat: { id: string; name?: string }, names: Record<string, string> = {}): string {
  if (message.fromMe) return 'You';
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
  const said = error.serverMessage ? ` The server said: “${error.serverMessage}”.` : '';
  switch (error.code) {
    case 4004:
      return `This message was already deleted. Reload the chat to see its current messages.${said}`;
    case 2601:
      return `This message is no longer on the server: it may have been deleted. Reload the chat to see its current messages.${said}`;
    case 2603:
      return `The server has no history for this chat. Go back to the chat list and open it again.${said}`;
    case 2004:
      return `There is nothing to mark as read: the chat has no messages from the other side.${said}`;
    case 2003:
      return `WhatsApp does not allow that for this message or chat.${said || ' Check what you selected and try again.'}`;
    default:
      return error.message;
  }
}
