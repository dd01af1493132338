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
/** The stock server's caps on one mark-as-read request. */
const MAX_MARK_READ_BATCH = 500;
const MAX_MARK_READ_DAYS = 365;

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

  /**
   * As the stock server: `messages` > 0 acknowledges that many of the newest inbound messages;
   * otherwise those of the last `days` days (default 1, 0 = all). Read or not, they are sent
   * again; none at all is an error (code 2004).
   */
  postChatsChatIdRead(ctx) {
    const session = loggedInSession(ctx);
    const chat = existingChat(ctx);
    const count = Math.min(Math.max(num(ctx.body, 'messages') ?? 0, 0), MAX_MARK_READ_BATCH);
    const days = Math.min(Math.max(num(ctx.body, 'days') ?? 1, 0), MAX_MARK_READ_DAYS);
    const since = count === 0 && days > 0 ? nowSeconds() - days * 86400 : null;
    const inbound = chat.messages.filter((message) => !message.fromMe && (since === null || message.timestamp >= since)).reverse();
    const marked = count > 0 ? inbound.slice(0, count) : inbound;
    if (marked.length === 0) throw new ApiError(2004, 'No inbound messages available to mark as read');
    for (const message of marked) message.read = true;
    chat.unreadCount = chat.messages.filter((message) => !message.fromMe && !message.read).length;
    return singleResult(1000, count > 0 ? `Marked last ${marked.length} inbound message(s) as read` : `Marked inbound messages as read in the last ${days} day(s)`, {
      sessionId: session.id,
      phone: session.account.phone,
      chatId: chat.jid,
      totalMarked: marked.length,
      mode: count > 0 ? 'by_messages' : 'by_days',
      parameters: { messages: count, days },
      marked: [...marked].reverse().map((message) => ({ id: message.id, fromMe: message.fromMe, timestamp: message.timestamp })),
    });
  },

  postChatsChatIdPin(ctx) {
    const session = loggedInSession(ctx);
    const chat = existingChat(ctx);
    const pin = bool(ctx.body, 'pin') === true;
    if (pin && chat.pinnedAt === null) {
      const pinned = [...session.chats.values()].filter((other) => other.pinnedAt !== null).length;
      // WhatsApp refuses a fourth pin; the stock server answers any refusal with 4003.
      if (pinned >= MAX_PINNED_CHATS) throw new ApiError(4003, 'Pin/unpin not allowed');
      chat.pinnedAt = nowSeconds();
    } else if (!pin) {
      chat.pinnedAt = null;
    }
    const label = pin ? 'Chat pinned' : 'Chat unpinned';
    return singleResult(1000, label, { sessionId: session.id, phone: session.account.phone, chatId: chat.jid, pinned: pin, message: `${label} successfully`, updatedAt: nowSeconds() });
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
    const label = pin ? 'Message pinned' : 'Message unpinned';
    return singleResult(1000, label, { sessionId: session.id, phone: session.account.phone, chatId: chat.jid, pinned: pin, message: `${label} successfully`, updatedAt: message.updatedAt, messageId: message.id });
  },
};
