import { useLayoutEffect, useRef } from 'react';
import { jidPhone, type ChatSummary } from '@/lib/answers/chats';
import { useChatMessages, useSenderNames } from './chat-hooks';
import { chatKey, messageMark, useChatMarks, withChatMarks } from './chat-marks';
import { ChatActions } from './ChatActions';
import { ChatFlags } from './ChatFlags';
import { MessageItem } from './MessageItem';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');

/** The chat's kind and number (a person) or "Group chat", never the raw id, and its unread count. */
function subtitle(chat: ChatSummary, phone: string | undefined): string {
  const kind = chat.isGroup ? t('groupChat') : phone ? t('personWithPhone', { phone }) : t('person');
  return chat.unreadCount > 0 ? t('withUnread', { kind, count: chat.unreadCount }) : kind;
}

/** "12 messages", "20 of 57 messages", with where the newest is. */
function messageCount(shown: number, total: number | undefined): string {
  return total !== undefined ? t.count('messagesOf', total, { shown }) : t.count('messagesCount', shown);
}

/**
 * One chat as a messenger shows it: oldest at the top, newest at the bottom and scrolled into
 * view on open, "Load older" above; its actions in one menu; a way to write to it.
 */
export function ChatView({ sessionId, chatId, chatName }: { sessionId: string; chatId: string; chatName?: string }) {
  const show = usePopupStore((s) => s.show);
  const { messages, total, info, error, loading, hasOlder, reload, loadOlder } = useChatMessages(sessionId, chatId);
  const chatMark = useChatMarks((s) => s.chats[chatKey(sessionId, chatId)]);
  const messageMarks = useChatMarks((s) => s.messages);
  const phone = jidPhone(chatId);
  const isGroup = chatId.endsWith('@g.us');
  const names = useSenderNames(sessionId, isGroup);
  const name = chatName ?? info.chatName ?? (phone ? `+${phone}` : isGroup ? t('group') : chatId);
  const chat: ChatSummary = withChatMarks({ id: chatId, name, isGroup, unreadCount: info.unreadCount ?? 0 }, chatMark);
  const context = { sessionId, chatId, chatName: name, me: info.me, isGroup, names, reload: () => void reload() };
  // The hook keeps them newest first (pages go back in time); a chat reads oldest first.
  const shown = (messages ?? []).map((message) => messageMark(messageMarks, sessionId, chatId, message)).reverse();
  const listRef = useRef<HTMLOListElement>(null);
  const newestId = shown.at(-1)?.id;

  // On open and when a newer message arrives, the newest is in view; loading older ones keeps the place.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [newestId]);

  return (
    <section className="panel chat-panel" aria-label={t('chatLabel', { name })} aria-busy={loading}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'chats', sessionId })}><span aria-hidden="true">← </span>{t('backToChats')}</button>
      </div>
      <h2>{name}</h2>
      <p className="hint chat-subtitle">{subtitle(chat, phone)}</p>
      <ChatFlags chat={chat} showGroup={false} />
      <div className="actions compact chat-toolbar">
        <button type="button" className="primary small" onClick={() => show({ name: 'compose', sessionId, to: chatId, toName: name })}>{t('sendMessage')}</button>
        <button type="button" className="small" disabled={loading} onClick={() => void reload()}>{t('refreshMessages')}</button>
        <ChatActions sessionId={sessionId} chat={chat} onChanged={() => void reload()} />
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {messages === null && !error && <p className="hint" aria-busy="true">{t('loadingMessages')}</p>}
      {messages !== null && shown.length === 0 && <p className="empty">{t('noMessagesInChat')}</p>}
      {shown.length > 0 && (
        <>
          <p className="hint" aria-live="polite">{messageCount(shown.length, total)}</p>
          {hasOlder && <button type="button" className="small load-older" disabled={loading} onClick={() => void loadOlder()}>{t('loadOlder')}</button>}
          <ol ref={listRef} className="message-list" aria-label={t('messageList', { count: shown.length })}>
            {shown.map((message) => <MessageItem key={message.id} message={message} context={context} />)}
          </ol>
        </>
      )}
    </section>
  );
}
