import { useId } from 'react';
import { ACCEPT, TYPE_LABELS } from '@/lib/compose';
import { CheckField, FieldError, TextField, type FieldsProps } from './fields';

interface FileFieldsProps extends FieldsProps {
  /** The files picked now (not kept in the draft; their names are). */
  files: readonly File[];
  onFiles(files: File[]): void;
}

const FILE_LABELS: Record<string, string> = {
  files: 'Files to send',
  media: 'Image or video file',
  audio: 'Audio file',
  document: 'Document file',
  sticker: 'Sticker image',
  gif: 'GIF or MP4 file',
};

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The file types: files, image/video, audio, document, sticker, GIF — from disk or (single files) a link. */
export function FileFields({ form, set, errors, files, onFiles }: FileFieldsProps) {
  const id = useId();
  const single = form.type !== 'files';
  const fromUrl = single && form.source === 'url';
  const label = FILE_LABELS[form.type] ?? 'File';
  const repick = files.length === 0 && form.pickedNames.length > 0;
  return (
    <>
      {single && (
        <div role="radiogroup" aria-label="Where the file comes from" className="compose-source">
          <label>
            <input type="radio" name={`${id}-source`} checked={!fromUrl} onChange={() => set({ source: 'file' })} /> From this computer
          </label>
          <label>
            <input type="radio" name={`${id}-source`} checked={fromUrl} onChange={() => set({ source: 'url' })} /> From a link
          </label>
        </div>
      )}
      {fromUrl ? (
        <TextField label={`${TYPE_LABELS[form.type]} link`} value={form.url} onChange={(url) => set({ url })} error={errors.url} inputMode="url" placeholder="https://example.com/file" hint="The server downloads the file from this address." />
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
            {repick
              ? `You had picked ${form.pickedNames.join(', ')}; picked files are not kept when the popup closes, so pick again.`
              : 'Picked files are not kept if the popup closes; the rest of the form is.'}
          </span>
          {files.length > 0 && (
            <ul className="compose-files" aria-label="Picked files">
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
        <TextField label="File name shown (optional)" value={form.filename} onChange={(filename) => set({ filename })} error={errors.filename} hint="Defaults to the picked file’s name." />
      )}
      {form.type !== 'audio' && form.type !== 'sticker' && (
        <TextField label={form.type === 'files' ? 'Caption for all files (optional)' : 'Caption (optional)'} multiline value={form.caption} onChange={(caption) => set({ caption })} error={errors.caption} />
      )}
      {form.type === 'media' && <CheckField label="View once" checked={form.viewOnce} onChange={(viewOnce) => set({ viewOnce })} hint="The recipient can open it one time." />}
      {(form.type === 'media' || form.type === 'gif' || form.type === 'sticker') && <CheckField label="Compress" checked={form.compress} onChange={(compress) => set({ compress })} />}
      {form.type === 'audio' && <CheckField label="Send as voice note" checked={form.isVN} onChange={(isVN) => set({ isVN })} hint="Shown as a recorded voice message." />}
    </>
  );
}
