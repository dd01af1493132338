import type { ReactNode } from 'react';
import type { ApiError } from '@/lib/warest/api-result';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData, OperationInputs } from '@/lib/messaging/call-operation';
import { useLatest } from '@/components/use-latest';
import type { Fact } from '@/lib/answers/account';
import { textsOf } from '@/lib/i18n';
import { callActive } from './run-operation';

const t = textsOf('popupshared');

/**
 * What the Profile and Server views share: one operation's answer for the active server (with
 * its error in words), and a definition list of facts.
 */

export interface Loaded {
  /** The answer; null while the first one loads and when the newest one failed (the error says why). */
  data: OperationData | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads one operation's answer when the view opens (and again on reload or when `key` changes). */
export function useAnswer(operationId: OperationId, inputs: OperationInputs, key: string): Loaded {
  // `inputs` is described by `key`: a new object each render must not reload.
  const latest = useLatest(() => callActive(operationId, inputs), [operationId, key]);
  return { data: latest.error ? null : latest.data, error: latest.error, loading: latest.loading, reload: latest.reload };
}

/** Label/value pairs as a definition list (empty facts say so instead). */
export function FactList(props: { label: string; facts: readonly Fact[]; empty: string }) {
  if (props.facts.length === 0) return <p className="hint">{props.empty}</p>;
  return (
    <dl className="facts" aria-label={props.label}>
      {props.facts.map((f) => (
        <div key={f.label} className="fact">
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Skeleton bars and "Loading…" while loading, the error's sentence (role=alert) on failure, else nothing. */
export function LoadState(props: { loaded: Loaded; what: string; explain?: (error: ApiError) => string }) {
  const { loaded, what, explain } = props;
  if (loaded.loading && !loaded.data) {
    // Bars where the answer will be, so the view does not jump when it comes.
    return (
      <div aria-busy="true">
        <span className="skeleton" aria-hidden="true" style={{ width: '85%' }} />
        <span className="skeleton" aria-hidden="true" style={{ width: '60%' }} />
        <p className="hint">{t('loading', { what })}</p>
      </div>
    );
  }
  if (loaded.error) return <p className="error-text" role="alert">{explain ? explain(loaded.error) : loaded.error.message}</p>;
  return null;
}

/**
 * A section that reads one answer and shows it as facts: its heading, the loading or failure in
 * words, then the facts (or what to say when there are none).
 */
export function FactsSection(props: {
  title: string;
  /** The facts list's accessible name. */
  label: string;
  operationId: OperationId;
  sessionId: string;
  what: string;
  empty: string;
  read(data: NonNullable<Loaded['data']>): readonly Fact[];
  children?: ReactNode;
}) {
  const loaded = useAnswer(props.operationId, { sessionId: props.sessionId }, props.sessionId);
  return (
    <section className="profile-section" aria-label={props.title}>
      <h3>{props.title}</h3>
      <LoadState loaded={loaded} what={props.what} />
      {loaded.data && <FactList label={props.label} facts={props.read(loaded.data)} empty={props.empty} />}
      {props.children}
    </section>
  );
}
