import type { ComposeDraft } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';
import { FieldError, TextField, removeAt, replaceAt, type FieldsProps } from './fields';

const t = textsOf('compose');

type Section = ComposeDraft['sections'][number];

/** A list message: the text, the button that opens the list, and sections of rows. */
export function ListFields({ form, set, errors }: FieldsProps) {
  const sections = form.sections;
  const changeSection = (index: number, patch: Partial<Section>) => set({ sections: replaceAt(sections, index, { ...sections[index]!, ...patch }) });
  return (
    <>
      <TextField label={t('messageText')} multiline value={form.bodyText} onChange={(bodyText) => set({ bodyText })} error={errors.bodyText} />
      <TextField label={t('listButton')} value={form.listButtonText} onChange={(listButtonText) => set({ listButtonText })} error={errors.listButtonText} placeholder={t('listButtonPlaceholder')} />
      <TextField label={t('listTitle')} value={form.listTitle} onChange={(listTitle) => set({ listTitle })} />
      <ol className="compose-items">
        {sections.map((section, s) => (
          <li key={s}>
            <fieldset className="compose-group">
              <legend>{t('section', { n: s + 1 })}</legend>
              <TextField label={t('sectionTitle', { n: s + 1 })} value={section.title} onChange={(title) => changeSection(s, { title })} error={errors[`sections.${s}.title`]} />
              <ol className="compose-items">
                {section.rows.map((row, r) => (
                  <li key={r} className="compose-block">
                    <TextField
                      label={t('rowTitle', { section: s + 1, row: r + 1 })}
                      value={row.title}
                      onChange={(title) => changeSection(s, { rows: replaceAt(section.rows, r, { ...row, title }) })}
                      error={errors[`sections.${s}.rows.${r}.title`]}
                    />
                    <TextField
                      label={t('rowDescription', { section: s + 1, row: r + 1 })}
                      value={row.description}
                      onChange={(description) => changeSection(s, { rows: replaceAt(section.rows, r, { ...row, description }) })}
                    />
                    <button type="button" onClick={() => changeSection(s, { rows: removeAt(section.rows, r) })}>
                      {t('removeRow', { section: s + 1, row: r + 1 })}
                    </button>
                  </li>
                ))}
              </ol>
              <FieldError id={`section-${s}-rows-error`} text={errors[`sections.${s}.rows`]} />
              <div className="actions compact">
                <button type="button" onClick={() => changeSection(s, { rows: [...section.rows, { title: '', description: '' }] })}>
                  {t('addRow', { n: s + 1 })}
                </button>
                <button type="button" onClick={() => set({ sections: removeAt(sections, s) })}>
                  {t('removeSection', { n: s + 1 })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => set({ sections: [...sections, { title: '', rows: [{ title: '', description: '' }] }] })}>
        {t('addSection')}
      </button>
      <FieldError id="sections-error" text={errors.sections} />
      <TextField label={t('footer')} value={form.footer} onChange={(footer) => set({ footer })} />
    </>
  );
}
