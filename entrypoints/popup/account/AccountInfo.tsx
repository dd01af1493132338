import { readPrivacy, readProfileFacts } from '@/lib/answers/account';
import { FactsSection } from '../shared/answer-parts';
import { textsOf } from '@/lib/i18n';

const t = textsOf('account');

/** Who the account is: name, number, about, business details (getProfileInfo). */
export function AccountInfo({ sessionId }: { sessionId: string }) {
  return <FactsSection title={t('account')} label={t('accountDetails')} operationId="getProfileInfo" sessionId={sessionId} what={t('theProfile')} read={readProfileFacts} empty={t('noAccountDetails')} />;
}

/** Who may see what, in plain words (getProfilePrivacy). */
export function ProfilePrivacy({ sessionId }: { sessionId: string }) {
  return (
    <FactsSection title={t('privacy')} label={t('privacySettings')} operationId="getProfilePrivacy" sessionId={sessionId} what={t('thePrivacySettings')} read={readPrivacy} empty={t('noPrivacySettings')}>
      <p className="hint">{t('changeOnPhone')}</p>
    </FactsSection>
  );
}
