import { MAX_BUTTONS } from '@/lib/compose';
import type { ComposeDraft } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';
import { FieldError, TextField, removeAt, replaceAt, type FieldsProps } from './fields';

const t = textsOf('compose');

type Button = ComposeDraft['buttons'][number];

/** What each kind of button does, in words (read when drawn: the language is chosen before the first render). */
const kindLabels = (): Record<Button['kind'], string> => ({ reply: t('kindReply'), url: t('kindUrl'), call: t('kindCall') });

/** Interactive buttons: the message, up to 3 buttons (reply, link or call), an optional footer. */
export function ButtonsFields({ form, set, errors }: FieldsProps) {
  const buttons = form.buttons;
  const change = (index: number, patch: Partial<Button>) => set({ buttons: replaceAt(buttons, index, { ...buttons[index]!, ...patch }) });
  return (
    <>
      <TextField label={t('messageText')} multiline value={form.bodyText} onChange={(bodyText) => set({ bodyText })} error={errors.bodyText} />
      <fieldset className="compose-group">
        <legend>{t('buttons')}</legend>
        <ol className="compose-items">
          {buttons.map((button, index) => (
            <li key={index} className="compose-block" aria-label={t('button', { n: index + 1 })}>
              <div className="compose-item">
                <select aria-label={t('buttonAction', { n: index + 1 })} value={button.kind} onChange={(event) => change(index, { kind: event.target.value as Button['kind'] })}>
                  {Object.entries(kindLabels()).map(([kind, label]) => (
                    <option key={kind} value={kind}>
                      {label}
                    </option>
                  ))}
                </select>
                <button type="button" aria-label={t('removeButton', { n: index + 1 })} onClick={() => set({ buttons: removeAt(buttons, index) })}>
                  ×
                </button>
              </div>
              <TextField label={t('buttonLabel', { n: index + 1 })} value={button.text} onChange={(text) => change(index, { text })} error={errors[`buttons.${index}.text`]} />
              {button.kind !== 'reply' && (
                <TextField
                  label={button.kind === 'url' ? t('buttonLink', { n: index + 1 }) : t('buttonPhone', { n: index + 1 })}
                  value={button.value}
                  onChange={(value) => change(index, { value })}
                  error={errors[`buttons.${index}.value`]}
                  inputMode={button.kind === 'url' ? 'url' : 'tel'}
                  placeholder={button.kind === 'url' ? t('exampleUrl') : '+62 812 3456 7890'}
                />
              )}
            </li>
          ))}
        </ol>
        <button type="button" disabled={buttons.length >= MAX_BUTTONS} onClick={() => set({ buttons: [...buttons, { kind: 'reply', text: '', value: '' }] })}>
          {t('addButton')}
        </button>
        <FieldError id="buttons-error" text={errors.buttons} />
      </fieldset>
      <TextField label={t('footer')} value={form.footer} onChange={(footer) => set({ footer })} />
      <p className="hint">{t('buttonsHint')}</p>
    </>
  );
}
