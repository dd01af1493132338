import { useId, useState } from 'react';
import { readBusinessProfiles, type BusinessProfile } from '@/lib/answers/account';
import { FactList } from '../shared/answer-parts';
import { usePhoneList } from '../shared/PhoneListInput';
import { callActive } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('account');

/** Looks up one number's WhatsApp Business profile (description, category, hours…). */
export function AccountBusiness({ sessionId }: { sessionId: string }) {
  const ids = { input: useId(), problem: useId() };
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ number: string; profile: BusinessProfile | null } | null>(null);
  const parsed = usePhoneList(text);

  async function lookUp() {
    setFound(null);
    if (!text.trim()) return setProblem(t('enterNumber'));
    if (!parsed) return setProblem(t('stillChecking'));
    const bad = parsed.invalid[0];
    if (bad || parsed.valid.length !== 1) return setProblem(bad ? t('badNumber', { input: bad.input, reason: bad.reason }) : t('oneNumber'));
    const number = parsed.valid[0]!;
    setProblem(null);
    setBusy(true);
    const reply = await callActive('getProfileBusinessProfile', { sessionId, checkNumbers: number.digits });
    setBusy(false);
    if (!reply.ok) return setProblem(reply.error.message);
    setFound({ number: `+${number.digits}`, profile: readBusinessProfiles(reply.data)[0] ?? null });
  }

  return (
    <form className="profile-section" aria-label={t('businessProfile')} noValidate onSubmit={(e) => { e.preventDefault(); void lookUp(); }}>
      <h3>{t('businessProfile')}</h3>
      <label htmlFor={ids.input}>{t('numberToLookUp')}</label>
      <div className="field-row">
        <input id={ids.input} type="tel" value={text} placeholder="+62 812-3456-7890" aria-describedby={ids.problem} aria-invalid={problem ? true : undefined} onChange={(e) => { setText(e.target.value); setProblem(null); }} autoComplete="off" />
        <button type="submit" className="small" disabled={busy}>{busy ? t('lookingUp') : t('lookUp')}</button>
      </div>
      <p id={ids.problem} className="error-text" role={problem ? 'alert' : undefined}>{problem ?? ''}</p>
      {found && (
        <div className="business-result" role="status" aria-label={t('businessProfileOf', { number: found.number })}>
          {found.profile?.isBusiness ? (
            <FactList label={t('businessDetailsOf', { number: found.number })} facts={found.profile.facts} empty={t('noDetails')} />
          ) : (
            <p>{t('noBusinessProfile', { number: found.number })}</p>
          )}
        </div>
      )}
    </form>
  );
}
