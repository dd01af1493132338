import { MAX_BUTTONS } from '@/lib/compose';
import type { ComposeDraft } from '@/lib/storage';
import { FieldError, TextField, removeAt, replaceAt, type FieldsProps } from './fields';

type Button = ComposeDraft['buttons'][number];

const KIND_LABELS: Record<Button['kind'], string> = { reply: 'Quick reply', url: 'Open a link', call: 'Call a number' };

/** Interactive buttons: the message, up to 3 buttons (reply, link or call), an optional footer. */
export function ButtonsFields({ form, set, errors }: FieldsProps) {
  const buttons = form.buttons;
  const change = (index: number, patch: Partial<Button>) => set({ buttons: replaceAt(buttons, index, { ...buttons[index]!, ...patch }) });
  return (
    <>
      <TextField label="Message text" multiline value={form.bodyText} onChange={(bodyText) => set({ bodyText })} error={errors.bodyText} />
      <fieldset className="compose-group">
        <legend>Buttons</legend>
        <ol className="compose-items">
          {buttons.map((button, index) => (
            <li key={index} className="compose-block" aria-label={`Button ${index + 1}`}>
              <div className="compose-item">
                <select aria-label={`Button ${index + 1} action`} value={button.kind} onChange={(event) => change(index, { kind: event.target.value as Button['kind'] })}>
                  {Object.entries(KIND_LABELS).map(([kind, label]) => (
                    <option key={kind} value={kind}>
                      {label}
                    </option>
                  ))}
                </select>
                <button type="button" aria-label={`Remove button ${index + 1}`} onClick={() => set({ buttons: removeAt(buttons, index) })}>
                  ×
                </button>
              </div>
              <TextField label={`Button ${index + 1} label`} value={button.text} onChange={(text) => change(index, { text })} error={errors[`buttons.${index}.text`]} />
              {button.kind !== 'reply' && (
                <TextField
                  label={button.kind === 'url' ? `Button ${index + 1} link` : `Button ${index + 1} phone number`}
                  value={button.value}
                  onChange={(value) => change(index, { value })}
                  error={errors[`buttons.${index}.value`]}
                  inputMode={button.kind === 'url' ? 'url' : 'tel'}
                  placeholder={button.kind === 'url' ? 'https://example.com' : '+62 812 3456 7890'}
                />
              )}
            </li>
          ))}
        </ol>
        <button type="button" disabled={buttons.length >= MAX_BUTTONS} onClick={() => set({ buttons: [...buttons, { kind: 'reply', text: '', value: '' }] })}>
          Add button
        </button>
        <FieldError id="buttons-error" text={errors.buttons} />
      </fieldset>
      <TextField label="Footer (optional)" value={form.footer} onChange={(footer) => set({ footer })} />
      <p className="hint">WhatsApp shows buttons only on some devices and accounts; others see the text alone.</p>
    </>
  );
}
