import type { PhoneListEntry } from '@/lib/phone-list';
import { findUnreadNumbers, type UnreadNumber } from '@/lib/unread-numbers';

const SHOWN = 100;

/** The numbers found in the selection, or a clear word that there are none (and why that can be). */
/** What looked like a number but could not be read, each with its reason (never dropped silently). */
function UnreadNumbers({ unread }: { unread: readonly UnreadNumber[] }) {
  if (unread.length === 0) return null;
  return (
    <section aria-label="Numbers that could not be read">
      <h3>{unread.length === 1 ? '1 number could not be read' : `${unread.length} numbers could not be read`}</h3>
      <ul className="numbers">
        {unread.slice(0, SHOWN).map((n) => (
          <li key={n.input}>
            <span className="mono">{n.input}</span> <span className="hint">— {n.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FoundNumbers({ numbers, text, country }: { numbers: readonly PhoneListEntry[]; text: string; country: string }) {
  const unread = findUnreadNumbers(text, country, numbers);
  if (numbers.length === 0) {
    return (
      <>
        <UnreadNumbers unread={unread} />
        <p className="banner warn" role="alert">
          No phone numbers found in the selected text. Select text that contains phone numbers (e.g. +62 812 3456 7890 or a wa.me link) and try again.
        </p>
        {!country && (
          <p className="hint">
            Numbers written without a country code (such as 0812 3456 7890) are only recognised when a default country code is set in the extension’s settings.
          </p>
        )}
        <details>
          <summary>Selected text</summary>
          <p className="selection">{text.slice(0, 1000)}{text.length > 1000 ? '…' : ''}</p>
        </details>
      </>
    );
  }
  const label = `${numbers.length} phone number${numbers.length === 1 ? '' : 's'} found`;
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      <ul className="numbers" aria-label="Phone numbers found">
        {numbers.slice(0, SHOWN).map((n) => (
          <li key={n.digits}>
            <span className="mono">+{n.digits}</span>
            {n.input.replace(/\D/g, '') !== n.digits && <span className="hint"> ({n.input})</span>}
          </li>
        ))}
      </ul>
      {numbers.length > SHOWN && <p className="hint">…and {numbers.length - SHOWN} more.</p>}
      <UnreadNumbers unread={unread} />
    </section>
  );
}
