import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { readPictureUrl } from '@/lib/answers/account';
import { useAnswer } from '../shared/answer-parts';
import { fromWords, PictureForm, PictureThumb, type PictureSource } from '../shared/PictureForm';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';

/** The account's profile picture: view it, set it from a file or a link, remove it (after asking). */
export function AccountPicture({ sessionId }: { sessionId: string }) {
  const say = usePopupStore((s) => s.say);
  const loaded = useAnswer('getProfilePicture', { sessionId }, sessionId);
  /** undefined while the first answer loads. */
  const picture = loaded.data ? readPictureUrl(loaded.data) : loaded.loading ? undefined : null;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();

  async function set(source: PictureSource): Promise<boolean> {
    setBusy(true);
    const reply = await callActive('postProfilePicture', { sessionId, picture: source.value });
    setBusy(false);
    if (!reply.ok) {
      say({ tone: 'error', text: reply.error.message });
      return false;
    }
    say({ tone: 'ok', text: `New profile picture set for “${sessionId}” ${fromWords(source)}.` });
    loaded.reload();
    return true;
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
    <section className="profile-section profile-picture" aria-labelledby={headingId}>
      <h3 id={headingId}>Profile picture</h3>
      <div className="picture-row">
        <PictureThumb src={picture} alt={`Profile picture of ${sessionId}`} />
        <div>
          <p className="hint">{picture === undefined ? 'Loading picture…' : picture ? 'This picture is shown to others.' : 'No profile picture.'}</p>
          {loaded.error && <p className="error-text" role="alert">{loaded.error.message}</p>}
          {picture && <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming(true)}>Remove picture</button>}
        </div>
      </div>
      <PictureForm busy={busy} urlPlaceholder="https://example.com/me.jpg" onSet={set} />
      {confirming && (
        <ConfirmDialog title={`Remove the profile picture of “${sessionId}”?`} confirmLabel="Remove picture" onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          Others will see no picture for this account until a new one is set.
        </ConfirmDialog>
      )}
    </section>
  );
}
