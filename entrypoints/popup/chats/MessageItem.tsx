import { useState } from 'react';
import { jidPhone, type ChatMessage } from '@/lib/answers/chats';
import { describeKind, senderLabel, showTime } from './chat-words';
import { MessageActions, type MessageContext } from './MessageActions';

function Reactions({ message, me }: { message: ChatMessage; me?: string }) {
  if (message.reactions.length === 0) return null;
  const who = (from: string) => (me && (jidPhone(from) === me || from === me) ? 'you' : jidPhone(from) ? `+${jidPhone(from)}` : from || 'someone');
  return (
    <p className="message-reactions" aria-label="Reactions">
      {message.reactions.map((reaction, index) => (
        <span key={`${reaction.from}-${index}`} className="reaction">{reaction.emoji} {who(reaction.from)}</span>
      ))}
    </p>
  );
}

/** One message: who, when, what (text, caption, media kind), its marks, and its actions on demand. */
export function MessageItem({ message, context }: { message: ChatMessage; context: MessageContext }) {
  const [open, setOpen] = useState(false);
  const sender = senderLabel(message, { id: context.chatId, name: context.chatName });
  const kind = describeKind(message);
  const time = showTime(message.time);
  return (
    <li className={`message${message.fromMe ? ' mine' : ''}`} aria-label={`${sender}${time ? ` at ${time}` : ''}`}>
      <p className="message-head">
        <strong>{sender}</strong>
        {time && <span className="hint"> · {time}</span>}
        {message.starred && <span className="badge">starred</span>}
        {message.pinned && <span className="badge">pinned</span>}
        {message.edited && <span className="badge plain">edited</span>}
      </p>
      {message.deleted ? (
        <p className="message-text hint">This message was deleted.</p>
      ) : (
        <>
          {kind && <p className="message-kind">{kind}{message.pollQuestion ? `: ${message.pollQuestion}` : ''}</p>}
          {message.text && !(message.pollQuestion && message.text === message.pollQuestion) && <p className="message-text">{message.text}</p>}
          {!kind && !message.text && <p className="message-text hint">(no text)</p>}
        </>
      )}
      <Reactions message={message} me={context.me} />
      <button type="button" className="link message-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide actions' : 'Message actions'}
      </button>
      {open && <MessageActions message={message} context={context} />}
    </li>
  );
}
