import { textsOf } from '@/lib/i18n';
import { TextField, type FieldsProps } from './fields';

const t = textsOf('compose');

/** A text message, with optional mentions (numbers, added to the text as @number). */
export function TextFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <TextField label={t('message')} multiline value={form.message} onChange={(message) => set({ message })} error={errors.message} hint={t('messageHint')} />
      <TextField
        label={t('mention')}
        value={form.mentions}
        onChange={(mentions) => set({ mentions })}
        error={errors.mentions}
        inputMode="tel"
        hint={t('mentionHint')}
      />
    </>
  );
}
