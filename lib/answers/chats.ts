import { count, firstOf, flag, isRecord, list, phoneDigits, text, verbatim, type AnswerLike, type Loose } from './loose';

/**
 * WARest's chat and message answers read into what the popup shows (chat-words.ts puts them in
 * words). Every reader tolerates missing or odd fields: a server version that adds, drops or
 * retypes one must not blank the list. Times come back as Unix seconds (milliseconds are
 * recognised and converted).
 */

/** An answer as the readers take it (lib/answers/loose.ts). */
type Data = AnswerLike;

export interface ChatSummary {
  /** The chat's JID: what the chat routes take as chatId and the message actions as `to`. */
  id: string;
  name: string;
  isGroup: boolean;
  unreadCount: number;
  lastMessage?: string;
  /** Unix seconds. */
  lastMessageAt?: number;
  /** Only when the answer says so (a stock server's list does not). */
  pinned?: boolean;
  archived?: boolean;
  /** Unix seconds the mute ends; 0 = not muted. Only when the answer says so. */
  mutedUntil?: number;
}

export interface Reaction {
  from: string;
  emoji: string;
}

export interface ChatMessage {
  id: string;
  fromMe: boolean;
  /** The sender's JID (the chat itself for a direct chat's inbound messages). */
  sender?: string;
  /** Unix seconds. */
  time?: number;
  /** Text, or a media message's caption. */
  text?: string;
  /** image, video, audio, document, sticker…; undefined for plain text. */
  mediaType?: string;
  fileName?: string;
  pollQuestion?: string;
  /** A poll's options, with their vote counts when the server gives them. */
  pollOptions?: PollOption[];
  /** WhatsApp's type name as the server gives it, e.g. "conversation", "imagemessage". */
  messageType?: string;
  starred?: boolean;
  pinned?: boolean;
  edited: boolean;
  deleted: boolean;
  reactions: Reaction[];
}

export interface PollOption {
  name: string;
  votes?: number;
}

/** Options as strings or as objects ({ name | optionName | text, votes | voteCount | count }). */
function readPollOptions(value: unknown): PollOption[] | undefined {
  const options = (list(value) ?? []).flatMap((entry): PollOption[] => {
    if (typeof entry === 'string') return text(entry) ? [{ name: text(entry)! }] : [];
    if (!isRecord(entry)) return [];
    const name = text(entry.name) ?? text(entry.optionName) ?? text(entry.text);
    const votes = count(entry.votes) ?? count(entry.voteCount) ?? count(entry.count) ?? (Array.isArray(entry.voters) ? entry.voters.length : undefined);
    return name ? [{ name, ...(votes !== undefined && { votes }) }] : [];
  });
  return options.length ? options : undefined;
}

export interface Page<T> {
  items: T[];
  /** How many match in all, when the server says. */
  total?: number;
}

/** A yes/no that may come as a flag or as a timestamp (Baileys keeps a pin as the time it was made). */
const onOff = (value: unknown): boolean | undefined => {
  const n = typeof value === 'number' ? count(value) : undefined;
  return flag(value) ?? (n !== undefined ? n > 0 : undefined);
};

/** Unix seconds from seconds, milliseconds, a numeric string or an ISO date; undefined for 0 or junk. */
export function toSeconds(value: unknown): number | undefined {
  if (typeof value === 'string' && value.trim() && !Number.isFinite(Number(value))) {
    const parsed = Date.parse(value);
    return Number.isFinite(parsed) ? Math.floor(parsed / 1000) : undefined;
  }
  const n = count(value);
  if (!n) return undefined;
  return n > 20_000_000_000 ? Math.floor(n / 1000) : n;
}

/** The phone digits of a user JID ("62812…@s.whatsapp.net", with or without a device suffix). */
export function jidPhone(jid: string | undefined): string | undefined {
  return jid?.includes('@') ? phoneDigits(jid) : undefined;
}

/** A chat's name when it has none: the number for a person, the id for the rest. */
export function fallbackName(jid: string): string {
  const phone = jidPhone(jid);
  return phone ? `+${phone}` : jid;
}

