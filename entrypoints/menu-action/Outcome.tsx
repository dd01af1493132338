import { OUTCOME_WORDS, type NumberResult } from '@/lib/answers/menu-results';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

export interface OutcomeState {
  ok: boolean;
  text: string;
}

/** How an action went, in words (role status when it worked, alert when it did not). */
export function Outcome({ outcome }: { outcome: OutcomeState }) {
  return (
    <p className={`banner ${outcome.ok ? 'ok' : 'error'}`} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}

/** One line per number: what became of it, and why when it did not work. */
export function NumberResults({ results }: { results: readonly NumberResult[] }) {
  return (
    <ul className="results" aria-label={t('results')}>
      {results.map((r) => (
        <li key={r.digits} className={`outcome-${r.outcome}`}>
          <span className="mono">+{r.digits}</span> <strong>{OUTCOME_WORDS[r.outcome]}</strong>
          {r.reason && <span className="hint"> — {r.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
