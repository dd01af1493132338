import { POLL_MAX_OPTIONS } from '@/lib/compose';
import { textsOf } from '@/lib/i18n';
import { CheckField, FieldError, TextField, removeAt, replaceAt, type FieldsProps } from './fields';

const t = textsOf('compose');

/** A poll: the question, 2–12 options, and whether several answers are allowed. */
export function PollFields({ form, set, errors }: FieldsProps) {
  const options = form.pollOptions;
  return (
    <>
      <TextField label={t('question')} value={form.question} onChange={(question) => set({ question })} error={errors.question} />
      <fieldset className="compose-group">
        <legend>{t('options')}</legend>
        <ol className="compose-items">
          {options.map((option, index) => (
            <li key={index} className="compose-item">
              <input aria-label={t('option', { n: index + 1 })} value={option} aria-invalid={errors.pollOptions && !option.trim() ? true : undefined} onChange={(event) => set({ pollOptions: replaceAt(options, index, event.target.value) })} />
              <button type="button" aria-label={t('removeOption', { n: index + 1 })} disabled={options.length <= 1} onClick={() => set({ pollOptions: removeAt(options, index) })}>
                ×
              </button>
            </li>
          ))}
        </ol>
        <button type="button" disabled={options.length >= POLL_MAX_OPTIONS} onClick={() => set({ pollOptions: [...options, ''] })}>
          {t('addOption')}
        </button>
        <FieldError id="poll-options-error" text={errors.pollOptions} />
      </fieldset>
      <CheckField label={t('multipleAnswers')} checked={form.multipleAnswers} onChange={(multipleAnswers) => set({ multipleAnswers })} />
      {form.multipleAnswers && (
        <TextField label={t('maxSelection')} value={form.maxSelection} onChange={(maxSelection) => set({ maxSelection })} error={errors.maxSelection} inputMode="numeric" hint={t('maxSelectionHint')} />
      )}
    </>
  );
}
