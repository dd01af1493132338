import { TextField, type FieldsProps } from './fields';

/** A text message, with optional mentions (numbers, added to the text as @number). */
export function TextFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <TextField label="Message" multiline value={form.message} onChange={(message) => set({ message })} error={errors.message} hint="*bold*, _italic_ and emoji work as in WhatsApp." />
      <TextField
        label="Mention (optional)"
        value={form.mentions}
        onChange={(mentions) => set({ mentions })}
        error={errors.mentions}
        inputMode="tel"
        hint="Numbers to mention, separated by commas; each is added to the text as @number."
      />
    </>
  );
}
