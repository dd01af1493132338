import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { filePayloadFromBlob } from '@/lib/warest/file-payload';
import { checkPictureFile, checkPictureUrl } from '@/lib/picture';
import { runGroupAction } from './group-api';
import { resultText, type GroupSummary } from '../../../lib/answers/groups';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';

/** The group's picture: view it, set it from a file or a URL, remove it (after asking). */
export function GroupPictureSection(props: { sessionId: string; group: GroupSummary; mayEdit: boolean }) {
  const { sessionId, group, mayEdit } = props;
  const say = usePopupStore((s) => s.say);
  const [picture, setPicture] = useState<string | null | undefined>(undefined);
  const [changing, setChanging] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const ids = { file: useId(), url: useId() };
  const base = { sessionId, groupId: group.id };

  useEffect(() => {
    void callActive('getGroupPicture', { sessionId, groupId: group.id }).then((reply) => {
      if (reply.ok) setPicture(resultText(reply.data, 'pictureUrl') ?? null);
      else setPicture(null);
    });
  }, [sessionId, group.id]);

  async function setFrom(source: 'file' | 'url') {
    let value: unknown;
    if (source === 'file') {
      const problem = file ? checkPictureFile(file) : 'Choose a picture file first.';
      if (problem || !file) return say({ tone: 'error', text: problem ?? '' });
      try {
        value = await filePayloadFromBlob(file, file.name);
      } catch {
        return say({ tone: 'error', text: `“${file.name}” could not be read. Pick it again.` });
      }
    } else {
      const problem = checkPictureUrl(url);
      if (problem) return say({ tone: 'error', text: problem });
      value = url.trim();
    }
    setBusy(true);
    const data = await runGroupAction('postGroupPicture', { ...base, picture: value }, () => `New picture set for “${group.subject}” from ${source === 'file' && file ? `“${file.name}”` : 'the link'}.`, group.subject);
    setBusy(false);
    if (!data) return;
    setPicture(resultText(data, 'pictureUrl') ?? (source === 'url' ? url.trim() : picture ?? null));
    setChanging(false);
    setFile(null);
    setUrl('');
  }

  async function remove() {
    setConfirming(false);
    setBusy(true);
    const data = await runGroupAction('deleteGroupPicture', base, () => `Removed the picture of “${group.subject}”.`, group.subject);
    setBusy(false);
    if (data) setPicture(null);
  }

  return (
    <section className="group-section group-picture" aria-label="Group picture">
      {picture ? <img src={picture} alt={`Picture of ${group.subject}`} width={64} height={64} /> : <div className="no-picture" aria-hidden="true">?</div>}
      <div>
        <p className="hint">{picture === undefined ? 'Loading picture…' : picture ? 'Group picture' : 'No picture'}</p>
        {!mayEdit && <p className="hint">Only admins can change the picture of a locked group.</p>}
        <div className="actions compact">
          <button type="button" className="small" disabled={!mayEdit || busy} aria-expanded={changing} onClick={() => setChanging(!changing)}>Change picture</button>
          {picture && <button type="button" className="small danger" disabled={!mayEdit || busy} onClick={() => setConfirming(true)}>Remove picture</button>}
        </div>
        {changing && (
          <div className="picture-form">
            <label htmlFor={ids.file}>Picture file (JPEG or PNG)</label>
            <div className="field-row">
              <input id={ids.file} type="file" accept="image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              <button type="button" className="small" disabled={busy || !file} onClick={() => void setFrom('file')}>Set from file</button>
            </div>
            <label htmlFor={ids.url}>Picture URL</label>
            <div className="field-row">
              <input id={ids.url} type="url" value={url} placeholder="https://example.com/picture.jpg" onChange={(e) => setUrl(e.target.value)} autoComplete="off" spellCheck={false} />
              <button type="button" className="small" disabled={busy || !url.trim()} onClick={() => void setFrom('url')}>Set from URL</button>
            </div>
          </div>
        )}
      </div>
      {confirming && (
        <ConfirmDialog title={`Remove the picture of “${group.subject}”?`} confirmLabel="Remove picture" onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          The group will have no picture until someone sets a new one.
        </ConfirmDialog>
      )}
    </section>
  );
}
