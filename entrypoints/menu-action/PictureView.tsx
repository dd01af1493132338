import { useState } from 'react';
import { explainError } from '@/lib/answers/menu-results';
import { callOperation } from '@/lib/messaging/call-operation';
import { notify } from './notify';
import { GroupPicker } from './GroupPicker';
import type { GroupOption } from './groups';
import { Outcome, type OutcomeState } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';

/** "Set as group picture…": the image, the session and group, then the server fetches the image. */
export function PictureView({ url, choice }: { url: string; choice: ServerChoice }) {
  const [group, setGroup] = useState<GroupOption | null>(null);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeState | null>(null);
  const { profileId, sessionId } = choice;
  if (!/^https?:\/\//i.test(url)) {
    return <p className="banner error" role="alert">This image has no web address the server could download it from. Save it to a file and set it from the popup instead.</p>;
  }

  const apply = async () => {
    if (!profileId || !sessionId || !group) return;
    setWorking(true);
    const reply = await callOperation('postGroupPicture', { sessionId, groupId: group.id, picture: url }, { profileId });
    setWorking(false);
    const ok = reply.ok;
    const text = ok ? `The picture of “${group.subject}” was changed.` : `The picture of “${group.subject}” was not changed. ${explainError(reply.error)}`;
    setOutcome({ ok, text });
    await notify('group-picture', ok, ok ? `New picture for “${group.subject}”` : `Could not change the picture of “${group.subject}”`, text);
  };

  return (
    <>
      <figure className="picture">
        <img src={url} alt="The picture to set" referrerPolicy="no-referrer" />
        <figcaption className="hint">Your WARest server downloads the picture from its address: <span className="mono">{url}</span></figcaption>
      </figure>
      <ServerPicker choice={choice} />
      {profileId && sessionId && <GroupPicker profileId={profileId} sessionId={sessionId} need="picture" onChange={setGroup} />}
      {!outcome?.ok && (
        <div className="actions">
          <button type="button" className="primary" disabled={!group || !sessionId || working} onClick={() => void apply()}>
            {working ? 'Setting the picture…' : 'Set as group picture'}
          </button>
        </div>
      )}
      {outcome && <Outcome outcome={outcome} />}
    </>
  );
}
