import { ChatListView } from './ChatListView';
import { ChatView } from './ChatView';
import type { View } from '../shared/store';
import './chats.css';

/**
 * A session's chats and a chat's messages, with their actions. Loaded on demand (React.lazy in
 * PopupApp), so the popup's first paint does not pay for it.
 */
export default function ChatsScreen({ view }: { view: Extract<View, { name: 'chats' | 'chat' }> }) {
  return view.name === 'chats' ? <ChatListView sessionId={view.sessionId} /> : <ChatView sessionId={view.sessionId} chatId={view.chatId} chatName={view.chatName} />;
}
