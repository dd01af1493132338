import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '@/lib/warest/api-result';
import type { Fact } from '../../../lib/answers/account';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData } from '@/lib/messaging/call-operation';
import { callActive } from './run-operation';

/**
 * What the Profile and Server views share: one call to the background for the active server, a
 * hook that loads one answer (with its error in words), and a definition list of facts.
 */

export interface Loaded {
  data: OperationData | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads one operation's answer when the view opens (and again on reload or when `key` changes). */
export function useAnswer(operationId: OperationId, inputs: Record<string, unknown>, key: string): Loaded {
  const [state, setState] = useState<Omit<Loaded, 'reload'>>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    void callActive(operationId, inputs).then((reply) => {
      if (!live) return;
      setState(reply.ok ? { data: reply.data, error: null, loading: false } : { data: null, error: reply.error, loading: false });
    });
    return () => {
      live = false;
    };
    // `inputs` is described by `key`: a new object each render must not reload.
  }, [operationId, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
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

/** "Loading…" while loading, the error's sentence (role=alert) on failure, else nothing. */
export function LoadState(props: { loaded: Loaded; what: string; explain?: (error: ApiError) => string }) {
  const { loaded, what, explain } = props;
  if (loaded.loading && !loaded.data) return <p className="hint" aria-busy="true">Loading {what}…</p>;
  if (loaded.error) return <p className="error-text" role="alert">{explain ? explain(loaded.error) : loaded.error.message}</p>;
  return null;
}
