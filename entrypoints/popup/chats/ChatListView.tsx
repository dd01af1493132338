import { useId, useState } from 'react';
import type { ChatSummary } from '@/lib/answers/chats';
import { useChatList } from './chat-hooks';
import { chatKey, useChatMarks, withChatMarks } from './chat-marks';
import { showTime } from './chat-words';
import { ChatFlags } from './ChatFlags';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');

/** "3 chats", "20 of 45 chats", "2 chats found": counted by the total when the server gives one. */
function chatCount(shown: number, total: number | undefined, found: boolean): string {
  if (total !== undefined && total > shown) return found ? t.count('chatsOfFound', total, { shown }) : t.count('chatsOf', total, { shown });
  const count = total ?? shown;
  return found ? t.count('chatsFound', count) : t.count('chatsCount', count);
}

function ChatRow({ sessionId, chat }: { sessionId: string; chat: ChatSummary }) {
  const show = usePopupStore((s) => s.show);
  const unread = chat.unreadCount > 0 ? t('unread', { count: chat.unreadCount }) : undefined;
  return (
    <li aria-label={chat.name}>
      <button type="button" className="chat-open" onClick={() => show({ name: 'chat', sessionId, chatId: chat.id, chatName: chat.name })}>
        {/* The name is read from what the button shows (WCAG 2.5.3: a spoken "Open Alex" must match), with "Open" for screen readers. */}
        <span className="visually-hidden">{t('open')} </span>
        <span className="chat-line">
          <strong className="chat-name">{chat.name}</strong>
          <span className="hint chat-time">{showTime(chat.lastMessageAt)}</span>
        </span>
        <span className="chat-line">
          <span className="chat-last">{chat.lastMessage ?? <span className="hint">{t('noMessages')}</span>}</span>
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
  const countText = chats === null ? '' : chatCount(shown.length, total, !!needle);

  return (
    <section className="panel" aria-label={t('chatsOfLabel', { session: sessionId })}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'list' })}><span aria-hidden="true">← </span>{t('backToSessions')}</button>
      </div>
      <h2>{t('chatsOfHeading', { session: sessionId })}</h2>
      <div className="chat-search">
        <label htmlFor={searchId} className="visually-hidden">{t('searchChats')}</label>
        <input id={searchId} type="search" placeholder={t('searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" disabled={loading} onClick={reload}>{loading ? t('loading') : t('refreshChats')}</button>
      </div>
      <p className="hint" aria-live="polite">{countText}</p>
      {error && <p className="error-text" role="alert">{error}</p>}
      {chats === null && !error && <p className="hint" aria-busy="true">{t('loadingChats')}</p>}
      {chats !== null && shown.length === 0 && (needle ? <p className="empty">{t('noChatMatches', { query: needle })}</p> : <p className="empty">{t('noChats')}</p>)}
      {shown.length > 0 && (
        <ul className="chat-list" aria-label={t('chatList', { count: shown.length })}>
          {shown.map((chat) => <ChatRow key={chat.id} sessionId={sessionId} chat={chat} />)}
        </ul>
      )}
      <div className="actions">
        {hasMore && <button type="button" disabled={loading} onClick={loadMore}>{t('loadMoreChats')}</button>}
      </div>
    </section>
  );
}
