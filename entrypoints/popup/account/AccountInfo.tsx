import { readPrivacy, readProfileFacts } from '@/lib/answers/account';
import { FactsSection } from '../shared/answer-parts';

/** Who the account is: name, number, about, business details (getProfileInfo). */
export function AccountInfo({ sessionId }: { sessionId: string }) {
  return <FactsSection title="Account" label="Account details" operationId="getProfileInfo" sessionId={sessionId} what="the profile" read={readProfileFacts} empty="The server sent no details for this account." />;
}

/** Who may see what, in plain words (getProfilePrivacy). */
export function ProfilePrivacy({ sessionId }: { sessionId: string }) {
  return (
    <FactsSection title="Privacy" label="Privacy settings" operationId="getProfilePrivacy" sessionId={sessionId} what="the privacy settings" read={readPrivacy} empty="The server sent no privacy settings.">
      <p className="hint">Change these in WhatsApp on the phone.</p>
    </FactsSection>
  );
}
