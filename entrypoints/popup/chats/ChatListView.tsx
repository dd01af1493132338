import { useId, useState } from 'react';
import type { ChatSummary } from '@/lib/answers/chats';
import { useChatList } from './chat-hooks';
import { chatKey, useChatMarks, withChatMarks } from './chat-marks';
import { showTime } from './chat-words';
import { ChatFlags } from './ChatFlags';
import { usePopupStore } from '../shared/store';

function ChatRow({ sessionId, chat }: { sessionId: string; chat: ChatSummary }) {
  const show = usePopupStore((s) => s.show);
  const unread = chat.unreadCount > 0 ? `${chat.unreadCount} unread` : undefined;
  return (
    <li aria-label={chat.name}>
      <button type="button" className="chat-open" onClick={() => show({ name: 'chat', sessionId, chatId: chat.id, chatName: chat.name })}>
        {/* The name is read from what the button shows (WCAG 2.5.3: a spoken "Open Alex" must match), with "Open" for screen readers. */}
        <span className="visually-hidden">Open </span>
        <span className="chat-line">
          <strong className="chat-name">{chat.name}</strong>
          <span className="hint chat-time">{showTime(chat.lastMessageAt)}</span>
        </span>
        <span className="chat-line">
          <span className="chat-last">{chat.lastMessage ?? <span className="hint">No messages</span>}</span>
          {unread && <span className="badge unread">{unread}</span>}
        </span>
        <ChatFlags chat={chat} />
      </button>
    </li>
  );
}

/** One session's chats: server-side search, newest first, unread counts and flags, "Load more". */
export function ChatListView({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  const [search, setSearch] = useState('');
  const { chats, total, error, loading, hasMore, loadMore, reload } = useChatList(sessionId, search);
  const marks = useChatMarks((s) => s.chats);
  const searchId = useId();
  const shown = (chats ?? []).map((chat) => withChatMarks(chat, marks[chatKey(sessionId, chat.id)]));
  const needle = search.trim();
  const countText = chats === null ? '' : `${shown.length}${total !== undefined && total > shown.length ? ` of ${total}` : ''} chat${(total ?? shown.length) === 1 ? '' : 's'}${needle ? ' found' : ''}`;

  return (
    <section className="panel" aria-label={`Chats of ${sessionId}`}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'list' })}><span aria-hidden="true">← </span>Back to sessions</button>
      </div>
      <h2>Chats of “{sessionId}”</h2>
      <div className="chat-search">
        <label htmlFor={searchId} className="visually-hidden">Search chats</label>
        <input id={searchId} type="search" placeholder="Search by name or number" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" disabled={loading} onClick={reload}>{loading ? 'Loading…' : 'Refresh chats'}</button>
      </div>
      <p className="hint" aria-live="polite">{countText}</p>
      {error && <p className="error-text" role="alert">{error}</p>}
      {chats === null && !error && <p className="hint" aria-busy="true">Loading chats…</p>}
      {chats !== null && shown.length === 0 && (needle ? <p className="empty">No chat matches “{needle}”.</p> : <p className="empty">This account has no chats yet.</p>)}
      {shown.length > 0 && (
        <ul className="chat-list" aria-label={`Chats (${shown.length})`}>
          {shown.map((chat) => <ChatRow key={chat.id} sessionId={sessionId} chat={chat} />)}
        </ul>
      )}
      <div className="actions">
        {hasMore && <button type="button" disabled={loading} onClick={loadMore}>Load more chats</button>}
      </div>
    </section>
  );
}
