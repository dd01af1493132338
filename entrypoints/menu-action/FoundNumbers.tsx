import type { PhoneListEntry } from '@/lib/phone-list';
import { findUnreadNumbers, type UnreadNumber } from '@/lib/unread-numbers';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

const SHOWN = 100;

/** The numbers found in the selection, or a clear word that there are none (and why that can be). */
/** What looked like a number but could not be read, each with its reason (never dropped silently). */
function UnreadNumbers({ unread }: { unread: readonly UnreadNumber[] }) {
  if (unread.length === 0) return null;
  return (
    <section aria-label={t('unreadLabel')}>
      <h3>{t.count('unreadCount', unread.length)}</h3>
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
        <p className="banner warn" role="alert">{t('noNumbers')}</p>
        {!country && <p className="hint">{t('noCountryHint')}</p>}
        <details>
          <summary>{t('selectedText')}</summary>
          <p className="selection">{text.slice(0, 1000)}{text.length > 1000 ? '…' : ''}</p>
        </details>
      </>
    );
  }
  const label = t.count('foundCount', numbers.length);
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      <ul className="numbers" aria-label={t('foundList')}>
        {numbers.slice(0, SHOWN).map((n) => (
          <li key={n.digits}>
            <span className="mono">+{n.digits}</span>
            {n.input.replace(/\D/g, '') !== n.digits && <span className="hint"> ({n.input})</span>}
          </li>
        ))}
      </ul>
      {numbers.length > SHOWN && <p className="hint">{t('andMore', { count: numbers.length - SHOWN })}</p>}
      <UnreadNumbers unread={unread} />
    </section>
  );
}
