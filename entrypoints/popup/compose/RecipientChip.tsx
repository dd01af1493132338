import type { RecipientValue } from '@/lib/recipient';

/**
 * The recipient a chat handed over, by name and kind ("Core Team, group"), instead of its id in
 * the number field; "Change" opens the full picker.
 */
export function RecipientChip({ recipient, onChange }: { recipient: RecipientValue; onChange: () => void }) {
  const kind = recipient.mode === 'group' ? 'group' : 'person';
  return (
    <div className="recipient-chip" role="group" aria-label="Recipient">
      <span className="recipient-chip-label">To</span>
      <span className="chip" aria-label={`${recipient.label ?? recipient.jid}, ${kind}`}>
        <strong>{recipient.label ?? recipient.jid}</strong>
        <span className="hint"> {kind}</span>
      </span>
      <button type="button" className="small" onClick={onChange}>Change recipient</button>
    </div>
  );
}
