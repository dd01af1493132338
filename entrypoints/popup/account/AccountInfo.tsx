import { readPrivacy, readProfileFacts } from '../../../lib/answers/account';
import { FactList, LoadState, useAnswer } from '../shared/answer-parts';

/** Who the account is: name, number, about, business details (getProfileInfo). */
export function AccountInfo({ sessionId }: { sessionId: string }) {
  const loaded = useAnswer('getProfileInfo', { sessionId }, sessionId);
  return (
    <section className="profile-section" aria-label="Account">
      <h3>Account</h3>
      <LoadState loaded={loaded} what="the profile" />
      {loaded.data && <FactList label="Account details" facts={readProfileFacts(loaded.data)} empty="The server sent no details for this account." />}
    </section>
  );
}

/** Who may see what, in plain words (getProfilePrivacy). */
export function ProfilePrivacy({ sessionId }: { sessionId: string }) {
  const loaded = useAnswer('getProfilePrivacy', { sessionId }, sessionId);
  return (
    <section className="profile-section" aria-label="Privacy">
      <h3>Privacy</h3>
      <LoadState loaded={loaded} what="the privacy settings" />
      {loaded.data && <FactList label="Privacy settings" facts={readPrivacy(loaded.data)} empty="The server sent no privacy settings." />}
      <p className="hint">Change these in WhatsApp on the phone.</p>
    </section>
  );
}
