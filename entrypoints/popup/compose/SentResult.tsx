import { CopyIcon } from '@/components/CopyIcon';
import type { SentMessage } from '@/lib/compose';
import { clipboardRefused, copyText } from '@/lib/ui/clipboard';
import { textsOf } from '@/lib/i18n';

const t = textsOf('compose');

/** What was sent: the message id(s), each with a copy button, and any files the server refused. */
export function SentResult({ sent, to, onCopied }: { sent: SentMessage; to: string; onCopied(text: string, ok: boolean): void }) {
  const copy = (id: string) => void copyText(id).then((ok) => onCopied(ok ? t('copiedId', { id }) : clipboardRefused(), ok));
  return (
    <section className="compose-sent" role="status" aria-label={t('sent')}>
      <p>
        {t('sentTo', { to })}
        {sent.confirmedFromChat && t('foundInChat')}
        {sent.messageIds.length === 0 && t('noMessageId')}
      </p>
      {sent.messageIds.length > 0 && (
        <ul aria-label={t('messageIds')}>
          {sent.messageIds.map((id) => (
            <li key={id}>
              {t('messageId')} <code>{id}</code>{' '}
              <button type="button" className="icon" aria-label={t('copyMessageId', { id })} onClick={() => copy(id)}>
                <CopyIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {sent.blocked.length > 0 && <p className="warning-text">{t('blocked', { list: sent.blocked.join('; ') })}</p>}
    </section>
  );
}
