import { useState } from 'react';
import { explainError } from '@/lib/answers/menu-results';
import { callOperation } from '@/lib/messaging/call-operation';
import { notify } from './notify';
import { GroupPicker } from './GroupPicker';
import type { GroupOption } from './groups';
import { Outcome, type OutcomeState } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';
import { withNodes } from './with-nodes';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

/** "Set as group picture…": the image, the session and group, then the server fetches the image. */
export function PictureView({ url, choice }: { url: string; choice: ServerChoice }) {
  const [group, setGroup] = useState<GroupOption | null>(null);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeState | null>(null);
  const { profileId, sessionId } = choice;
  if (!/^https?:\/\//i.test(url)) {
    return <p className="banner error" role="alert">{t('noWebAddress')}</p>;
  }

  const apply = async () => {
    if (!profileId || !sessionId || !group) return;
    setWorking(true);
    const reply = await callOperation('postGroupPicture', { sessionId, groupId: group.id, picture: url }, { profileId });
    setWorking(false);
    const ok = reply.ok;
    const text = ok ? t('pictureChanged', { group: group.subject }) : t('pictureNotChanged', { group: group.subject, error: explainError(reply.error) });
    setOutcome({ ok, text });
    await notify('group-picture', ok, t(ok ? 'notifyNewPicture' : 'notifyPictureFailed', { group: group.subject }), text);
  };

  return (
    <>
      <figure className="picture">
        <img src={url} alt={t('pictureAlt')} referrerPolicy="no-referrer" />
        <figcaption className="hint">{withNodes(t('pictureDownloads'), { url: <span className="mono">{url}</span> })}</figcaption>
      </figure>
      <ServerPicker choice={choice} />
      {profileId && sessionId && <GroupPicker profileId={profileId} sessionId={sessionId} need="picture" onChange={setGroup} />}
      {!outcome?.ok && (
        <div className="actions">
          <button type="button" className="primary" disabled={!group || !sessionId || working} onClick={() => void apply()}>
            {working ? t('settingPicture') : t('setAsGroupPicture')}
          </button>
        </div>
      )}
      {outcome && <Outcome outcome={outcome} />}
    </>
  );
}
