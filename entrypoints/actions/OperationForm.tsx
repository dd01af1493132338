import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { API_PREFIX, type Operation } from '@/lib/warest/catalog';
import { toCurl } from '@/lib/explorer/curl';
import { FieldControl } from './FieldControl';
import { ResultView } from './ResultView';
import { activeProfile, useProfileChoice } from '@/lib/ui/profile-choice';
import { currentForm, useExplorerStore } from './store';
import { copyText } from '@/lib/ui/clipboard';

/** The chosen operation: what it is, its generated form, Run and Copy as cURL, and the outcome. */
export function OperationForm({ operation }: { operation: Operation }) {
  const state = useExplorerStore();
  const { snapshots, showErrors, running, revealErrors, run } = state;
  const choice = useProfileChoice();
  const profileId = choice.activeProfileId;
  const { inputs, errors } = currentForm(state);
  const [confirming, setConfirming] = useState(false);
  const [curl, setCurl] = useState<{ text: string; note: string } | null>(null);
  const profile = activeProfile(choice);
  const sessions = profileId ? (snapshots[profileId]?.sessions ?? []) : [];
  const errorCount = Object.keys(errors).length;
  const formRef = useRef<HTMLFormElement>(null);
  // Enter in the search lands here: the first field (or Run, for an operation without inputs).
  useEffect(() => {
    if (!useExplorerStore.getState().focusForm) return;
    formRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    useExplorerStore.getState().formFocused();
  }, []);

  function check(): boolean {
    revealErrors();
    if (errorCount === 0) return true;
    // Take the person to the first field that needs them (after React marks the fields).
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return false;
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!check()) return;
    if (operation.destructive) setConfirming(true);
    else void run(inputs);
  }

  async function copyCurl() {
    if (!profile || !check()) return;
    const built = toCurl(profile.baseUrl, operation, inputs);
    if (!built.ok) return setCurl({ text: '', note: built.error.message });
    const copied = await copyText(built.command);
    setCurl({
      text: built.command,
      note: copied ? 'Copied. The command reads your API key from $WAREST_API_KEY: set that variable first.' : 'The browser refused clipboard access; select the command below and copy it.',
    });
  }

  return (
    <section className="operation" aria-labelledby="operation-title">
      <h2 id="operation-title">{operation.label}</h2>
      <p className="operation-meta">
        <span className={`method method-${operation.method.toLowerCase()}`}>{operation.method}</span> <code>{API_PREFIX}{operation.path}</code>
        <span className="hint"> · {operation.category} · <code>{operation.id}</code></span>
      </p>
      <p className="badges">
        {operation.needsSession && <span className="badge plain">acts on a session</span>}
        {operation.adminOnly && <span className="badge warn">admin key only</span>}
        {operation.destructive && <span className="badge danger">asks before running: cannot be undone</span>}
        {operation.inputs.length === 0 && <span className="badge plain">no inputs</span>}
      </p>
      <form ref={formRef} noValidate onSubmit={submit} aria-label={`${operation.label} inputs`}>
        {operation.inputs.map((input) => (
          <FieldControl key={`${operation.id}:${input.name}`} input={input} sessions={sessions} error={showErrors ? errors[input.name] : undefined} />
        ))}
        {showErrors && errorCount > 0 && (
          <p className="error-text" role="alert">
            {errorCount === 1 ? 'One field needs attention' : `${errorCount} fields need attention`}: {operation.inputs.filter((i) => errors[i.name]).map((i) => i.label).join(', ')}.
          </p>
        )}
        <div className="actions">
          <button type="submit" className={operation.destructive ? 'danger' : 'primary'} disabled={running || !profile}>
            {running ? 'Running…' : 'Run'}
          </button>
          <button type="button" onClick={() => void copyCurl()} disabled={!profile}>Copy as cURL</button>
        </div>
      </form>
      {curl && (
        <div className="curl" role="status">
          <p>{curl.note}</p>
          {curl.text && <pre aria-label="cURL command">{curl.text}</pre>}
        </div>
      )}
      {running && <p className="hint" aria-busy="true">Waiting for {profile?.name ?? 'the server'}…</p>}
      <ResultView />
      {confirming && (
        <ConfirmDialog
          title={`Run “${operation.label}”?`}
          confirmLabel="Run"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(inputs);
          }}
        >
          This changes or removes something on {profile?.name ?? 'the server'} that cannot simply be undone.
          {typeof inputs.sessionId === 'string' && ` Session: “${inputs.sessionId}”.`}
        </ConfirmDialog>
      )}
    </section>
  );
}
