import type { ChatSummary } from '@/lib/answers/chats';
import { showTime } from './chat-words';

/** Pinned, archived and muted, shown only when known (from the server or this popup's own actions). */
export function ChatFlags({ chat, now = Date.now() }: { chat: ChatSummary; now?: number }) {
  const muted = chat.mutedUntil !== undefined && chat.mutedUntil * 1000 > now;
  return (
    <span className="chat-flags">
      {chat.isGroup && <span className="badge plain">group</span>}
      {chat.pinned && <span className="badge">pinned</span>}
      {chat.archived && <span className="badge plain">archived</span>}
      {muted && <span className="badge warn">muted until {showTime(chat.mutedUntil, now)}</span>}
    </span>
  );
}
