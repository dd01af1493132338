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

/** A poll's options as a list, with their votes when the server counts them. */
function PollOptions({ message }: { message: ChatMessage }) {
  if (!message.pollOptions) return null;
  return (
    <ul className="poll-options" aria-label="Poll options">
      {message.pollOptions.map((option, index) => (
        <li key={`${option.name}-${index}`}>
          <span>{option.name}</span>
          {option.votes !== undefined && <span className="hint"> {option.votes} vote{option.votes === 1 ? '' : 's'}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * One message as a chat bubble: mine on the right, theirs on the left; in a group, theirs
 * carry the sender's name. What it is (text, caption, media kind, poll), its reactions, then its
 * time and marks under it. Its actions are a menu on the bubble.
 */
export function MessageItem({ message, context }: { message: ChatMessage; context: MessageContext }) {
  const sender = senderLabel(message, { id: context.chatId, name: context.chatName }, context.names);
  const kind = describeKind(message);
  const time = showTime(message.time);
  return (
    <li className={`message ${message.fromMe ? 'mine' : 'theirs'}`} aria-label={`${sender}${time ? ` at ${time}` : ''}`}>
      <div className="bubble">
        {context.isGroup && !message.fromMe && <p className="message-sender">{sender}</p>}
        {message.deleted ? (
          <p className="message-text hint">This message was deleted.</p>
        ) : (
          <>
            {kind && <p className="message-kind">{kind}{message.pollQuestion ? `: ${message.pollQuestion}` : ''}</p>}
            <PollOptions message={message} />
            {message.text && !(message.pollQuestion && message.text === message.pollQuestion) && <p className="message-text">{message.text}</p>}
            {!kind && !message.text && <p className="message-text hint">(no text)</p>}
          </>
        )}
        <Reactions message={message} me={context.me} />
        <MessageActions message={message} context={context} />
      </div>
      <p className="message-meta">
        {time && <span>{time}</span>}
        {message.starred && <span className="badge">starred</span>}
        {message.pinned && <span className="badge">pinned</span>}
        {message.edited && <span className="badge plain">edited</span>}
      </p>
    </li>
  );
}
