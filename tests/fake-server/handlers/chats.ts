/**
 * Chats: list (filter, sort, page), message history (newest first, paged by limit/offset), mark
 * read, pin a chat or a message. These routes answer the single-object `result` envelope.
 */
import { chatFor, chatInfoOf, findMessage, lastMessageOf, serializeChat, serializeMessage } from '../chat-store';
import { type HandlerContext, type HandlerMap, bool, loggedInSession, num, queryBool, queryInt } from '../context';
import { ApiError, singleResult } from '../envelope';
import { parseRecipient } from '../ids';
import { nowSeconds, type ChatRecord } from '../state';

/** WhatsApp lets you pin at most three chats. */
const MAX_PINNED_CHATS = 3;

function chatJidOf(ctx: HandlerContext): string {
  const raw = ctx.params.chatId ?? '';
  const recipient = parseRecipient(raw);
  if (!recipient) throw new ApiError(2002, 'chatId must be a phone number, JID or group ID');
  return recipient.jid;
}

function existingChat(ctx: HandlerContext): ChatRecord {
  const session = loggedInSession(ctx);
  const chat = chatFor(ctx.world, session, chatJidOf(ctx));
  if (!chat) throw new ApiError(2603, 'Chat not found');
  return chat;
}

export const chatHandlers: HandlerMap = {
  getChats(ctx) {
    const session = loggedInSession(ctx);
    const limit = queryInt(ctx, 'limit', 10);
    const offset = queryInt(ctx, 'offset', 0);
    const search = ctx.query.search?.toLowerCase();
    const sortBy = ctx.query.sortBy ?? 'lastMessage';
    const direction = ctx.query.sortOrder === 'asc' ? 1 : -1;
    let chats = [...session.chats.values()];
    if (queryBool(ctx, 'hasMedia') === true) chats = chats.filter((chat) => chat.messages.some((message) => message.media !== null));
    if (search) chats = chats.filter((chat) => chat.jid.toLowerCase().includes(search) || (chat.name ?? '').toLowerCase().includes(search));
    const key = (chat: ChatRecord): number | string =>
      sortBy === 'unreadCount' ? chat.unreadCount : sortBy === 'name' ? (chat.name ?? chat.jid).toLowerCase() : (lastMessageOf(chat)?.timestamp ?? chat.createdAt);
    chats.sort((a, b) => {
      const left = key(a);
      const right = key(b);
      return left < right ? -direction : left > right ? direction : 0;
    });
    return singleResult(1000, 'Chats list fetched', {
      sessionId: session.id,
      phone: session.account.phone,
      data: chats.slice(offset, offset + limit).map(serializeChat),
      pagination: { limit, offset, total: chats.length },
    });
  },

  getChatsChatIdMessages(ctx) {
    const session = loggedInSession(ctx);
    const chat = chatFor(ctx.world, session, chatJidOf(ctx));
    const limit = queryInt(ctx, 'limit', 20);
    const offset = queryInt(ctx, 'offset', 0);
    const startTime = ctx.query.startTime === undefined ? undefined : queryInt(ctx, 'startTime', 0);
    const endTime = ctx.query.endTime === undefined ? undefined : queryInt(ctx, 'endTime', 0);
    const mediaOnly = queryBool(ctx, 'mediaOnly');
    const isFromMe = queryBool(ctx, 'isFromMe');
    const search = ctx.query.search?.toLowerCase();
    const messages = [...(chat?.messages ?? [])]
      .filter((message) => startTime === undefined || message.timestamp * 1000 > startTime)
      .filter((message) => endTime === undefined || message.timestamp * 1000 < endTime)
      .filter((message) => mediaOnly !== true || message.media !== null)
      .filter((message) => isFromMe === undefined || message.fromMe === isFromMe)
      .filter((message) => !search || (message.body ?? '').toLowerCase().includes(search))
      .reverse(); // newest first: offset pages back in time
    return singleResult(1000, 'Messages list fetched', {
      sessionId: session.id,
      phone: session.account.phone,
      data: chat ? messages.slice(offset, offset + limit).map((message) => serializeMessage(session, chat, message)) : [],
      pagination: { limit, offset, total: messages.length },
      chatInfo: chat ? chatInfoOf(chat) : null,
    });
  },

  postChatsChatIdRead(ctx) {
    const session = loggedInSession(ctx);
    const chat = existingChat(ctx);
    const count = num(ctx.body, 'messages') ?? 0;
    const days = num(ctx.body, 'days');
    const mode = count > 0 ? 'by_count' : days ? 'by_days' : 'all';
    const since = days ? nowSeconds() - days * 86400 : 0;
    const unread = chat.messages.filter((message) => !message.fromMe && !message.read && (mode !== 'by_days' || message.timestamp >= since)).reverse();
    const marked = mode === 'by_count' ? unread.slice(0, count) : unread;
    for (const message of marked) message.read = true;
    chat.unreadCount = chat.messages.filter((message) => !message.fromMe && !message.read).length;
    return singleResult(1000, mode === 'by_days' ? `Marked inbound messages as read in the last ${days} day(s)` : 'Marked inbound messages as read', {
      sessionId: session.id,
      phone: session.account.phone,
      chatId: chat.jid,
      totalMarked: marked.length,
      mode,
      partial: mode === 'by_count' ? { capped: unread.length > count, cap: count } : null,
      parameters: { messages: count, days: days ?? 0 },
      marked: marked.map((message) => ({ id: message.id, fromMe: message.fromMe, timestamp: message.timestamp })),
    });
  },

  postChatsChatIdPin(ctx) {
    const session = loggedInSession(ctx);
    const chat = existingChat(ctx);
    const pin = bool(ctx.body, 'pin') === true;
    if (pin && chat.pinnedAt === null) {
      const pinned = [...session.chats.values()].filter((other) => other.pinnedAt !== null).length;
      if (pinned >= MAX_PINNED_CHATS) throw new ApiError(2003, `You can only pin up to ${MAX_PINNED_CHATS} chats`);
      chat.pinnedAt = nowSeconds();
    } else if (!pin) {
      chat.pinnedAt = null;
    }
    const label = pin ? 'chat pinned' : 'chat unpinned';
    return singleResult(1000, label, { sessionId: session.id, phone: session.account.phone, chatId: chat.jid, pinned: pin, message: `${label} successfully`, updatedAt: nowSeconds(), messageId: null });
  },

  postChatsChatIdMessagesMessageIdPin(ctx) {
    const session = loggedInSession(ctx);
    const chat = existingChat(ctx);
    const message = findMessage(chat, ctx.params.messageId ?? '');
    if (!message) throw new ApiError(2601, 'Message not found');
    if (message.isDeleted) throw new ApiError(4003, 'A deleted message cannot be pinned');
    const pin = bool(ctx.body, 'pin') === true;
    message.pinned = pin;
    message.updatedAt = nowSeconds();
    const label = pin ? 'message pinned' : 'message unpinned';
    return singleResult(1000, label, { sessionId: session.id, phone: session.account.phone, chatId: chat.jid, pinned: pin, message: `${label} successfully`, updatedAt: message.updatedAt, messageId: message.id });
  },
};
