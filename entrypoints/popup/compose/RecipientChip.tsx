import type { RecipientValue } from '@/lib/recipient';
import { textsOf } from '@/lib/i18n';

const t = textsOf('compose');
const common = textsOf('common');

/**
 * The recipient a chat handed over, by name and kind ("Core Team, group"), instead of its id in
 * the number field; "Change" opens the full picker.
 */
export function RecipientChip({ recipient, onChange }: { recipient: RecipientValue; onChange: () => void }) {
  const kind = recipient.mode === 'group' ? t('kindGroup') : t('kindPerson');
  const name = recipient.label ?? recipient.jid;
  return (
    <div className="recipient-chip" role="group" aria-label={common('recipient')}>
      <span className="recipient-chip-label">{t('to')}</span>
      <span className="chip" aria-label={t('chip', { name: name ?? '', kind })}>
        <strong>{name}</strong>
        <span className="hint"> {kind}</span>
      </span>
      <button type="button" className="small" onClick={onChange}>{t('changeRecipient')}</button>
    </div>
  );
}
