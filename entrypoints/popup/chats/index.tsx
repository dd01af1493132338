import { ChatListView } from './ChatListView';
import { ChatView } from './ChatView';
import type { ReactNode } from 'react';
import './chats.css';

export type ChatsView = { name: 'chats'; sessionId: string } | { name: 'chat'; sessionId: string; chatId: string; chatName?: string };

/**
 * A session's chats and a chat's messages, with their actions. Its own chunk, loaded when first
 * shown (../features.ts), so the popup's first paint does not pay for it.
 */
export default function ChatsScreen({ view }: { view: ChatsView }): ReactNode {
  return view.name === 'chats' ? <ChatListView sessionId={view.sessionId} /> : <ChatView sessionId={view.sessionId} chatId={view.chatId} chatName={view.chatName} />;
}
