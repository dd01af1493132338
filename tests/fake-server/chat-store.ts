/**
 * A session's chat store: who is who, finding or opening a chat, adding messages, and the shapes
 * the chat routes answer with (ChatListResult / ChatMessagesResult items in the spec).
 */
import { isGroupJid, jidUser, userJid } from './ids';
import { newChat, newMessage, nowSeconds, type ChatRecord, type MessageRecord, type Person, type SessionRecord } from './state';
import type { FakeWorld } from './world';

/** Someone as this session knows them: its contact name first, then their WhatsApp profile. */
export function personFor(world: FakeWorld, session: SessionRecord, phone: string): Person {
  const known = world.state.people.get(phone);
  const contactName = session.contacts.get(phone)?.name ?? null;
  if (known) return { ...known, name: contactName ?? known.name };
  for (const other of world.state.sessions.values()) {
    if (other.account.phone === phone) return { phone, name: contactName ?? other.account.pushName, about: other.account.about, business: other.business };
  }
  return { phone, name: contactName, about: null, business: null };
}

/** The session's chat with a JID; opened (empty) when `create` and it does not exist yet. */
export function chatFor(world: FakeWorld, session: SessionRecord, jid: string, create: true): ChatRecord;
export function chatFor(world: FakeWorld, session: SessionRecord, jid: string, create?: boolean): ChatRecord | undefined;
export function chatFor(world: FakeWorld, session: SessionRecord, jid: string, create = false): ChatRecord | undefined {
  const existing = session.chats.get(jid);
  if (existing || !create) return existing;
  const group = isGroupJid(jid) ? world.state.groups.get(jid) : undefined;
  const name = group ? group.subject : personFor(world, session, jidUser(jid)).name;
  const chat = newChat(jid, name, isGroupJid(jid), nowSeconds());
  session.chats.set(jid, chat);
  return chat;
}

type NewMessageFields = Omit<Parameters<typeof newMessage>[0], 'chatJid' | 'senderJid' | 'fromMe' | 'timestamp'> & { fromMe?: boolean; senderJid?: string; timestamp?: number };

/** Adds a message to a chat (sent by the session's account unless `fromMe: false`). */
export function appendMessage(session: SessionRecord, chat: ChatRecord, fields: NewMessageFields): MessageRecord {
  const fromMe = fields.fromMe ?? true;
  const message = newMessage({
    ...fields,
    chatJid: chat.jid,
    fromMe,
    senderJid: fields.senderJid ?? (fromMe ? userJid(session.account.phone) : chat.jid),
    timestamp: fields.timestamp ?? nowSeconds(),
  });
  chat.messages.push(message);
  chat.messages.sort((a, b) => a.timestamp - b.timestamp);
  // Seeded history is older than the chat record itself: the chat began with its first message.
  chat.createdAt = Math.min(chat.createdAt, message.timestamp);
  chat.updatedAt = chat.messages.length === 1 ? message.timestamp : Math.max(chat.updatedAt, message.timestamp);
  if (!fromMe && !message.read) chat.unreadCount += 1;
  // Sending to an archived chat brings it back to the chat list, as on the phone.
  if (fromMe) chat.archived = false;
  return message;
}

export function findMessage(chat: ChatRecord | undefined, messageId: string): MessageRecord | undefined {
  return chat?.messages.find((message) => message.id === messageId);
}

/** A one-line preview of a message, as chat lists show it. */
export function previewOf(message: MessageRecord): string | null {
  if (message.isDeleted) return 'This message was deleted';
  if (message.body) return message.body;
  if (message.poll) return message.poll.question;
  return message.mediaType ? `[${message.mediaType}]` : null;
}

export function lastMessageOf(chat: ChatRecord): MessageRecord | undefined {
  return chat.messages[chat.messages.length - 1];
}

export function serializeChat(chat: ChatRecord): Record<string, unknown> {
  const last = lastMessageOf(chat);
  const name = chat.name ?? jidUser(chat.jid);
  return {
    id: chat.jid,
    jid: chat.jid,
    name,
    displayName: name,
    isGroup: chat.isGroup,
    unreadCount: chat.unreadCount,
    lastMessage: last ? previewOf(last) : null,
    lastMessageTimestamp: last?.timestamp ?? chat.createdAt,
    ephemeralExpiry: chat.ephemeralExpiry,
    createdAt: chat.createdAt,
    updatedAt: chat.updatedAt,
  };
}

export function chatInfoOf(chat: ChatRecord): Record<string, unknown> {
  const { id: _id, displayName: _displayName, ...info } = serializeChat(chat);
  return info;
}

export function serializeMessage(session: SessionRecord, chat: ChatRecord, message: MessageRecord): Record<string, unknown> {
  const meJid = userJid(session.account.phone);
  return {
    id: message.id,
    toJid: chat.isGroup || message.fromMe ? chat.jid : meJid,
    senderJid: message.senderJid,
    fromMe: message.fromMe,
    messageType: message.messageType,
    body: message.body,
    timestamp: message.timestamp,
    isMedia: message.media !== null,
    mediaType: message.mediaType,
    mediaMetadata: message.media,
    messageTypeDetails: message.details ?? {},
    quotedMessageId: message.quotedMessageId,
    mentionedJids: message.mentionedJids,
    reactions: message.reactions,
    isEdited: message.isEdited,
    isDeleted: message.isDeleted,
    deletedAt: message.deletedAt,
    poll: message.poll,
    createdAt: message.timestamp,
    updatedAt: message.updatedAt,
  };
}

/** Opens a chat directly in a session (tests seed history with appendMessage afterwards). */
export function seedChat(session: SessionRecord, jid: string, name: string | null): ChatRecord {
  const chat = session.chats.get(jid) ?? newChat(jid, name, isGroupJid(jid), nowSeconds());
  session.chats.set(jid, chat);
  return chat;
}
