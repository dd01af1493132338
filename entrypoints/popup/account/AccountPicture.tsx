import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { readPictureUrl } from '@/lib/answers/account';
import { useAnswer } from '../shared/answer-parts';
import { PictureForm, PictureThumb, type PictureSource } from '../shared/PictureForm';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('account');

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
    say({ tone: 'ok', text: source.kind === 'file' ? t('pictureSetFromFile', { session: sessionId, file: source.name }) : t('pictureSetFromLink', { session: sessionId }) });
    loaded.reload();
    return true;
  }

  async function remove() {
    setConfirming(false);
    setBusy(true);
    const reply = await callActive('deleteProfilePicture', { sessionId });
    setBusy(false);
    if (!reply.ok) return say({ tone: 'error', text: reply.error.message });
    say({ tone: 'ok', text: t('pictureRemoved', { session: sessionId }) });
    loaded.reload();
  }

  return (
    <section className="profile-section profile-picture" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('profilePicture')}</h3>
      <div className="picture-row">
        <PictureThumb src={picture} alt={t('pictureOf', { session: sessionId })} />
        <div>
          <p className="hint">{picture === undefined ? t('loadingPicture') : picture ? t('pictureShown') : t('noPicture')}</p>
          {loaded.error && <p className="error-text" role="alert">{loaded.error.message}</p>}
          {picture && <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming(true)}>{t('removePicture')}</button>}
        </div>
      </div>
      <PictureForm busy={busy} urlPlaceholder="https://example.com/me.jpg" onSet={set} />
      {confirming && (
        <ConfirmDialog title={t('removeTitle', { session: sessionId })} confirmLabel={t('removePicture')} onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          {t('removeBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
