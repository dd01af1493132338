import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { API_PREFIX, type Operation } from '@/lib/warest/catalog';
import { toCurl } from '@/lib/explorer/curl';
import { FieldControl } from './FieldControl';
import { ResultView } from './ResultView';
import { activeProfile, useProfileChoice } from '@/lib/ui/profile-choice';
import { currentForm, useExplorerStore } from './store';
import { copyText } from '@/lib/ui/clipboard';
import { textsOf } from '@/lib/i18n';

const t = textsOf('actions');

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
      note: copied ? t('curlCopied') : t('curlRefused'),
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
        {operation.needsSession && <span className="badge plain">{t('actsOnSession')}</span>}
        {operation.adminOnly && <span className="badge warn">{t('adminOnly')}</span>}
        {operation.destructive && <span className="badge danger">{t('destructive')}</span>}
        {operation.inputs.length === 0 && <span className="badge plain">{t('noInputs')}</span>}
      </p>
      <form ref={formRef} noValidate onSubmit={submit} aria-label={t('formLabel', { label: operation.label })}>
        {operation.inputs.map((input) => (
          <FieldControl key={`${operation.id}:${input.name}`} input={input} sessions={sessions} error={showErrors ? errors[input.name] : undefined} />
        ))}
        {showErrors && errorCount > 0 && (
          <p className="error-text" role="alert">
            {t.count('needAttention', errorCount, { fields: operation.inputs.filter((i) => errors[i.name]).map((i) => i.label).join(', ') })}
          </p>
        )}
        <div className="actions">
          <button type="submit" className={operation.destructive ? 'danger' : 'primary'} disabled={running || !profile}>
            {running ? t('running') : t('run')}
          </button>
          <button type="button" onClick={() => void copyCurl()} disabled={!profile}>{t('copyCurl')}</button>
        </div>
      </form>
      {curl && (
        <div className="curl" role="status">
          <p>{curl.note}</p>
          {curl.text && <pre aria-label={t('curlCommand')}>{curl.text}</pre>}
        </div>
      )}
      {running && <p className="hint" aria-busy="true">{profile ? t('waitingFor', { server: profile.name }) : t('waitingForServer')}</p>}
      <ResultView />
      {confirming && (
        <ConfirmDialog
          title={t('runTitle', { label: operation.label })}
          confirmLabel={t('run')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(inputs);
          }}
        >
          {profile ? t('destructiveBody', { server: profile.name }) : t('destructiveBodyServer')}
          {typeof inputs.sessionId === 'string' && t('sessionSuffix', { session: inputs.sessionId })}
        </ConfirmDialog>
      )}
    </section>
  );
}
