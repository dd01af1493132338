import { useId, useState } from 'react';
import { TemplatePicker } from '@/components/TemplateTools';
import { MAX_CAMPAIGN_FILE_BYTES, type CampaignMessageKind } from '@/lib/campaigns/campaign';
import type { CollectedRecipients, RenderProblem } from '@/lib/campaigns/draft';
import { renderTemplate, templateVariables } from '@/lib/campaigns/template';
import { CAMPAIGN_MESSAGE_KINDS } from '@/lib/storage';
import { filePayloadFromBlob } from '@/lib/warest/file-payload';
import type { DraftForm } from './draft-form';
import { kindWord, t } from './words';

/** What to send: a text, or a file with a caption; a template with variables and a live preview for any recipient. */

const ACCEPT: Record<CampaignMessageKind, string | undefined> = { text: undefined, image: 'image/*', video: 'video/*', document: undefined };

const fileLabel = (kind: Exclude<CampaignMessageKind, 'text'>): string => ({ image: t('fileImage'), video: t('fileVideo'), document: t('fileDocument') })[kind];
/** A template's variable as written in a message: `{{name}}` (kept out of the catalogs, whose slots are `{name}`). */
const variable = (name: string) => `{{${name}}}`;

export function MessageSection(props: { form: DraftForm; update: (patch: Partial<DraftForm>) => void; collected: CollectedRecipients | undefined; renderProblems: RenderProblem[] }) {
  const { form, update, collected, renderProblems } = props;
  const ids = { kind: useId(), file: useId(), text: useId(), row: useId() };
  const [previewRow, setPreviewRow] = useState(1);
  const [fileError, setFileError] = useState<string | null>(null);
  const recipients = collected?.recipients ?? [];
  const chosen = recipients[Math.min(Math.max(previewRow, 1), recipients.length) - 1];
  const preview = chosen ? renderTemplate(form.template, chosen.variables) : renderTemplate(form.template, {});
  const used = templateVariables(form.template);

  const pick = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return update({ file: undefined });
    if (file.size > MAX_CAMPAIGN_FILE_BYTES) {
      setFileError(t('fileTooLarge', { file: file.name }));
      return update({ file: undefined });
    }
    if (file.size === 0) {
      setFileError(t('fileEmpty', { file: file.name }));
      return update({ file: undefined });
    }
    update({ file: { ...(await filePayloadFromBlob(file, file.name)), size: file.size } });
  };

  return (
    <section className="card" aria-labelledby="message-title">
      <h2 id="message-title">{t('messageTitle')}</h2>
      <div className="field">
        <label htmlFor={ids.kind}>{t('messageType')}</label>
        <select id={ids.kind} value={form.kind} onChange={(e) => update({ kind: e.target.value as CampaignMessageKind, file: undefined })}>
          {CAMPAIGN_MESSAGE_KINDS.map((kind) => <option key={kind} value={kind}>{kindWord(kind)}</option>)}
        </select>
      </div>
      {form.kind !== 'text' && (
        <div className="field">
          <label htmlFor={ids.file}>{fileLabel(form.kind)}</label>
          <input id={ids.file} type="file" accept={ACCEPT[form.kind]} onChange={(e) => void pick(e.target.files?.[0])} />
          <span className="hint">{t('fileHint')}</span>
          {fileError && <p className="error-text" role="alert">{fileError}</p>}
        </div>
      )}
      {/* A saved template (options → Message templates) becomes the campaign's message, to edit here. */}
      <TemplatePicker onPick={(template) => update({ template: template.text })} />
      <div className="field">
        <label htmlFor={ids.text}>{form.kind === 'text' ? t('message') : t('caption')}</label>
        <textarea id={ids.text} rows={5} value={form.template} onChange={(e) => update({ template: e.target.value })} aria-describedby={`${ids.text}-hint`} aria-invalid={renderProblems.length > 0} />
        <span id={`${ids.text}-hint`} className="hint">
          {t('variablesHint', {
            variables: collected?.columns.length ? collected.columns.map(variable).join(', ') : t('variablesNone'),
            example: variable(`name|${t('fallbackExample')}`),
          })}
        </span>
      </div>
      {renderProblems.length > 0 && (
        <div role="alert">
          <ul className="problems error-text" aria-label={t('messageProblems')}>
            {renderProblems.map((problem) => <li key={problem.message}>{problem.message}</li>)}
          </ul>
        </div>
      )}
      {(form.template || used.length > 0) && (
        <div className="preview-box">
          {recipients.length > 0 && (
            <div className="field inline">
              <label htmlFor={ids.row}>{t('previewFor')}</label>
              <input id={ids.row} type="number" min={1} max={recipients.length} value={previewRow} onChange={(e) => setPreviewRow(Number(e.target.value) || 1)} />
              {chosen && <span className="hint">{t('previewRow', { digits: chosen.digits, row: chosen.row })}</span>}
            </div>
          )}
          <p className="hint">{t('preview')}</p>
          <output className="bubble" aria-label={t('messagePreview')} htmlFor={ids.text}>
            {preview.ok ? preview.text : t('missingFor', { variables: preview.missing.map(variable).join(', ') })}
          </output>
        </div>
      )}
    </section>
  );
}
