import { jidPhone, type ChatSummary } from '@/lib/answers/chats';
import { useChatMessages } from './chat-hooks';
import { chatKey, messageMark, useChatMarks, withChatMarks } from './chat-marks';
import { ChatActions } from './ChatActions';
import { ChatFlags } from './ChatFlags';
import { MessageItem } from './MessageItem';
import { usePopupStore } from '../shared/store';

/** One chat: its actions, its messages newest first with "Load older", and a way to write to it. */
export function ChatView({ sessionId, chatId, chatName }: { sessionId: string; chatId: string; chatName?: string }) {
  const show = usePopupStore((s) => s.show);
  const { messages, total, info, error, loading, hasOlder, reload, loadOlder } = useChatMessages(sessionId, chatId);
  const chatMark = useChatMarks((s) => s.chats[chatKey(sessionId, chatId)]);
  const messageMarks = useChatMarks((s) => s.messages);
  const phone = jidPhone(chatId);
  const name = chatName ?? info.chatName ?? (phone ? `+${phone}` : chatId);
  const chat: ChatSummary = withChatMarks({ id: chatId, name, isGroup: chatId.endsWith('@g.us'), unreadCount: info.unreadCount ?? 0 }, chatMark);
  const context = { sessionId, chatId, chatName: name, me: info.me, isGroup: chat.isGroup, reload: () => void reload() };
  const shown = (messages ?? []).map((message) => messageMark(messageMarks, sessionId, chatId, message));

  return (
    <section className="panel chat-panel" aria-label={`Chat ${name}`} aria-busy={loading}>
      <h2>{name}</h2>
      <p className="hint chat-subtitle">
        {phone ? `+${phone}` : chatId}
        {chat.unreadCount > 0 && ` · ${chat.unreadCount} unread`}
      </p>
      <ChatFlags chat={chat} />
      <div className="actions compact">
        <button type="button" className="primary small" onClick={() => show({ name: 'compose', sessionId, to: chatId })}>Send message</button>
        <button type="button" className="small" disabled={loading} onClick={() => void reload()}>Refresh messages</button>
      </div>
      <ChatActions sessionId={sessionId} chat={chat} onChanged={() => void reload()} />
      {error && <p className="error-text" role="alert">{error}</p>}
      {messages === null && !error && <p className="hint" aria-busy="true">Loading messages…</p>}
      {messages !== null && shown.length === 0 && <p className="empty">No messages in this chat on the server.</p>}
      {shown.length > 0 && (
        <>
          <p className="hint" aria-live="polite">Newest first · {shown.length}{total !== undefined ? ` of ${total}` : ''} message{(total ?? shown.length) === 1 ? '' : 's'}</p>
          <ol className="message-list" aria-label={`Messages (${shown.length})`}>
            {shown.map((message) => <MessageItem key={message.id} message={message} context={context} />)}
          </ol>
        </>
      )}
      <div className="actions">
        {hasOlder && <button type="button" disabled={loading} onClick={() => void loadOlder()}>Load older messages</button>}
        <button type="button" onClick={() => show({ name: 'chats', sessionId })}>Back to chats</button>
      </div>
    </section>
  );
}
