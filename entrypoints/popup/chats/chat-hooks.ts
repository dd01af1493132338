import { useCallback, useEffect, useRef, useState } from 'react';
import { appendChats, appendOlder, readChatPage, readMessagePage, type ChatMessage, type ChatSummary } from '@/lib/answers/chats';
import { chatProblem } from './chat-words';
import { callActive } from '../shared/run-operation';

export const CHATS_PAGE = 20;
export const MESSAGES_PAGE = 20;
/** The most one request may ask for (the spec's maximum for both lists). */
const MAX_LIMIT = 200;

/**
 * A session's chats, searched on the server (its `search` matches the name and the JID), newest
 * first, a page at a time. Answers that arrive after a newer search are dropped.
 */
export function useChatList(sessionId: string, search: string) {
  const [chats, setChats] = useState<ChatSummary[] | null>(null);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const load = useCallback(
    async (offset: number, current: ChatSummary[]) => {
      const ticket = ++latest.current;
      setLoading(true);
      const needle = search.trim();
      const reply = await callActive('getChats', { sessionId, limit: CHATS_PAGE, offset, sortBy: 'lastMessage', sortOrder: 'desc', ...(needle && { search: needle }) });
      if (ticket !== latest.current) return;
      setLoading(false);
      if (!reply.ok) return setError(chatProblem(reply.error));
      setError(null);
      const page = readChatPage(reply.data);
      setChats(appendChats(current, page.items));
      setTotal(page.total);
    },
    [sessionId, search],
  );

  useEffect(() => {
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => void load(0, []), search ? 300 : 0);
    return () => clearTimeout(timer);
  }, [load, search]);

  const hasMore = chats !== null && (total === undefined ? chats.length > 0 && chats.length % CHATS_PAGE === 0 : chats.length < total);
  return { chats, total, error, loading, hasMore, loadMore: () => void load(chats?.length ?? 0, chats ?? []), reload: () => void load(0, []) };
}

/**
 * A chat's messages, newest first, paged back in time ("Load older"). `reload` reads again as
 * many as are shown, so an action's effect appears without losing the pages already loaded.
 * Only the newest request's answer is shown.
 */
export function useChatMessages(sessionId: string, chatId: string) {
  const [messages, setMessages] = useState<ChatMessage[] | null>(null);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [info, setInfo] = useState<{ chatName?: string; unreadCount?: number; me?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const shown = useRef(0);
  const latest = useRef(0);

  const fetchPage = useCallback(
    async (offset: number, limit: number, current: ChatMessage[]) => {
      // As for the chat list: an answer overtaken by a newer request (a reload after an action,
      // another chat) must not replace what that request brings.
      const ticket = ++latest.current;
      setLoading(true);
      const reply = await callActive('getChatsChatIdMessages', { sessionId, chatId, limit, offset });
      if (ticket !== latest.current) return;
      setLoading(false);
      if (!reply.ok) return setError(chatProblem(reply.error));
      setError(null);
      const { items, total: all, ...rest } = readMessagePage(reply.data);
      const next = appendOlder(current, items);
      shown.current = next.length;
      setMessages(next);
      setTotal(all);
      setInfo((old) => ({ ...old, ...rest }));
    },
    [sessionId, chatId],
  );

  useEffect(() => void fetchPage(0, MESSAGES_PAGE, []), [fetchPage]);

  const reload = useCallback(() => fetchPage(0, Math.min(Math.max(shown.current, MESSAGES_PAGE), MAX_LIMIT), []), [fetchPage]);
  const loadOlder = useCallback(() => fetchPage(shown.current, MESSAGES_PAGE, messages ?? []), [fetchPage, messages]);
  const hasOlder = messages !== null && (total === undefined ? messages.length > 0 && messages.length % MESSAGES_PAGE === 0 : messages.length < total);
  return { messages, total, info, error, loading, hasOlder, reload, loadOlder };
}
