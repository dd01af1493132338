/**
 * Messages - Actions: per-message actions (star, react, edit, revoke, delete, mark read) found by
 * message ID in the chat with `to`, and per-chat actions (mute, archive, clear) for each `to`.
 * WhatsApp's rules apply: only your own text messages can be edited, within 15 minutes; only your
 * own messages can be revoked (or any message in a group you administer).
 */
import { chatFor, findMessage } from '../chat-store';
import { type HandlerContext, type HandlerMap, bool, isAdmin, loggedInSession, num, str } from '../context';
import { ApiError, ok } from '../envelope';
import { parseRecipient, splitDestinations, userJid, type Recipient } from '../ids';
import { nowSeconds, participantOf, type ChatRecord, type MessageRecord, type SessionRecord } from '../state';

const EDIT_WINDOW_SECONDS = 15 * 60;
const EDITABLE_TYPES = new Set(['conversation', 'extendedtextmessage']);

function recipients(ctx: HandlerContext): Recipient[] {
  const destinations = splitDestinations(ctx.body.to);
  if (destinations.length === 0) throw new ApiError(2001, 'to is required');
  return destinations.map((destination) => {
    const recipient = parseRecipient(destination);
    if (!recipient) throw new ApiError(3007, `Invalid recipient: ${destination}`);
    return recipient;
  });
}

function actionResult(session: SessionRecord, recipient: Recipient, status: string, messageId?: string) {
  return { sessionId: session.id, phone: session.account.phone, to: recipient.to, toJid: recipient.jid, ...(messageId ? { messageId } : {}), status };
}

interface MessageTarget {
  session: SessionRecord;
  recipient: Recipient;
  chat: ChatRecord;
  message: MessageRecord;
}

/** The message named in the path, in the chat with the (single) `to`: 404 code 2601 when absent. */
function targetMessage(ctx: HandlerContext, { allowRevoked = false } = {}): MessageTarget {
  const session = loggedInSession(ctx);
  const [recipient] = recipients(ctx);
  if (!recipient) throw new ApiError(2001, 'to is required');
  const chat = chatFor(ctx.world, session, recipient.jid);
  const message = findMessage(chat, ctx.params.messageId ?? '');
  if (!chat || !message) throw new ApiError(2601, 'Message not found');
  if (message.isDeleted && !allowRevoked) throw new ApiError(4004, 'Message already deleted');
  return { session, recipient, chat, message };
}

function messageAction(message: string, status: string, apply: (target: MessageTarget, ctx: HandlerContext) => void, options: { allowRevoked?: boolean } = {}) {
  return (ctx: HandlerContext) => {
    const target = targetMessage(ctx, options);
    apply(target, ctx);
    target.message.updatedAt = nowSeconds();
    return ok(message, [actionResult(target.session, target.recipient, status, target.message.id)]);
  };
}

/** Applies a chat-level change to the chat with every `to`: 404 code 2603 for a chat with no history. */
function chatAction(message: string, status: string, apply: (chat: ChatRecord, ctx: HandlerContext) => void) {
  return (ctx: HandlerContext) => {
    const session = loggedInSession(ctx);
    const results = recipients(ctx).map((recipient) => {
      const chat = chatFor(ctx.world, session, recipient.jid);
      if (!chat) throw new ApiError(2603, `Chat not found: ${recipient.jid}`);
      apply(chat, ctx);
      chat.updatedAt = nowSeconds();
      return actionResult(session, recipient, status);
    });
    return ok(message, results);
  };
}

function markRead(chat: ChatRecord, message: MessageRecord): void {
  if (!message.fromMe && !message.read) {
    message.read = true;
    chat.unreadCount = Math.max(0, chat.unreadCount - 1);
  }
}

