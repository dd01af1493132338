import type { ChatSummary } from '@/lib/answers/chats';
import { showTime } from './chat-words';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');

/**
 * Pinned, archived and muted, shown only when known (from the server or this popup's own
 * actions); "group" too unless the view already says so (`showGroup`).
 */
export function ChatFlags({ chat, now = Date.now(), showGroup = true }: { chat: ChatSummary; now?: number; showGroup?: boolean }) {
  const muted = chat.mutedUntil !== undefined && chat.mutedUntil * 1000 > now;
  return (
    <span className="chat-flags">
      {showGroup && chat.isGroup && <span className="badge plain">{t('flagGroup')}</span>}
      {chat.pinned && <span className="badge">{t('flagPinned')}</span>}
      {chat.archived && <span className="badge plain">{t('flagArchived')}</span>}
      {muted && <span className="badge warn">{t('flagMutedUntil', { time: showTime(chat.mutedUntil, now) })}</span>}
    </span>
  );
}