const payload = (data: Data): Loose | undefined => firstOf(data);

function listOf(data: Data): { rows: unknown[]; total?: number; root?: Loose } {
  const root = payload(data);
  const rows = list(root?.data) ?? list(root?.items) ?? [];
  const total = isRecord(root?.pagination) ? count(root.pagination.total) : undefined;
  return { rows, ...(total !== undefined && { total }), ...(root && { root }) };
}

function readChat(row: unknown): ChatSummary | undefined {
  if (!isRecord(row)) return undefined;
  const id = text(row.jid) ?? text(row.id);
  if (!id) return undefined;
  const pinned = onOff(row.pinned ?? row.isPinned);
  const archived = flag(row.archived) ?? flag(row.isArchived) ?? flag(row.archive);
  // null means "not muted" here, so take the first field present rather than the first non-null.
  const muteKey = ['muteEndTime', 'mutedUntil', 'muteExpiration'].find((key) => key in row);
  const muteEnd = muteKey ? row[muteKey] : undefined;
  const mutedUntil = muteEnd === null || count(muteEnd) === 0 ? 0 : toSeconds(muteEnd);
  const lastMessage = verbatim(row.lastMessage);
  const lastMessageAt = toSeconds(row.lastMessageTimestamp ?? row.conversationTimestamp);
  return {
    id,
    name: text(row.displayName) ?? text(row.name) ?? fallbackName(id),
    isGroup: flag(row.isGroup) ?? id.endsWith('@g.us'),
    unreadCount: count(row.unreadCount) ?? 0,
    ...(lastMessage && { lastMessage }),
    ...(lastMessageAt && { lastMessageAt }),
    ...(pinned !== undefined && { pinned }),
    ...(archived !== undefined && { archived }),
    ...(mutedUntil !== undefined && { mutedUntil }),
  };
}

/** GET /chats: `result.data` with `result.pagination.total`. */
export function readChatPage(data: Data): Page<ChatSummary> {
  const { rows, total } = listOf(data);
  const seen = new Set<string>();
  const items = rows.map(readChat).filter((chat): chat is ChatSummary => !!chat && !seen.has(chat.id) && !!seen.add(chat.id));
  return { items, ...(total !== undefined && { total }) };
}

function readReactions(value: unknown): Reaction[] {
  return (list(value) ?? []).flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const emoji = text(entry.emoji) ?? text(entry.text);
    return emoji ? [{ from: text(entry.from) ?? text(entry.senderJid) ?? '', emoji }] : [];
  });
}

function readMessage(row: unknown): ChatMessage | undefined {
  if (!isRecord(row)) return undefined;
  const id = text(row.id) ?? (isRecord(row.key) ? text(row.key.id) : undefined);
  if (!id) return undefined;
  const details = isRecord(row.messageTypeDetails) ? row.messageTypeDetails : {};
  const media = isRecord(row.mediaMetadata) ? row.mediaMetadata : {};
  const poll = isRecord(row.poll) ? row.poll : undefined;
  const pollCreation = poll && isRecord(poll.creation) ? poll.creation : undefined;
  const deletedAt = toSeconds(row.deletedAt ?? details.deletedAt);
  // A star is reported as messageTypeDetails.starredAt by the stock server; plain flags also count.
  const starred = flag(row.starred) ?? flag(row.isStarred) ?? (toSeconds(details.starredAt) ? true : undefined);
  const pinned = flag(row.pinned) ?? flag(row.isPinned);
  const mediaType = text(row.mediaType) ?? (flag(row.isMedia) ? text(row.messageType) : undefined);
  // The writer's words as they are (leading spaces and line breaks included).
  const body = verbatim(row.body) ?? verbatim(row.text) ?? verbatim(row.caption);
  const time = toSeconds(row.timestamp ?? row.messageTimestamp ?? row.createdAt);
  const fileName = text(media.fileName);
  const pollQuestion = text(poll?.question) ?? text(pollCreation?.question);
  const pollOptions = readPollOptions(poll?.options ?? pollCreation?.options);
  const messageType = text(row.messageType);
  const sender = text(row.senderJid) ?? text(row.sender) ?? text(row.participant);
  return {
    id,
    fromMe: flag(row.fromMe) ?? false,
    ...(sender && { sender }),
    ...(time && { time }),
    ...(body && { text: body }),
    ...(mediaType && { mediaType }),
    ...(fileName && { fileName }),
    ...(pollQuestion && { pollQuestion }),
    ...(pollOptions && { pollOptions }),
    ...(messageType && { messageType }),
    ...(starred !== undefined && { starred }),
    ...(pinned !== undefined && { pinned }),
    edited: flag(row.isEdited) ?? isRecord(details.edit),
    deleted: flag(row.isDeleted) ?? !!deletedAt,
    reactions: readReactions(row.reactions),
  };
}

