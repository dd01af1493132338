import { jidPhone, type ChatMessage } from '@/lib/answers/chats';
import { describeKind, senderLabel, showTime } from './chat-words';
import { MessageActions, type MessageContext } from './MessageActions';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');

function Reactions({ message, me }: { message: ChatMessage; me?: string }) {
  if (message.reactions.length === 0) return null;
  const who = (from: string) => (me && (jidPhone(from) === me || from === me) ? t('reactionYou') : jidPhone(from) ? `+${jidPhone(from)}` : from || t('reactionSomeone'));
  return (
    <p className="message-reactions" aria-label={t('reactions')}>
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
    <ul className="poll-options" aria-label={t('pollOptions')}>
      {message.pollOptions.map((option, index) => (
        <li key={`${option.name}-${index}`}>
          <span>{option.name}</span>
          {option.votes !== undefined && <span className="hint"> {t.count('votes', option.votes)}</span>}
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
    <li className={`message ${message.fromMe ? 'mine' : 'theirs'}`} aria-label={time ? t('senderAt', { sender, time }) : sender}>
      <div className="bubble">
        {context.isGroup && !message.fromMe && <p className="message-sender">{sender}</p>}
        {message.deleted ? (
          <p className="message-text hint">{t('messageDeleted')}</p>
        ) : (
          <>
            {kind && <p className="message-kind">{kind}{message.pollQuestion ? `: ${message.pollQuestion}` : ''}</p>}
            <PollOptions message={message} />
            {message.text && !(message.pollQuestion && message.text === message.pollQuestion) && <p className="message-text">{message.text}</p>}
            {!kind && !message.text && <p className="message-text hint">{t('noText')}</p>}
          </>
        )}
        <Reactions message={message} me={context.me} />
        <MessageActions message={message} context={context} />
      </div>
      <p className="message-meta">
        {time && <span>{time}</span>}
        {message.starred && <span className="badge">{t('badgeStarred')}</span>}
        {message.pinned && <span className="badge">{t('flagPinned')}</span>}
        {message.edited && <span className="badge plain">{t('badgeEdited')}</span>}
      </p>
    </li>
  );
}
