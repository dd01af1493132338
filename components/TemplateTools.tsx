import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { readChecked, templatesItem, watchChecked, type MessageTemplate } from '@/lib/storage';
import { byName, fillVariables, variablesOf, type Filled } from '@/lib/templates';

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
        No message templates yet. <button type="button" className="link" onClick={openTemplates}>Add templates</button>
      </p>
    );
  }
  const sorted = byName(templates);
  const picked = sorted.find((t) => t.id === chosen) ?? sorted[0]!;
  return (
    <div className="field">
      <label htmlFor={id}>Template</label>
      <div className="field-row">
        <select id={id} value={picked.id} disabled={disabled} onChange={(e) => setChosen(e.target.value)}>
          {sorted.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
        <button type="button" disabled={disabled} onClick={() => onPick(picked)}>Use template</button>
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
    <fieldset className="card" aria-label="Variables">
      <legend>Variables</legend>
      {variables.map((v, index) => {
        const key = v.name.toLowerCase();
        const id = `${baseId}-${index}`;
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>{`Value for {{${v.name}}}`}</label>
            <input id={id} value={values[key] ?? ''} disabled={disabled} aria-invalid={missing.has(key) || undefined} placeholder={v.fallback !== undefined ? `empty: “${v.fallback}”` : undefined} onChange={(e) => setValue(key, e.target.value)} />
          </div>
        );
      })}
      {!filled.ok && <p className="error-text" role="alert">{filled.error}</p>}
    </fieldset>
  );
}
