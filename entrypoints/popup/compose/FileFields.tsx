import { useId } from 'react';
import { ACCEPT } from '@/lib/compose';
import { currentLanguage, textsOf } from '@/lib/i18n';
import type { ComposeType } from '@/lib/storage';
import { CheckField, FieldError, TextField, type FieldsProps } from './fields';

const t = textsOf('compose');

interface FileFieldsProps extends FieldsProps {
  /** The files picked now (not kept in the draft; their names are). */
  files: readonly File[];
  onFiles(files: File[]): void;
}

/** The file input's label for a type (read when drawn: the language is chosen before the first render). */
function fileLabel(type: ComposeType): string {
  const labels: Partial<Record<ComposeType, string>> = {
    files: t('fileFiles'),
    media: t('fileMedia'),
    audio: t('fileAudio'),
    document: t('fileDocument'),
    sticker: t('fileSticker'),
    gif: t('fileGif'),
  };
  return labels[type] ?? t('file');
}

/** The link field's label for a single-file type. */
function linkLabel(type: ComposeType): string {
  const labels: Partial<Record<ComposeType, string>> = {
    media: t('linkMedia'),
    audio: t('linkAudio'),
    document: t('linkDocument'),
    sticker: t('linkSticker'),
    gif: t('linkGif'),
  };
  return labels[type] ?? t('link');
}

function size(bytes: number): string {
  const number = (value: number, digits: number) => value.toLocaleString(currentLanguage(), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  return bytes >= 1024 * 1024 ? t('sizeMb', { size: number(bytes / 1024 / 1024, 1) }) : t('sizeKb', { size: number(Math.max(1, Math.round(bytes / 1024)), 0) });
}

/** The file types: files, image/video, audio, document, sticker, GIF — from disk or (single files) a link. */
export function FileFields({ form, set, errors, files, onFiles }: FileFieldsProps) {
  const id = useId();
  const single = form.type !== 'files';
  const fromUrl = single && form.source === 'url';
  const label = fileLabel(form.type);
  const repick = files.length === 0 && form.pickedNames.length > 0;
  return (
    <>
      {single && (
        <div role="radiogroup" aria-label={t('fileSource')} className="compose-source">
          <label>
            <input type="radio" name={`${id}-source`} checked={!fromUrl} onChange={() => set({ source: 'file' })} /> {t('fromComputer')}
          </label>
          <label>
            <input type="radio" name={`${id}-source`} checked={fromUrl} onChange={() => set({ source: 'url' })} /> {t('fromLink')}
          </label>
        </div>
      )}
      {fromUrl ? (
        <TextField label={linkLabel(form.type)} value={form.url} onChange={(url) => set({ url })} error={errors.url} inputMode="url" placeholder={t('exampleFileUrl')} hint={t('fileUrlHint')} />
      ) : (
        <div className="field">
          <label htmlFor={`${id}-file`}>{label}</label>
          <input
            key={form.type}
            id={`${id}-file`}
            type="file"
            multiple={!single}
            accept={ACCEPT[form.type] || undefined}
            aria-invalid={errors.files ? true : undefined}
            aria-describedby={`${id}-file-hint${errors.files ? ` ${id}-file-error` : ''}`}
            onChange={(event) => onFiles([...(event.target.files ?? [])])}
          />
          <span className="hint" id={`${id}-file-hint`}>
            {repick ? t('repick', { names: form.pickedNames.join(', ') }) : t('pickedNotKept')}
          </span>
          {files.length > 0 && (
            <ul className="compose-files" aria-label={t('pickedFiles')}>
              {files.map((file) => (
                <li key={`${file.name}-${file.size}`}>
                  {file.name} <span className="hint">({size(file.size)})</span>
                </li>
              ))}
            </ul>
          )}
          <FieldError id={`${id}-file-error`} text={errors.files} />
        </div>
      )}
      {form.type === 'document' && (
        <TextField label={t('fileName')} value={form.filename} onChange={(filename) => set({ filename })} error={errors.filename} hint={t('fileNameHint')} />
      )}
      {form.type !== 'audio' && form.type !== 'sticker' && (
        <TextField label={form.type === 'files' ? t('captionAll') : t('caption')} multiline value={form.caption} onChange={(caption) => set({ caption })} error={errors.caption} />
      )}
      {form.type === 'media' && <CheckField label={t('viewOnce')} checked={form.viewOnce} onChange={(viewOnce) => set({ viewOnce })} hint={t('viewOnceHint')} />}
      {(form.type === 'media' || form.type === 'gif' || form.type === 'sticker') && <CheckField label={t('compress')} checked={form.compress} onChange={(compress) => set({ compress })} />}
      {form.type === 'audio' && <CheckField label={t('voiceNote')} checked={form.isVN} onChange={(isVN) => set({ isVN })} hint={t('voiceNoteHint')} />}
    </>
  );
}
