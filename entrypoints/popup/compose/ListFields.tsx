import type { ComposeDraft } from '@/lib/storage';
import { FieldError, TextField, removeAt, replaceAt, type FieldsProps } from './fields';

type Section = ComposeDraft['sections'][number];

/** A list message: the text, the button that opens the list, and sections of rows. */
export function ListFields({ form, set, errors }: FieldsProps) {
  const sections = form.sections;
  const changeSection = (index: number, patch: Partial<Section>) => set({ sections: replaceAt(sections, index, { ...sections[index]!, ...patch }) });
  return (
    <>
      <TextField label="Message text" multiline value={form.bodyText} onChange={(bodyText) => set({ bodyText })} error={errors.bodyText} />
      <TextField label="List button label" value={form.listButtonText} onChange={(listButtonText) => set({ listButtonText })} error={errors.listButtonText} placeholder="Choose" />
      <TextField label="Title (optional)" value={form.listTitle} onChange={(listTitle) => set({ listTitle })} />
      <ol className="compose-items">
        {sections.map((section, s) => (
          <li key={s}>
            <fieldset className="compose-group">
              <legend>Section {s + 1}</legend>
              <TextField label={`Section ${s + 1} title`} value={section.title} onChange={(title) => changeSection(s, { title })} error={errors[`sections.${s}.title`]} />
              <ol className="compose-items">
                {section.rows.map((row, r) => (
                  <li key={r} className="compose-block">
                    <TextField
                      label={`Section ${s + 1} row ${r + 1} title`}
                      value={row.title}
                      onChange={(title) => changeSection(s, { rows: replaceAt(section.rows, r, { ...row, title }) })}
                      error={errors[`sections.${s}.rows.${r}.title`]}
                    />
                    <TextField
                      label={`Section ${s + 1} row ${r + 1} description (optional)`}
                      value={row.description}
                      onChange={(description) => changeSection(s, { rows: replaceAt(section.rows, r, { ...row, description }) })}
                    />
                    <button type="button" onClick={() => changeSection(s, { rows: removeAt(section.rows, r) })}>
                      Remove row {r + 1} of section {s + 1}
                    </button>
                  </li>
                ))}
              </ol>
              <FieldError id={`section-${s}-rows-error`} text={errors[`sections.${s}.rows`]} />
              <div className="actions compact">
                <button type="button" onClick={() => changeSection(s, { rows: [...section.rows, { title: '', description: '' }] })}>
                  Add row to section {s + 1}
                </button>
                <button type="button" onClick={() => set({ sections: removeAt(sections, s) })}>
                  Remove section {s + 1}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => set({ sections: [...sections, { title: '', rows: [{ title: '', description: '' }] }] })}>
        Add section
      </button>
      <FieldError id="sections-error" text={errors.sections} />
      <TextField label="Footer (optional)" value={form.footer} onChange={(footer) => set({ footer })} />
    </>
  );
}
