import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
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
  /** Re-reads the messages after a change. */
  reload: () => void;
}

const EMOJI = ['👍', '❤️', '😂', '😮', '🙏'];

/** Star, react, edit, pin, mark read, delete for everyone or for me: one message's actions. */
export function MessageActions({ message, context }: { message: ChatMessage; context: MessageContext }) {
  const { sessionId, chatId, reload } = context;
  const markMessage = useChatMarks((s) => s.markMessage);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<'revoke' | 'delete' | null>(null);
  const [deleteForMe, setDeleteForMe] = useState(false);
  const [withMedia, setWithMedia] = useState(true);
  const base = { sessionId, to: chatId, messageId: message.id };
  const mine = myReaction(message, context.me);

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
  const confirmDelete = () => {
    const kind = confirming;
    setConfirming(null);
    if (kind === 'revoke') void act('postMessagesMessageIdActionRevoke', { ...base, deleteForMe }, deleteForMe ? 'Deleted the message for everyone, and removed it from this account.' : 'Deleted the message for everyone.');
    if (kind === 'delete') void act('deleteMessagesMessageIdActionDelete', { ...base, withMedia }, 'Deleted the message for this account. The other side keeps it.');
  };

  return (
    <div className="message-actions" role="group" aria-label="Actions for this message">
      {!message.deleted && (
        <div className="actions compact">
          {message.starred ? (
            <button type="button" className="small" disabled={busy} onClick={() => void act('postMessagesMessageIdActionUnstar', base, 'Removed the star from the message.')}>Unstar</button>
          ) : (
            <button type="button" className="small" disabled={busy} onClick={() => void act('postMessagesMessageIdActionStar', base, 'Starred the message.')}>Star</button>
          )}
          {message.pinned !== true && <button type="button" className="small" disabled={busy} onClick={() => void pin(true)}>Pin message</button>}
          {message.pinned !== false && <button type="button" className="small" disabled={busy} onClick={() => void pin(false)}>Unpin message</button>}
          {!message.fromMe && <button type="button" className="small" disabled={busy} onClick={() => void act('postMessagesMessageIdActionMarkAsRead', base, 'Marked the message as read.')}>Mark as read</button>}
          {isEditable(message) && !editing && <button type="button" className="small" disabled={busy} onClick={() => setEditing(true)}>Edit</button>}
        </div>
      )}
      {!message.deleted && (
        <div className="actions compact reactions-row">
          {EMOJI.map((emoji) => (
            <button key={emoji} type="button" className="small emoji" aria-label={`React with ${emoji}`} aria-pressed={mine?.emoji === emoji} disabled={busy} onClick={() => void act('postMessagesMessageIdActionReaction', { ...base, emoji }, `Reacted with ${emoji}.`)}>{emoji}</button>
          ))}
          {(mine || (!context.me && message.reactions.length > 0)) && (
            <button type="button" className="small" disabled={busy} onClick={() => void act('postMessagesMessageIdActionUnreaction', base, 'Removed your reaction.')}>Remove my reaction</button>
          )}
        </div>
      )}
      {editing && (
        <MessageEditor
          initial={message.text ?? ''}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={async (text) => {
            const done = await act('postMessagesMessageIdActionEdit', { ...base, message: text }, 'Edited the message. WhatsApp shows it as edited to everyone.');
            if (done) setEditing(false);
          }}
        />
      )}
      <div className="actions compact">
        {!message.deleted && (message.fromMe || context.isGroup) && <button type="button" className="small danger" disabled={busy} onClick={() => { setDeleteForMe(false); setConfirming('revoke'); }}>Delete for everyone</button>}
        <button type="button" className="small danger" disabled={busy} onClick={() => { setWithMedia(true); setConfirming('delete'); }}>Delete for me</button>
      </div>
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
    </div>
  );
}
