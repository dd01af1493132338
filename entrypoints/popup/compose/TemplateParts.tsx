import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { readChecked, templatesItem, watchChecked, type MessageTemplate } from '@/lib/storage';
import { byName, variablesOf } from '@/lib/templates';
import { textsOf } from '@/lib/i18n';
import { TextField } from './fields';

const t = textsOf('compose');
const common = textsOf('common');

/** Opens the templates page in a tab. */
export function openTemplatesPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#templates') });
}

/** "Insert template": a saved template put into the message (at its end, or as the message). */
export function InsertTemplate({ onInsert }: { onInsert(template: MessageTemplate): void }) {
  const [templates, setTemplates] = useState<MessageTemplate[] | null>(null);
  const [chosen, setChosen] = useState('');
  const pickId = useId();
  useEffect(() => {
    void readChecked(templatesItem).then(setTemplates);
    return watchChecked(templatesItem, setTemplates);
  }, []);
  if (!templates) return null;
  const sorted = byName(templates);
  const picked = sorted.find((template) => template.id === chosen) ?? sorted[0];
  return (
    <div className="field compose-template">
      <label htmlFor={pickId}>{common('template')}</label>
      {sorted.length === 0 ? (
        <p className="hint">
          {t('noTemplates')}{' '}
          <button type="button" className="link" onClick={openTemplatesPage}>{common('addTemplates')}</button>
        </p>
      ) : (
        <div className="field-row">
          <select id={pickId} value={picked?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {sorted.map((template) => (
              <option key={template.id} value={template.id}>{template.name}</option>
            ))}
          </select>
          <button type="button" onClick={() => picked && onInsert(picked)}>{t('insertTemplate')}</button>
          <button type="button" className="link" onClick={openTemplatesPage}>{t('manage')}</button>
        </div>
      )}
    </div>
  );
}

/** A field per variable the message uses: its value for this message (its fallback when left empty). */
export function VariableFields({ text, values, onChange, errors }: { text: string; values: Record<string, string>; onChange(name: string, value: string): void; errors: Record<string, string> }) {
  const variables = variablesOf(text);
  if (variables.length === 0) return null;
  return (
    <fieldset className="compose-group" aria-label={common('variables')}>
      <legend>{common('variables')}</legend>
      {variables.map((v) => (
        <TextField
          key={v.name.toLowerCase()}
          label={common('variableValue', { name: v.name })}
          value={values[v.name.toLowerCase()] ?? ''}
          onChange={(value) => onChange(v.name.toLowerCase(), value)}
          error={errors[variableErrorKey(v.name)]}
          placeholder={v.fallback !== undefined ? common('variableFallback', { fallback: v.fallback }) : undefined}
          hint={v.fallback === undefined ? t('neededNoFallback') : undefined}
        />
      ))}
    </fieldset>
  );
}

export const variableErrorKey = (name: string) => `variable:${name.trim().toLowerCase()}`;
