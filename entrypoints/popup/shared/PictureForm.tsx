import { useId, useState } from 'react';
import { filePayloadFromBlob, type FilePayload } from '@/lib/warest/file-payload';
import { checkPictureFile, checkPictureUrl } from '@/lib/picture';
import { textsOf } from '@/lib/i18n';

const t = textsOf('popupshared');

/** Where a new picture comes from: a file (sent as its bytes) or a link (the server fetches it). */
export type PictureSource = { kind: 'file'; value: FilePayload; name: string } | { kind: 'url'; value: string };

/** "from “team.png”" or "from the link", for the outcome's sentence. */
export function fromWords(source: PictureSource): string {
  return source.kind === 'file' ? t('fromFile', { name: source.name }) : t('fromLink');
}

/** A picture, or a "?" in its place. */
export function PictureThumb({ src, alt }: { src: string | null | undefined; alt: string }) {
  return src ? <img src={src} alt={alt} width={64} height={64} /> : <div className="no-picture" aria-hidden="true">?</div>;
}

/**
 * The fields that set a profile or group picture: a JPEG or PNG file, or a link, each checked
 * before anything is sent. `onSet` sends it and answers whether it was set; the fields are then
 * emptied. A problem with the file or the link is said next to its field, or through
 * `sayProblem` when given.
 */
export function PictureForm(props: {
  busy: boolean;
  urlPlaceholder: string;
  sayProblem?: (text: string) => void;
  onSet: (source: PictureSource) => Promise<boolean>;
}) {
  const { busy, urlPlaceholder, sayProblem, onSet } = props;
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<{ field: 'file' | 'url'; text: string } | null>(null);
  // A new key empties the file input after a picture was set.
  const [fileInputKey, setFileInputKey] = useState(0);
  const ids = { file: useId(), url: useId(), fileProblem: useId(), urlProblem: useId() };
  const inline = !sayProblem;
  const refuse = (field: 'file' | 'url', text: string) => (sayProblem ? sayProblem(text) : setProblem({ field, text }));

  async function set(kind: 'file' | 'url') {
    setProblem(null);
    let source: PictureSource;
    if (kind === 'file') {
      const why = file ? checkPictureFile(file) : t('chooseFile');
      if (why || !file) return refuse('file', why ?? '');
      try {
        source = { kind, value: await filePayloadFromBlob(file, file.name), name: file.name };
      } catch {
        return refuse('file', t('unreadable', { name: file.name }));
      }
    } else {
      const why = checkPictureUrl(url);
      if (why) return refuse('url', why);
      source = { kind, value: url.trim() };
    }
    if (!(await onSet(source))) return;
    setFile(null);
    setFileInputKey((n) => n + 1);
    setUrl('');
  }

  const problemLine = (field: 'file' | 'url', id: string) =>
    inline && (
      <p id={id} className="error-text" role={problem?.field === field ? 'alert' : undefined}>
        {problem?.field === field ? problem.text : ''}
      </p>
    );
  return (
    <div className="picture-form">
      <label htmlFor={ids.file}>{t('pictureFile')}</label>
      <div className="field-row">
        <input
          key={fileInputKey}
          id={ids.file}
          type="file"
          accept="image/jpeg,image/png"
          aria-describedby={inline ? ids.fileProblem : undefined}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setProblem(null); }}
        />
        <button type="button" className="small" disabled={busy || !file} onClick={() => void set('file')}>{t('setFromFile')}</button>
      </div>
      {problemLine('file', ids.fileProblem)}
      <label htmlFor={ids.url}>{t('pictureUrl')}</label>
      <div className="field-row">
        <input
          id={ids.url}
          type="url"
          value={url}
          placeholder={urlPlaceholder}
          aria-describedby={inline ? ids.urlProblem : undefined}
          onChange={(e) => { setUrl(e.target.value); setProblem(null); }}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="button" className="small" disabled={busy || !url.trim()} onClick={() => void set('url')}>{t('setFromUrl')}</button>
      </div>
      {problemLine('url', ids.urlProblem)}
    </div>
  );
}
