import { create } from 'zustand';
import type { ChatMessage, ChatSummary } from '@/lib/answers/chats';

/**
 * What this popup learned from its own successful actions but a stock server's lists do not
 * report: whether a chat is pinned, archived or muted, and whether a message is pinned. Kept
 * while the popup is open; whatever the server's answer says wins over it.
 */

type ChatMark = Pick<ChatSummary, 'pinned' | 'archived' | 'mutedUntil'>;

interface MarksState {
  chats: Record<string, ChatMark>;
  messages: Record<string, { pinned?: boolean }>;
  markChat(sessionId: string, chatId: string, mark: ChatMark): void;
  markMessage(sessionId: string, chatId: string, messageId: string, mark: { pinned: boolean }): void;
}

export const chatKey = (sessionId: string, chatId: string) => `${sessionId}\n${chatId}`;
const messageKey = (sessionId: string, chatId: string, messageId: string) => `${sessionId}\n${chatId}\n${messageId}`;

export const useChatMarks = create<MarksState>((set) => ({
  chats: {},
  messages: {},
  markChat: (sessionId, chatId, mark) => set((s) => ({ chats: { ...s.chats, [chatKey(sessionId, chatId)]: { ...s.chats[chatKey(sessionId, chatId)], ...mark } } })),
  markMessage: (sessionId, chatId, messageId, mark) => set((s) => ({ messages: { ...s.messages, [messageKey(sessionId, chatId, messageId)]: mark } })),
}));

/** A chat with what the server did not say filled in from this popup's own actions. */
export function withChatMarks(chat: ChatSummary, mark: ChatMark | undefined): ChatSummary {
  return { ...mark, ...chat };
}

export function messageMark(marks: MarksState['messages'], sessionId: string, chatId: string, message: ChatMessage): ChatMessage {
  const mark = marks[messageKey(sessionId, chatId, message.id)];
  return mark && message.pinned === undefined ? { ...message, ...mark } : message;
}
