import { useId, useState } from 'react';
import type { ImportPlan, PlannedAction } from '@/lib/transfer/settings-file';
import { applyFile, exportSettings, MIN_PASSPHRASE, planFile, readFile, type ImportChoices, type Outcome } from './transfer-actions';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

/** Export of the servers and settings to a file, and import of one, shown before it is applied. */
export function TransferSection() {
  return (
    <section className="card transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transferTitle')}</h2>
      <ExportForm />
      <ImportForm />
    </section>
  );
}

function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <div className={`banner ${outcome.tone}`} role={outcome.tone === 'ok' ? 'status' : 'alert'}>
      {outcome.text}
    </div>
  );
}

function ExportForm() {
  const [withKeys, setWithKeys] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ids = { pass: useId(), again: useId() };
  const problem = !withKeys
    ? null
    : passphrase.length < MIN_PASSPHRASE
      ? t('passphraseShort', { min: MIN_PASSPHRASE })
      : passphrase !== again
        ? t('passphrasesDiffer')
        : null;
  return (
    <form
      aria-label={t('export')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        setBusy(true);
        setOutcome(null);
        void exportSettings(withKeys ? passphrase : null).then((result) => {
          setBusy(false);
          setOutcome(result);
        });
      }}
    >
      <h3>{t('export')}</h3>
      <p className="hint">{t('exportHint')}</p>
      <label className="check">
        <input type="checkbox" checked={withKeys} onChange={(e) => setWithKeys(e.target.checked)} />
        <span>{t('includeKeys')}</span>
      </label>
      {withKeys && (
        <>
          <div className="field">
            <label htmlFor={ids.pass}>{t('passphrase')}</label>
            <input id={ids.pass} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-invalid={!!problem && passphrase.length > 0} />
          </div>
          <div className="field">
            <label htmlFor={ids.again}>{t('passphraseAgain')}</label>
            <input id={ids.again} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
            {problem && <span className="hint">{problem}</span>}
          </div>
          <p className="hint">{t('passphraseWarning')}</p>
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !!problem}>{busy ? t('exporting') : withKeys ? t('exportWithKeys') : t('exportWithoutKeys')}</button>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}

function describe(step: PlannedAction): string {
  const where = `${step.server.name} (${step.server.baseUrl})`;
  switch (step.action) {
    case 'add':
      return t(step.key ? 'planAdd' : 'planAddNoKey', { where });
    case 'replace':
      return t(step.key ? 'planReplaceKey' : 'planReplace', { where, changes: step.changes.join(', ') });
    case 'keep':
      return t(step.key ? 'planKeepKey' : 'planKeep', { where, changes: step.changes.join(', ') });
    case 'same':
      return t(step.key ? 'planSameKey' : 'planSame', { where });
  }
}

function PlanView({ plan }: { plan: ImportPlan }) {
  return (
    <div role="region" aria-label={t('planRegion')}>
      <ul className="plan">
        {plan.servers.map((step) => <li key={step.server.baseUrl}>{describe(step)}</li>)}
        {plan.settings.map((line) => <li key={line}>{t('planSetting', { setting: line })}</li>)}
        {plan.skipped.map((s) => <li key={`skip-${s.name}`}>{t('planSkip', { name: s.name, reason: s.reason })}</li>)}
      </ul>
      {!plan.changes && <p className="hint">{t('planNothing')}</p>}
    </div>
  );
}

function ImportForm() {
  const [text, setText] = useState<string | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({ passphrase: '', withoutKeys: false, replace: false, withSettings: false });
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ids = { file: useId(), pass: useId() };
  // Any change of the file or a choice needs a new look before importing.
  const choose = (changes: Partial<ImportChoices>) => {
    setChoices((c) => ({ ...c, ...changes }));
    setPlan(null);
  };

  async function check() {
    if (text === null) return;
    setBusy('check');
    setOutcome(null);
    setPlan(null);
    const answer = await planFile(text, choices);
    setBusy(null);
    if (answer.outcome === 'error') return setOutcome({ tone: 'error', text: answer.message });
    if (answer.outcome === 'problem') {
      if (answer.problem === 'needs-passphrase' || answer.problem === 'wrong-passphrase') setNeedsPassphrase(true);
      return setOutcome({ tone: 'error', text: answer.message });
    }
    if (answer.hasKeys) setNeedsPassphrase(true);
    setPlan(answer.plan);
  }

  async function apply() {
    if (text === null || !plan) return;
    setBusy('import');
    const result = await applyFile(text, choices, plan);
    setBusy(null);
    setOutcome(result);
    if (result.tone !== 'error') setPlan(null);
  }

  return (
    <form
      aria-label={t('import')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void check();
      }}
    >
      <h3>{t('import')}</h3>
      <div className="field">
        <label htmlFor={ids.file}>{t('settingsFile')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setPlan(null);
            setOutcome(null);
            setNeedsPassphrase(false);
            setText(null);
            if (!file) return;
            void readFile(file).then((read) => ('text' in read ? setText(read.text) : setOutcome({ tone: 'error', text: read.problem })));
          }}
        />
      </div>
      {needsPassphrase && (
        <>
          <div className="field">
            <label htmlFor={ids.pass}>{t('filePassphrase')}</label>
            <input id={ids.pass} type="password" autoComplete="off" value={choices.passphrase} onChange={(e) => choose({ passphrase: e.target.value })} />
          </div>
          <label className="check">
            <input type="checkbox" checked={choices.withoutKeys} onChange={(e) => choose({ withoutKeys: e.target.checked })} />
            <span>{t('importWithoutKeys')}</span>
          </label>
        </>
      )}
      <label className="check">
        <input type="checkbox" checked={choices.replace} onChange={(e) => choose({ replace: e.target.checked })} />
        <span>{t('replaceServers')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={choices.withSettings} onChange={(e) => choose({ withSettings: e.target.checked })} />
        <span>{t('importSettings')}</span>
      </label>
      <div className="actions">
        <button type="submit" disabled={text === null || busy !== null}>{busy === 'check' ? t('checking') : t('checkFile')}</button>
        {plan && (
          <button type="button" className="primary" disabled={!plan.changes || busy !== null} onClick={() => void apply()}>
            {busy === 'import' ? t('importing') : t('import')}
          </button>
        )}
      </div>
      {plan && <PlanView plan={plan} />}
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
