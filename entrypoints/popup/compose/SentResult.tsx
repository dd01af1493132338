import { CopyIcon } from '@/components/CopyIcon';
import type { SentMessage } from '@/lib/compose';
import { clipboardRefused, copyText } from '@/lib/ui/clipboard';

/** What was sent: the message id(s), each with a copy button, and any files the server refused. */
export function SentResult({ sent, to, onCopied }: { sent: SentMessage; to: string; onCopied(text: string, ok: boolean): void }) {
  const copy = (id: string) => void copyText(id).then((ok) => onCopied(ok ? `Copied message id ${id}.` : clipboardRefused(), ok));
  return (
    <section className="compose-sent" role="status" aria-label="Sent">
      <p>
        Sent to {to}.{sent.confirmedFromChat && ' (Its answer never came; the message was found in the chat.)'}{sent.messageIds.length === 0 && ' The server did not give a message id.'}
      </p>
      {sent.messageIds.length > 0 && (
        <ul aria-label="Message ids">
          {sent.messageIds.map((id) => (
            <li key={id}>
              Message id <code>{id}</code>{' '}
              <button type="button" className="icon" aria-label={`Copy message id ${id}`} onClick={() => copy(id)}>
                <CopyIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {sent.blocked.length > 0 && <p className="warning-text">Not sent: {sent.blocked.join('; ')}.</p>}
    </section>
  );
}
