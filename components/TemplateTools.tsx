import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { readChecked, templatesItem, watchChecked, type MessageTemplate } from '@/lib/storage';
import { byName, fillVariables, variablesOf, type Filled } from '@/lib/templates';
import { textsOf } from '@/lib/i18n';

const t = textsOf('common');

/**
 * Templates in the send windows: a picker that puts a saved template into the text, and a field
 * for each {{variable}} the text uses. A variable with no value and no fallback keeps Send off and
 * says which, so a literal "{{name}}" never reaches a chat.
 */

export function useTemplates(): MessageTemplate[] | null {
  const [templates, setTemplates] = useState<MessageTemplate[] | null>(null);
  useEffect(() => {
    void readChecked(templatesItem).then(setTemplates);
    return watchChecked(templatesItem, setTemplates);
  }, []);
  return templates;
}

const openTemplates = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#templates') });

export function TemplatePicker({ onPick, disabled }: { onPick(template: MessageTemplate): void; disabled?: boolean }) {
  const templates = useTemplates();
  const [chosen, setChosen] = useState('');
  const id = useId();
  if (!templates) return null;
  if (templates.length === 0) {
    return (
      <p className="hint">
        {t('noTemplates')} <button type="button" className="link" onClick={openTemplates}>{t('addTemplates')}</button>
      </p>
    );
  }
  const sorted = byName(templates);
  const picked = sorted.find((template) => template.id === chosen) ?? sorted[0]!;
  return (
    <div className="field">
      <label htmlFor={id}>{t('template')}</label>
      <div className="field-row">
        <select id={id} value={picked.id} disabled={disabled} onChange={(e) => setChosen(e.target.value)}>
          {sorted.map((template) => <option key={template.id} value={template.id}>{template.name}</option>)}
        </select>
        <button type="button" disabled={disabled} onClick={() => onPick(picked)}>{t('useTemplate')}</button>
      </div>
    </div>
  );
}

/** The values typed for a text's variables, and the text filled in with them. */
export function useVariables(text: string): { values: Record<string, string>; setValue(name: string, value: string): void; filled: Filled } {
  const [values, setValues] = useState<Record<string, string>>({});
  return { values, setValue: (name, value) => setValues((v) => ({ ...v, [name]: value })), filled: fillVariables(text, values) };
}

export function VariableInputs({ text, values, setValue, filled, disabled }: { text: string; values: Record<string, string>; setValue(name: string, value: string): void; filled: Filled; disabled?: boolean }) {
  const variables = variablesOf(text);
  const baseId = useId();
  if (variables.length === 0) return null;
  const missing = new Set(filled.ok ? [] : filled.missing.map((n) => n.toLowerCase()));
  return (
    <fieldset className="card" aria-label={t('variables')}>
      <legend>{t('variables')}</legend>
      {variables.map((v, index) => {
        const key = v.name.toLowerCase();
        const id = `${baseId}-${index}`;
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>{t('variableValue', { name: v.name })}</label>
            <input id={id} value={values[key] ?? ''} disabled={disabled} aria-invalid={missing.has(key) || undefined} placeholder={v.fallback !== undefined ? t('variableFallback', { fallback: v.fallback }) : undefined} onChange={(e) => setValue(key, e.target.value)} />
          </div>
        );
      })}
      {!filled.ok && <p className="error-text" role="alert">{filled.error}</p>}
    </fieldset>
  );
}
