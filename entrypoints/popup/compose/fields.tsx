import { useId, type ReactNode } from 'react';
import type { ComposeForm, FieldErrors } from '@/lib/compose';

/** What every per-type field group gets: the form, a way to change it, and the errors by field. */
export interface FieldsProps {
  form: ComposeForm;
  set(patch: Partial<ComposeForm>): void;
  errors: FieldErrors;
}

/** The error under a field, linked to it by id so a screen reader reads it with the field. */
export function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span className="error-text" id={id}>
      {text}
    </span>
  ) : null;
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'tel' | 'email' | 'url';
  placeholder?: string;
}

/** A labelled text input (or textarea) with its hint and error. */
export function TextField({ label, value, onChange, error, hint, multiline, inputMode, placeholder }: TextFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} inputMode={inputMode} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      )}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(checked: boolean): void; hint?: string }) {
  return (
    <label className="check-field">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
      {hint && <span className="hint"> {hint}</span>}
    </label>
  );
}

/** Replaces one item of a list, for the editable lists (poll options, buttons, sections). */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
