import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { MenuButton, type MenuItem } from '@/components/MenuButton';
import { runChatAction } from './chat-api';
import { isEditable, myReaction, readPinned, type ChatMessage } from '@/lib/answers/chats';
import { useChatMarks } from './chat-marks';
import { MessageEditor } from './MessageEditor';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData, OperationInputs } from '@/lib/messaging/call-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');

export interface MessageContext {
  sessionId: string;
  /** The chat's JID: the message actions' `to`. */
  chatId: string;
  chatName?: string;
  /** The session's phone digits, to recognise this account's reaction. */
  me?: string;
  /** In a group an admin may also delete others' messages for everyone; in a direct chat only your own. */
  isGroup: boolean;
  /** Group members' names by JID (from the contacts), for the sender line. */
  names: Record<string, string>;
  /** Re-reads the messages after a change. */
  reload: () => void;
}

const EMOJI = ['👍', '❤️', '😂', '😮', '🙏'];

/**
 * One message's actions in a menu on its bubble (revealed on hover or focus, always in the tab
 * order): star, react, pin, mark read, edit, delete for everyone or for me. Reacting and editing
 * open in the bubble; deleting asks first.
 */
export function MessageActions({ message, context }: { message: ChatMessage; context: MessageContext }) {
  const { sessionId, chatId, reload } = context;
  const markMessage = useChatMarks((s) => s.markMessage);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [reacting, setReacting] = useState(false);
  const [confirming, setConfirming] = useState<'revoke' | 'delete' | null>(null);
  const [deleteForMe, setDeleteForMe] = useState(false);
  const [withMedia, setWithMedia] = useState(true);
  const firstEmoji = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLSpanElement>(null);
  /** Closing the reactions or the editor gives the focus back to the message's menu button. */
  const backToMenu = () => menuRef.current?.querySelector('button')?.focus();
  const base = { sessionId, to: chatId, messageId: message.id };
  const mine = myReaction(message, context.me);
  const canUnreact = !!mine || (!context.me && message.reactions.length > 0);

  // The reaction bar takes the focus the menu gave back to its button, so the keyboard lands on it.
  useEffect(() => {
    if (reacting) firstEmoji.current?.focus();
  }, [reacting]);

  async function act(operationId: OperationId, inputs: OperationInputs, words: string, after?: (data: OperationData) => void) {
    setBusy(true);
    const done = await runChatAction(operationId, inputs, () => words);
    setBusy(false);
    if (!done) return false;
    after?.(done);
    reload();
    return true;
  }
  const pin = (asked: boolean) =>
    act('postChatsChatIdMessagesMessageIdPin', { sessionId, chatId, messageId: message.id, pin: asked }, asked ? t('pinnedMessage') : t('unpinnedMessage'), (data) => markMessage(sessionId, chatId, message.id, { pinned: readPinned(data, asked) }));
  const unreact = () => void act('postMessagesMessageIdActionUnreaction', base, t('removedReaction'));
  const confirmDelete = () => {
    const kind = confirming;
    setConfirming(null);
    if (kind === 'revoke') void act('postMessagesMessageIdActionRevoke', { ...base, deleteForMe }, deleteForMe ? t('deletedForEveryoneAndMe') : t('deletedForEveryone'));
    if (kind === 'delete') void act('deleteMessagesMessageIdActionDelete', { ...base, withMedia }, t('deletedForMe'));
  };

  const live = !message.deleted;
  // A stock server does not say whether a message is pinned: until this popup pinned it, both are offered.
  const items: MenuItem[] = [
    ...(live ? [message.starred ? { label: t('unstar'), onSelect: () => void act('postMessagesMessageIdActionUnstar', base, t('unstarred')) } : { label: t('star'), onSelect: () => void act('postMessagesMessageIdActionStar', base, t('starred')) }] : []),
    ...(live ? [{ label: t('reactMenu'), onSelect: () => setReacting(true) }] : []),
    ...(live && canUnreact ? [{ label: t('removeReaction'), onSelect: unreact }] : []),
    ...(live && message.pinned !== true ? [{ label: t('pinMessage'), onSelect: () => void pin(true) }] : []),
    ...(live && message.pinned !== false ? [{ label: t('unpinMessage'), onSelect: () => void pin(false) }] : []),
    ...(live && !message.fromMe ? [{ label: t('markAsRead'), onSelect: () => void act('postMessagesMessageIdActionMarkAsRead', base, t('markedAsRead')) }] : []),
    ...(live && isEditable(message) && !editing ? [{ label: t('edit'), onSelect: () => setEditing(true) }] : []),
    ...(live && (message.fromMe || context.isGroup) ? [{ label: t('deleteForEveryone'), danger: true, onSelect: () => { setDeleteForMe(false); setConfirming('revoke'); } }] : []),
    { label: t('deleteForMe'), danger: true, onSelect: () => { setWithMedia(true); setConfirming('delete'); } },
  ].map((item) => ({ ...item, disabled: busy }));

  return (
    <>
      <span ref={menuRef} className="menu-holder">
        <MenuButton className="message-menu" label={t('messageActions')} items={items}>
          <span aria-hidden="true">⋯</span>
        </MenuButton>
      </span>
      {reacting && live && (
        <div className="actions compact reactions-row" role="group" aria-label={t('reactToMessage')}>
          {EMOJI.map((emoji, index) => (
            <button key={emoji} ref={index === 0 ? firstEmoji : undefined} type="button" className="small emoji" aria-label={t('reactWith', { emoji })} title={t('reactWith', { emoji })} aria-pressed={mine?.emoji === emoji} disabled={busy} onClick={() => void act('postMessagesMessageIdActionReaction', { ...base, emoji }, t('reactedWith', { emoji }))}>{emoji}</button>
          ))}
          {canUnreact && <button type="button" className="small" disabled={busy} onClick={unreact}>{t('removeReaction')}</button>}
          <button type="button" className="small" onClick={() => { setReacting(false); backToMenu(); }}>{t('done')}</button>
        </div>
      )}
      {editing && (
        <MessageEditor
          initial={message.text ?? ''}
          busy={busy}
          onCancel={() => { setEditing(false); backToMenu(); }}
          onSave={async (text) => {
            const done = await act('postMessagesMessageIdActionEdit', { ...base, message: text }, t('editedMessage'));
            if (done) {
              setEditing(false);
              backToMenu();
            }
          }}
        />
      )}
      {confirming === 'revoke' && (
        <ConfirmDialog title={t('revokeTitle')} confirmLabel={t('deleteForEveryone')} onCancel={() => setConfirming(null)} onConfirm={confirmDelete}>
          <p>{t('revokeBody')}</p>
          <label className="check">
            <input type="checkbox" checked={deleteForMe} onChange={(e) => setDeleteForMe(e.target.checked)} />
            {t('alsoRemoveHere')}
          </label>
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog title={t('deleteTitle')} confirmLabel={t('deleteForMe')} onCancel={() => setConfirming(null)} onConfirm={confirmDelete}>
          <p>{t('deleteBody')}</p>
          <label className="check">
            <input type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} />
            {t('alsoDeleteMedia')}
          </label>
        </ConfirmDialog>
      )}
    </>
  );
}
