import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { MenuButton, type MenuItem } from '@/components/MenuButton';
import { runChatAction } from './chat-api';
import { isEditable, myReaction, readPinned, type ChatMessage } from '@/lib/answers/chats';
import { useChatMarks } from './chat-marks';
import { MessageEditor } from './MessageEditor';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData, OperationInputs } from '@/lib/messaging/call-operation';

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
const MENU_LABEL = 'Message actions';

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
    act('postChatsChatIdMessagesMessageIdPin', { sessionId, chatId, messageId: message.id, pin: asked }, asked ? 'Pinned the message in the chat.' : 'Unpinned the message.', (data) => markMessage(sessionId, chatId, message.id, { pinned: readPinned(data, asked) }));
  const unreact = () => void act('postMessagesMessageIdActionUnreaction', base, 'Removed your reaction.');
  const confirmDelete = () => {
    const kind = confirming;
    setConfirming(null);
    if (kind === 'revoke') void act('postMessagesMessageIdActionRevoke', { ...base, deleteForMe }, deleteForMe ? 'Deleted the message for everyone, and removed it from this account.' : 'Deleted the message for everyone.');
    if (kind === 'delete') void act('deleteMessagesMessageIdActionDelete', { ...base, withMedia }, 'Deleted the message for this account. The other side keeps it.');
  };

  const live = !message.deleted;
  // A stock server does not say whether a message is pinned: until this popup pinned it, both are offered.
  const items: MenuItem[] = [
    ...(live ? [message.starred ? { label: 'Unstar', onSelect: () => void act('postMessagesMessageIdActionUnstar', base, 'Removed the star from the message.') } : { label: 'Star', onSelect: () => void act('postMessagesMessageIdActionStar', base, 'Starred the message.') }] : []),
    ...(live ? [{ label: 'React…', onSelect: () => setReacting(true) }] : []),
    ...(live && canUnreact ? [{ label: 'Remove my reaction', onSelect: unreact }] : []),
    ...(live && message.pinned !== true ? [{ label: 'Pin message', onSelect: () => void pin(true) }] : []),
    ...(live && message.pinned !== false ? [{ label: 'Unpin message', onSelect: () => void pin(false) }] : []),
    ...(live && !message.fromMe ? [{ label: 'Mark as read', onSelect: () => void act('postMessagesMessageIdActionMarkAsRead', base, 'Marked the message as read.') }] : []),
    ...(live && isEditable(message) && !editing ? [{ label: 'Edit', onSelect: () => setEditing(true) }] : []),
    ...(live && (message.fromMe || context.isGroup) ? [{ label: 'Delete for everyone', danger: true, onSelect: () => { setDeleteForMe(false); setConfirming('revoke'); } }] : []),
    { label: 'Delete for me', danger: true, onSelect: () => { setWithMedia(true); setConfirming('delete'); } },
  ].map((item) => ({ ...item, disabled: busy }));

  return (
    <>
      <span ref={menuRef} className="menu-holder">
        <MenuButton className="message-menu" label={MENU_LABEL} items={items}>
          <span aria-hidden="true">⋯</span>
        </MenuButton>
      </span>
      {reacting && live && (
        <div className="actions compact reactions-row" role="group" aria-label="React to this message">
          {EMOJI.map((emoji, index) => (
            <button key={emoji} ref={index === 0 ? firstEmoji : undefined} type="button" className="small emoji" aria-label={`React with ${emoji}`} title={`React with ${emoji}`} aria-pressed={mine?.emoji === emoji} disabled={busy} onClick={() => void act('postMessagesMessageIdActionReaction', { ...base, emoji }, `Reacted with ${emoji}.`)}>{emoji}</button>
          ))}
          {canUnreact && <button type="button" className="small" disabled={busy} onClick={unreact}>Remove my reaction</button>}
          <button type="button" className="small" onClick={() => { setReacting(false); backToMenu(); }}>Done</button>
        </div>
      )}
      {editing && (
        <MessageEditor
          initial={message.text ?? ''}
          busy={busy}
          onCancel={() => { setEditing(false); backToMenu(); }}
          onSave={async (text) => {
            const done = await act('postMessagesMessageIdActionEdit', { ...base, message: text }, 'Edited the message. WhatsApp shows it as edited to everyone.');
            if (done) {
              setEditing(false);
              backToMenu();
            }
          }}
        />
      )}
      {confirming === 'revoke' && (
        <ConfirmDialog title="Delete this message for everyone?" confirmLabel="Delete for everyone" onCancel={() => setConfirming(null)} onConfirm={confirmDelete}>
          <p>Everyone in the chat sees “This message was deleted” instead. WhatsApp only allows this for your own messages (or any message in a group you administer).</p>
          <label className="check">
            <input type="checkbox" checked={deleteForMe} onChange={(e) => setDeleteForMe(e.target.checked)} />
            Also remove it from this account
          </label>
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog title="Delete this message for you?" confirmLabel="Delete for me" onCancel={() => setConfirming(null)} onConfirm={confirmDelete}>
          <p>The message disappears from this account only; the other side keeps it. This cannot be undone.</p>
          <label className="check">
            <input type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} />
            Also delete its media file
          </label>
        </ConfirmDialog>
      )}
    </>
  );
}
