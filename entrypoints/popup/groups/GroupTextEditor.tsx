import { useId, useState } from 'react';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');
const common = textsOf('common');

/**
 * A value shown as text with an edit button; editing opens a small form. Used for the group's
 * name and description. `save` answers whether it worked (the form stays open when not). An
 * empty value is refused with `emptyProblem`'s words; without them it may be empty.
 */
export function GroupTextEditor(props: {
  label: string;
  value: string;
  editLabel: string;
  saveLabel: string;
  multiline?: boolean;
  maxLength: number;
  disabledReason?: string;
  emptyProblem?: string;
  save: (value: string) => Promise<boolean>;
}) {
  const { label, value, editLabel, saveLabel, multiline, maxLength, disabledReason, emptyProblem, save } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const trimmed = draft.trim();
  const problem = emptyProblem !== undefined && !trimmed ? emptyProblem : draft.length > maxLength ? t('tooLong', { limit: maxLength, count: draft.length }) : null;

  if (!editing) {
    return (
      <button type="button" className="small" disabled={!!disabledReason} title={disabledReason} onClick={() => { setDraft(value); setEditing(true); }}>
        {editLabel}
      </button>
    );
  }
  const submit = async () => {
    if (problem) return;
    setBusy(true);
    const done = await save(multiline ? draft : trimmed);
    setBusy(false);
    if (done) setEditing(false);
  };
  return (
    <form className="inline-editor" aria-label={editLabel} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label htmlFor={inputId}>{label}</label>
      {multiline ? (
        <textarea id={inputId} rows={4} value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={!!problem} />
      ) : (
        <input id={inputId} value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={!!problem} autoComplete="off" />
      )}
      {problem && <span className="error-text">{problem}</span>}
      <div className="actions compact">
        <button type="submit" className="primary" disabled={busy || !!problem || draft === value}>{busy ? t('saving') : saveLabel}</button>
        <button type="button" onClick={() => setEditing(false)}>{common('cancel')}</button>
      </div>
    </form>
  );
}
