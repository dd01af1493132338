import { useEffect, useId, useRef, useState } from 'react';
import { MenuButton, type MenuItem } from '@/components/MenuButton';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { runChatAction } from './chat-api';
import { messagesToMarkRead, MUTE_CHOICES, readMarkedCount, readPinned, type ChatSummary } from '@/lib/answers/chats';
import { useChatMarks } from './chat-marks';
import { muteLength } from './chat-words';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');
const common = textsOf('common');

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * What can be done to a whole chat, in one menu: mark read, pin, mute, archive, clear (asks
 * first). A stock server's lists do not say whether a chat is pinned, muted or archived, so
 * until this popup has changed it both directions are offered.
 */
export function ChatActions({ sessionId, chat, onChanged }: { sessionId: string; chat: ChatSummary; onChanged: () => void }) {
  const markChat = useChatMarks((s) => s.markChat);
  const [busy, setBusy] = useState(false);
  const [minutes, setMinutes] = useState(MUTE_CHOICES[1]!.minutes);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [choosingMute, setChoosingMute] = useState(false);
  const muteId = useId();
  const muteRef = useRef<HTMLSelectElement>(null);
  const menuRef = useRef<HTMLSpanElement>(null);
  /** Closing the mute choice gives the focus back to the menu's button, not to the page. */
  const doneMuting = () => {
    setChoosingMute(false);
    menuRef.current?.querySelector('button')?.focus();
  };
  // "Mute…" opens the duration choice; the keyboard lands on it.
  useEffect(() => {
    if (choosingMute) muteRef.current?.focus();
  }, [choosingMute]);
  const who = chat.name;
  const to = chat.id;
  const muted = chat.mutedUntil === undefined ? undefined : chat.mutedUntil > nowSeconds();

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    const done = await run();
    setBusy(false);
    return done;
  }

  const markRead = () =>
    act(async () => {
      const done = await runChatAction('postChatsChatIdRead', { sessionId, chatId: chat.id, messages: messagesToMarkRead(chat.unreadCount) }, (data) => {
        const marked = readMarkedCount(data);
        return marked === undefined ? t('markedRead', { chat: who }) : t.count('markedReadCount', marked, { chat: who });
      });
      if (done) onChanged();
    });
  const pin = (asked: boolean) =>
    act(async () => {
      const done = await runChatAction('postChatsChatIdPin', { sessionId, chatId: chat.id, pin: asked }, (data) => (readPinned(data, asked) ? t('pinnedChat', { chat: who }) : t('unpinnedChat', { chat: who })));
      if (done) markChat(sessionId, chat.id, { pinned: readPinned(done, asked) });
    });
  const mute = () =>
    act(async () => {
      const done = await runChatAction('postMessagesActionMute', { sessionId, to, duration: minutes }, () => t('mutedChat', { chat: who, length: muteLength(minutes) }));
      if (done) markChat(sessionId, chat.id, { mutedUntil: nowSeconds() + minutes * 60 });
    });
  const unmute = () =>
    act(async () => {
      const done = await runChatAction('postMessagesActionUnmute', { sessionId, to }, () => t('unmutedChat', { chat: who }));
      if (done) markChat(sessionId, chat.id, { mutedUntil: 0 });
    });
  const archive = (on: boolean) =>
    act(async () => {
      const done = await runChatAction(on ? 'postMessagesActionArchive' : 'postMessagesActionUnarchive', { sessionId, to }, () => (on ? t('archivedChat', { chat: who }) : t('unarchivedChat', { chat: who })));
      if (done) markChat(sessionId, chat.id, on ? { archived: true, pinned: false } : { archived: false });
    });
  const clear = () => {
    setConfirmingClear(false);
    return act(async () => {
      const done = await runChatAction('deleteMessagesActionClearAll', { sessionId, to }, () => t('clearedChat', { chat: who }));
      if (done) onChanged();
    });
  };

  // Only the pin and archive change that applies once known; a stock server's list does not say, so both until then.
  const items: MenuItem[] = [
    { label: t('markChatRead'), onSelect: () => void markRead() },
    ...(chat.pinned !== true ? [{ label: t('pinChat'), onSelect: () => void pin(true) }] : []),
    ...(chat.pinned !== false ? [{ label: t('unpinChat'), onSelect: () => void pin(false) }] : []),
    ...(muted !== true ? [{ label: t('muteMenu'), onSelect: () => setChoosingMute(true) }] : []),
    ...(muted !== false ? [{ label: t('unmuteChat'), onSelect: () => void unmute() }] : []),
    ...(chat.archived !== true ? [{ label: t('archiveChat'), onSelect: () => void archive(true) }] : []),
    ...(chat.archived !== false ? [{ label: t('unarchiveChat'), onSelect: () => void archive(false) }] : []),
    { label: t('clearChat'), danger: true, onSelect: () => setConfirmingClear(true) },
  ].map((item) => ({ ...item, disabled: busy }));

  return (
    <>
      <span ref={menuRef} className="menu-holder">
        <MenuButton label={t('moreChatActions')} items={items}>{t('more')}</MenuButton>
      </span>
      {choosingMute && (
        <div className="actions compact mute-row" role="group" aria-label={t('muteThisChat')}>
          <label htmlFor={muteId}>{t('muteFor')}</label>
          <select ref={muteRef} id={muteId} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {MUTE_CHOICES.map((choice) => <option key={choice.minutes} value={choice.minutes}>{muteLength(choice.minutes)}</option>)}
          </select>
          <button type="button" className="small" disabled={busy} onClick={() => void mute().then(doneMuting)}>{t('muteChat')}</button>
          <button type="button" className="small" onClick={doneMuting}>{common('cancel')}</button>
        </div>
      )}
      {confirmingClear && (
        <ConfirmDialog title={t('clearTitle', { chat: who })} confirmLabel={t('clearChat')} onCancel={() => setConfirmingClear(false)} onConfirm={() => void clear()}>
          {t('clearBody')}
        </ConfirmDialog>
      )}
    </>
  );
}