export const messageActionHandlers: HandlerMap = {
  // The stock server reports a star as messageTypeDetails.starredAt in the message list.
  postMessagesMessageIdActionStar: messageAction('Message starred', 'message starred success', ({ message }) => {
    message.starred = true;
    message.details = { ...message.details, starredAt: nowSeconds() };
  }),

  postMessagesMessageIdActionUnstar: messageAction('Message unstarred', 'message unstarred success', ({ message }) => {
    message.starred = false;
    const { starredAt: _starredAt, ...rest } = message.details ?? {};
    message.details = rest;
  }),

  postMessagesMessageIdActionReaction: messageAction('Reaction applied', 'reaction applied success', ({ session, message }, ctx) => {
    const emoji = str(ctx.body, 'emoji') ?? '';
    const from = userJid(session.account.phone);
    // One reaction per person: a new emoji replaces yours; an empty one removes it, as in Baileys.
    message.reactions = message.reactions.filter((reaction) => reaction.from !== from);
    if (emoji) message.reactions.push({ from, emoji, timestamp: nowSeconds() });
  }),

  postMessagesMessageIdActionUnreaction: messageAction('Reaction removed', 'reaction removed success', ({ session, message }) => {
    const from = userJid(session.account.phone);
    message.reactions = message.reactions.filter((reaction) => reaction.from !== from);
  }),

  deleteMessagesMessageIdActionDelete: messageAction('Message deleted for me', 'message deleted success', ({ chat, message }) => {
    markRead(chat, message);
    chat.messages = chat.messages.filter((entry) => entry !== message);
  }, { allowRevoked: true }),

  postMessagesMessageIdActionRevoke: messageAction('Message revoked', 'message revoked success', ({ session, chat, message }, ctx) => {
    const group = chat.isGroup ? ctx.world.state.groups.get(chat.jid) : undefined;
    const me = group ? participantOf(group, session.account.phone) : undefined;
    if (!message.fromMe && !(me && isAdmin(me))) throw new ApiError(2003, 'Only your own messages (or any message in a group you administer) can be revoked');
    message.isDeleted = true;
    message.deletedAt = nowSeconds();
    message.body = null;
    message.media = null;
    if (bool(ctx.body, 'deleteForMe') === true) chat.messages = chat.messages.filter((entry) => entry !== message);
  }),

  postMessagesMessageIdActionEdit: messageAction('Message edited', 'message edited success', ({ message }, ctx) => {
    if (!message.fromMe) throw new ApiError(4001, 'Only your own messages can be edited');
    if (!EDITABLE_TYPES.has(message.messageType)) throw new ApiError(4001, 'Only text messages can be edited');
    if (nowSeconds() - message.timestamp > EDIT_WINDOW_SECONDS) throw new ApiError(4001, 'Messages can only be edited within 15 minutes of sending');
    const before = message.body;
    message.body = str(ctx.body, 'message') ?? '';
    message.isEdited = true;
    // As the stock server's messageTypeDetails.edit: when, and the text before the edit.
    message.details = { ...message.details, edit: { lastEditedAt: nowSeconds(), messageBeforeEdit: before } };
  }),

  postMessagesMessageIdActionMarkAsRead: messageAction('Message marked as read', 'message read success', ({ chat, message }) => {
    markRead(chat, message);
  }),

  postMessagesActionMute: chatAction('Chat muted', 'chat muted success', (chat, ctx) => {
    const minutes = num(ctx.body, 'duration') ?? 60;
    if (minutes < 1 || minutes > 43200) throw new ApiError(2002, 'duration must be between 1 and 43200 minutes');
    chat.mutedUntil = nowSeconds() + minutes * 60;
  }),

  postMessagesActionUnmute: chatAction('Chat unmuted', 'chat unmuted success', (chat) => {
    chat.mutedUntil = null;
  }),

  postMessagesActionArchive: chatAction('Chat archived', 'chat archived success', (chat) => {
    chat.archived = true;
    chat.pinnedAt = null; // WhatsApp unpins a chat when it is archived
  }),

  postMessagesActionUnarchive: chatAction('Chat unarchived', 'chat unarchived success', (chat) => {
    chat.archived = false;
  }),

  deleteMessagesActionClearAll: chatAction('Chat cleared', 'chat cleared success', (chat) => {
    chat.messages = chat.messages.filter((message) => message.starred); // "keep starred messages", the phone's default
    chat.unreadCount = 0;
  }),
};
