import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useLatest } from '@/components/use-latest';
import { runGroupAction } from './group-api';
import { resultText, type GroupSummary } from '@/lib/answers/groups';
import { PictureForm, PictureThumb, type PictureSource } from '../shared/PictureForm';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

/** The group's picture: view it, set it from a file or a URL, remove it (after asking). */
export function GroupPictureSection(props: { sessionId: string; group: GroupSummary; mayEdit: boolean }) {
  const { sessionId, group, mayEdit } = props;
  const say = usePopupStore((s) => s.say);
  // A group without a picture, or whose picture cannot be read, shows none.
  const shown = useLatest(async () => {
    const reply = await callActive('getGroupPicture', { sessionId, groupId: group.id });
    return { ok: true as const, data: reply.ok ? (resultText(reply.data, 'pictureUrl') ?? null) : null };
  }, [sessionId, group.id]);
  /** undefined while it loads. */
  const picture = shown.loading && shown.data === null ? undefined : shown.data;
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const base = { sessionId, groupId: group.id };

  async function set(source: PictureSource): Promise<boolean> {
    setBusy(true);
    const data = await runGroupAction('postGroupPicture', { ...base, picture: source.value }, () => (source.kind === 'file' ? t('pictureSetFromFile', { name: group.subject, file: source.name }) : t('pictureSetFromLink', { name: group.subject })), group.subject);
    setBusy(false);
    if (!data) return false;
    shown.patch((old) => resultText(data, 'pictureUrl') ?? (source.kind === 'url' ? source.value : old));
    setChanging(false);
    return true;
  }

  async function remove() {
    setConfirming(false);
    setBusy(true);
    const data = await runGroupAction('deleteGroupPicture', base, () => t('pictureRemoved', { name: group.subject }), group.subject);
    setBusy(false);
    if (data) shown.patch(() => null);
  }

  return (
    <section className="group-section group-picture" aria-label={t('groupPicture')}>
      <PictureThumb src={picture} alt={t('pictureOf', { name: group.subject })} />
      <div>
        <p className="hint">{picture === undefined ? t('loadingPicture') : picture ? t('groupPicture') : t('noPicture')}</p>
        {!mayEdit && <p className="hint">{t('onlyAdminsPicture')}</p>}
        <div className="actions compact">
          <button type="button" className="small" disabled={!mayEdit || busy} aria-expanded={changing} onClick={() => setChanging(!changing)}>{t('changePicture')}</button>
          {picture && <button type="button" className="small danger" disabled={!mayEdit || busy} onClick={() => setConfirming(true)}>{t('removePicture')}</button>}
        </div>
        {changing && <PictureForm busy={busy} urlPlaceholder={t('pictureUrlPlaceholder')} sayProblem={(text) => say({ tone: 'error', text })} onSet={set} />}
      </div>
      {confirming && (
        <ConfirmDialog title={t('removePictureTitle', { name: group.subject })} confirmLabel={t('removePicture')} onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          {t('removePictureBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
