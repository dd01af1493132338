import { useEffect, useState } from 'react';
import { appendChats, appendOlder, readChatPage, readMessagePage, type ChatMessage, type ChatSummary } from '@/lib/answers/chats';
import { useLatest } from '@/components/use-latest';
import { chatProblem } from './chat-words';
import { callActive } from '../shared/run-operation';
import { readContacts } from '@/lib/recipient';

export const CHATS_PAGE = 20;
export const MESSAGES_PAGE = 20;
/** The most one request may ask for (the spec's maximum for both lists). */
const MAX_LIMIT = 200;
/** A pause in typing this long before the server is searched. */
const SEARCH_PAUSE_MS = 300;

/** `value`, once it has stopped changing for `ms` (at once when `ms` is 0). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface ChatList {
  chats: ChatSummary[];
  total?: number;
}

/**
 * A session's chats, searched on the server (its `search` matches the name and the JID), newest
 * first, a page at a time. As everywhere in the pages, the newest request wins: an answer that
 * arrives after a newer search (or a newer page) is dropped.
 */
export function useChatList(sessionId: string, search: string) {
  const needle = useSettled(search.trim(), search ? SEARCH_PAUSE_MS : 0);
  const page = (offset: number) => async (current: ChatList | null) => {
    const reply = await callActive('getChats', { sessionId, limit: CHATS_PAGE, offset, sortBy: 'lastMessage', sortOrder: 'desc', ...(needle && { search: needle }) });
    if (!reply.ok) return reply;
    const read = readChatPage(reply.data);
    return { ok: true as const, data: { chats: appendChats(offset ? (current?.chats ?? []) : [], read.items), total: read.total } };
  };
  const latest = useLatest(page(0), [sessionId, needle]);
  const chats = latest.data?.chats ?? null;
  const total = latest.data?.total;
  const hasMore = chats !== null && (total === undefined ? chats.length > 0 && chats.length % CHATS_PAGE === 0 : chats.length < total);
  return {
    chats,
    total,
    error: latest.error && chatProblem(latest.error),
    loading: latest.loading,
    hasMore,
    loadMore: () => void latest.run(page(chats?.length ?? 0)),
    reload: () => void latest.reload(),
  };
}

interface ChatMessages {
  messages: ChatMessage[];
  total?: number;
  info: { chatName?: string; unreadCount?: number; me?: string };
}

/**
 * A chat's messages, newest first, paged back in time ("Load older"). `reload` reads again as
 * many as are shown, so an action's effect appears without losing the pages already loaded. The
 * newest request wins: an answer overtaken by a newer request (a reload after an action, another
 * chat) does not replace what that request brings.
 */
export function useChatMessages(sessionId: string, chatId: string) {
  /** `older`: the next page back, added to what is shown; otherwise the newest `limit` messages. */
  const fetch = (limit: number, older = false) => async (current: ChatMessages | null) => {
    const offset = older ? (current?.messages.length ?? 0) : 0;
    const reply = await callActive('getChatsChatIdMessages', { sessionId, chatId, limit, offset });
    if (!reply.ok) return reply;
    const { items, total, ...info } = readMessagePage(reply.data);
    const messages = appendOlder(older ? (current?.messages ?? []) : [], items);
    return { ok: true as const, data: { messages, total, info: { ...current?.info, ...info } } };
  };
  const latest = useLatest(fetch(MESSAGES_PAGE), [sessionId, chatId]);
  const messages = latest.data?.messages ?? null;
  const total = latest.data?.total;
  const reload = () => latest.run((current) => fetch(Math.min(Math.max(current?.messages.length ?? 0, MESSAGES_PAGE), MAX_LIMIT))(current));
  const loadOlder = () => latest.run(fetch(MESSAGES_PAGE, true));
  const hasOlder = messages !== null && (total === undefined ? messages.length > 0 && messages.length % MESSAGES_PAGE === 0 : messages.length < total);
  return { messages, total, info: latest.data?.info ?? {}, error: latest.error && chatProblem(latest.error), loading: latest.loading, hasOlder, reload, loadOlder };
}

/**
 * Names for a group's members, by JID, from the session's contacts: a group message then says
 * who wrote it by name, not by number. Only read for groups (a direct chat has one other side,
 * the chat's own name); a failure leaves the numbers, which are still right.
 */
export function useSenderNames(sessionId: string, isGroup: boolean): Record<string, string> {
  const latest = useLatest(async () => {
    if (!isGroup) return { ok: true as const, data: {} };
    const reply = await callActive('getProfileListContacts', { sessionId, limit: 1000 });
    if (!reply.ok) return { ok: true as const, data: {} };
    return { ok: true as const, data: Object.fromEntries(readContacts(reply.data).map((contact) => [contact.jid, contact.name])) };
  }, [sessionId, isGroup]);
  return latest.data ?? {};
}
