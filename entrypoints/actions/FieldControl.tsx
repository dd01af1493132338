import { useId } from 'react';
import type { OperationInput } from '@/lib/warest/catalog';
import { fieldKind, typeHint } from '@/lib/explorer/form';
import { filePayloadFromBlob, type FilePayload } from '@/lib/warest/file-payload';
import type { SessionSummary } from '@/lib/sessions';
import { useExplorerStore } from './store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('actions');

/**
 * One input of an operation as a labelled control chosen by its type. The label is the
 * catalog's; required fields are marked and described; the error, when shown, sits under it.
 */
export function FieldControl(props: { input: OperationInput; error?: string; sessions: readonly SessionSummary[] }) {
  const { input, error, sessions } = props;
  const id = useId();
  const value = useExplorerStore((s) => s.form.text[input.name] ?? '');
  const picked = useExplorerStore((s) => s.form.files[input.name]);
  const setText = useExplorerStore((s) => s.setText);
  const setFiles = useExplorerStore((s) => s.setFiles);
  const kind = fieldKind(input);
  const hint = [input.help, typeHint(input)].filter(Boolean).join(' ');
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-required': input.required || undefined,
  };

  async function pick(files: FileList | null) {
    const payloads: FilePayload[] = [];
    for (const file of Array.from(files ?? [])) payloads.push(await filePayloadFromBlob(file, file.name));
    setFiles(input.name, payloads);
  }

  let control;
  switch (kind) {
    case 'checkbox':
      control = <input {...common} type="checkbox" checked={value === 'true'} onChange={(e) => setText(input.name, String(e.target.checked))} />;
      break;
    case 'yes-no':
      control = (
        <select {...common} value={value} onChange={(e) => setText(input.name, e.target.value)}>
          <option value="">{t('notSet')}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      );
      break;
    case 'choice':
      control = (
        <select {...common} value={value} onChange={(e) => setText(input.name, e.target.value)}>
          <option value="">{input.required ? t('choose') : t('notSet')}</option>
          {input.options?.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      );
      break;
    case 'long-text':
    case 'list':
    case 'json':
    case 'files':
      control = (
        <textarea
          {...common}
          className={kind === 'json' || kind === 'files' ? 'code' : undefined}
          rows={kind === 'json' ? 5 : 3}
          spellCheck={kind === 'long-text'}
          value={value}
          onChange={(e) => setText(input.name, e.target.value)}
        />
      );
      break;
    case 'number':
      control = <input {...common} inputMode={input.type === 'integer' ? 'numeric' : 'decimal'} value={value} onChange={(e) => setText(input.name, e.target.value)} />;
      break;
    case 'session':
      control = (
        <>
          <input {...common} list={`${id}-sessions`} autoComplete="off" spellCheck={false} value={value} onChange={(e) => setText(input.name, e.target.value)} />
          <datalist id={`${id}-sessions`}>
            {sessions.map((session) => <option key={session.id} value={session.id}>{session.status}</option>)}
          </datalist>
        </>
      );
      break;
    default:
      control = <input {...common} autoComplete="off" spellCheck={false} value={value} onChange={(e) => setText(input.name, e.target.value)} />;
  }

  const fileNames = picked?.map((file) => file.name).join(', ');
  return (
    <div className={kind === 'checkbox' ? 'check' : 'field'}>
      {kind === 'checkbox' && control}
      {/* The required mark is drawn by CSS: the label's text stays exactly the catalog's label. */}
      <label htmlFor={id} className={input.required ? 'required' : undefined}>
        {input.label}
      </label>
      {kind !== 'checkbox' && control}
      {(kind === 'file' || kind === 'files') && (
        <div className="file-pick">
          <input type="file" multiple={kind === 'files'} aria-label={t(kind === 'files' ? 'chooseFiles' : 'chooseFile', { label: input.label })} onChange={(e) => void pick(e.target.files)} />
          {fileNames && (
            <span className="hint">
              {t('chosenFiles', { files: fileNames })}{' '}
              <button type="button" className="link" onClick={() => setFiles(input.name, [])}>{t('clear')}</button>
            </span>
          )}
        </div>
      )}
      <p id={`${id}-hint`} className="hint">
        {input.required ? t('requiredPrefix') : ''}
        {hint} <code className="type-tag">{input.in} · {input.name}</code>
      </p>
      {error && <p id={`${id}-error`} className="error-text">{error}</p>}
    </div>
  );
}
