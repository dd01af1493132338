import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { filePayloadFromBlob } from '@/lib/warest/file-payload';
import { checkPictureFile, checkPictureUrl } from '@/lib/picture';
import { readPictureUrl } from '../../../lib/answers/account';
import { useAnswer } from '../shared/answer-parts';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';

/** The account's profile picture: view it, set it from a file or a link, remove it (after asking). */
export function AccountPicture({ sessionId }: { sessionId: string }) {
  const say = usePopupStore((s) => s.say);
  const loaded = useAnswer('getProfilePicture', { sessionId }, sessionId);
  const [picture, setPicture] = useState<string | null | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<{ field: 'file' | 'url'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after a picture was set.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const ids = { file: useId(), url: useId(), fileProblem: useId(), urlProblem: useId() };

  useEffect(() => {
    if (!loaded.loading) setPicture(loaded.data ? readPictureUrl(loaded.data) : null);
  }, [loaded.loading, loaded.data]);

  async function setFrom(source: 'file' | 'url') {
    setProblem(null);
    let value: unknown;
    if (source === 'file') {
      const why = file ? checkPictureFile(file) : 'Choose a picture file first.';
      if (why || !file) return setProblem({ field: 'file', text: why ?? '' });
      try {
        value = await filePayloadFromBlob(file, file.name);
      } catch {
        return setProblem({ field: 'file', text: `“${file.name}” could not be read. Pick it again.` });
      }
    } else {
      const why = checkPictureUrl(url);
      if (why) return setProblem({ field: 'url', text: why });
      value = url.trim();
    }
    setBusy(true);
    const reply = await callActive('postProfilePicture', { sessionId, picture: value });
    setBusy(false);
    if (!reply.ok) return say({ tone: 'error', text: reply.error.message });
    say({ tone: 'ok', text: `New profile picture set for “${sessionId}” from ${source === 'file' && file ? `“${file.name}”` : 'the link'}.` });
    setFile(null);
    setFileInputKey((n) => n + 1);
    setUrl('');
    loaded.reload();
  }

  async function remove() {
    setConfirming(false);
    setBusy(true);
    const reply = await callActive('deleteProfilePicture', { sessionId });
    setBusy(false);
    if (!reply.ok) return say({ tone: 'error', text: reply.error.message });
    say({ tone: 'ok', text: `Removed the profile picture of “${sessionId}”.` });
    loaded.reload();
  }

  return (
    <section className="profile-section profile-picture" aria-labelledby={`${ids.file}-h`}>
      <h3 id={`${ids.file}-h`}>Profile picture</h3>
      <div className="picture-row">
        {picture ? <img src={picture} alt={`Profile picture of ${sessionId}`} width={64} height={64} /> : <div className="no-picture" aria-hidden="true">?</div>}
        <div>
          <p className="hint">{picture === undefined ? 'Loading picture…' : picture ? 'This picture is shown to others.' : 'No profile picture.'}</p>
          {loaded.error && <p className="error-text" role="alert">{loaded.error.message}</p>}
          {picture && <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming(true)}>Remove picture</button>}
        </div>
      </div>
      <div className="picture-form">
        <label htmlFor={ids.file}>Picture file (JPEG or PNG)</label>
        <div className="field-row">
          <input key={fileInputKey} id={ids.file} type="file" accept="image/jpeg,image/png" aria-describedby={ids.fileProblem} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setProblem(null); }} />
          <button type="button" className="small" disabled={busy || !file} onClick={() => void setFrom('file')}>Set from file</button>
        </div>
        <p id={ids.fileProblem} className="error-text" role={problem?.field === 'file' ? 'alert' : undefined}>{problem?.field === 'file' ? problem.text : ''}</p>
        <label htmlFor={ids.url}>Picture URL</label>
        <div className="field-row">
          <input id={ids.url} type="url" value={url} placeholder="https://example.com/me.jpg" aria-describedby={ids.urlProblem} onChange={(e) => { setUrl(e.target.value); setProblem(null); }} autoComplete="off" spellCheck={false} />
          <button type="button" className="small" disabled={busy || !url.trim()} onClick={() => void setFrom('url')}>Set from URL</button>
        </div>
        <p id={ids.urlProblem} className="error-text" role={problem?.field === 'url' ? 'alert' : undefined}>{problem?.field === 'url' ? problem.text : ''}</p>
      </div>
      {confirming && (
        <ConfirmDialog title={`Remove the profile picture of “${sessionId}”?`} confirmLabel="Remove picture" onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          Others will see no picture for this account until a new one is set.
        </ConfirmDialog>
      )}
    </section>
  );
}