/** GET /chats/{chatId}/messages: newest first in `result.data`; the chat's name in `result.chatInfo`. */
export function readMessagePage(data: Data): Page<ChatMessage> & { chatName?: string; unreadCount?: number; me?: string } {
  const { rows, total, root } = listOf(data);
  const items = rows.map(readMessage).filter((message): message is ChatMessage => !!message);
  const info = isRecord(root?.chatInfo) ? root.chatInfo : undefined;
  const chatName = text(info?.name);
  const unreadCount = count(info?.unreadCount);
  const me = text(root?.phone)?.replace(/\D+/g, '') || undefined;
  return { items, ...(total !== undefined && { total }), ...(chatName && { chatName }), ...(unreadCount !== undefined && { unreadCount }), ...(me && { me }) };
}

/** Adds an older page below the loaded messages, leaving out any already shown (the list moved). */
export function appendOlder(loaded: readonly ChatMessage[], older: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(loaded.map((message) => message.id));
  return [...loaded, ...older.filter((message) => !known.has(message.id))];
}

/** Adds a page of chats, leaving out any already shown. */
export function appendChats(loaded: readonly ChatSummary[], more: readonly ChatSummary[]): ChatSummary[] {
  const known = new Set(loaded.map((chat) => chat.id));
  return [...loaded, ...more.filter((chat) => !known.has(chat.id))];
}

/** The pin state the server confirms (`result.pinned`), or the one asked for when it does not say. */
export function readPinned(data: Data, asked: boolean): boolean {
  return flag(payload(data)?.pinned) ?? asked;
}

/** How many messages a mark-as-read acknowledged (`result.totalMarked`), when it says. */
export function readMarkedCount(data: Data): number | undefined {
  const root = payload(data);
  return count(root?.totalMarked) ?? list(root?.marked)?.length;
}

/** This account's reaction on a message, when the answer shows it (`me` = the session's phone digits). */
export function myReaction(message: ChatMessage, me: string | undefined): Reaction | undefined {
  return me ? message.reactions.find((reaction) => jidPhone(reaction.from) === me || reaction.from === me) : undefined;
}

/** WhatsApp only edits plain text that this account sent. */
export function isEditable(message: ChatMessage): boolean {
  const type = message.messageType?.toLowerCase();
  const textType = !type || type === 'conversation' || type === 'extendedtextmessage' || type === 'text';
  return message.fromMe && !message.deleted && !message.mediaType && !message.pollQuestion && textType && message.text !== undefined;
}

/** Mute lengths offered; WARest takes minutes, 1 to 43200 (30 days). */
export const MUTE_CHOICES: ReadonlyArray<{ label: string; minutes: number }> = [
  { label: '1 hour', minutes: 60 },
  { label: '8 hours', minutes: 480 },
  { label: '1 week', minutes: 10080 },
  { label: '30 days', minutes: 43200 },
];

/** Read receipts to send for "mark chat read": the unread ones, at least one, at most the server's 500. */
export function messagesToMarkRead(unreadCount: number): number {
  return Math.min(Math.max(unreadCount, 1), 500);
}
