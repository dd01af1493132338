import { useId, useState } from 'react';
import { readBusinessProfiles, type BusinessProfile } from '@/lib/answers/account';
import { FactList } from '../shared/answer-parts';
import { usePhoneList } from '../shared/PhoneListInput';
import { callActive } from '../shared/run-operation';

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
    if (!text.trim()) return setProblem('Enter a phone number.');
    if (!parsed) return setProblem('Still checking the number; try again in a moment.');
    const bad = parsed.invalid[0];
    if (bad || parsed.valid.length !== 1) return setProblem(bad ? `“${bad.input}”: ${bad.reason}` : 'Enter one phone number at a time.');
    const number = parsed.valid[0]!;
    setProblem(null);
    setBusy(true);
    const reply = await callActive('getProfileBusinessProfile', { sessionId, checkNumbers: number.digits });
    setBusy(false);
    if (!reply.ok) return setProblem(reply.error.message);
    setFound({ number: `+${number.digits}`, profile: readBusinessProfiles(reply.data)[0] ?? null });
  }

  return (
    <form className="profile-section" aria-label="Business profile" noValidate onSubmit={(e) => { e.preventDefault(); void lookUp(); }}>
      <h3>Business profile</h3>
      <label htmlFor={ids.input}>Number to look up</label>
      <div className="field-row">
        <input id={ids.input} type="tel" value={text} placeholder="+62 812-3456-7890" aria-describedby={ids.problem} aria-invalid={problem ? true : undefined} onChange={(e) => { setText(e.target.value); setProblem(null); }} autoComplete="off" />
        <button type="submit" className="small" disabled={busy}>{busy ? 'Looking up…' : 'Look up'}</button>
      </div>
      <p id={ids.problem} className="error-text" role={problem ? 'alert' : undefined}>{problem ?? ''}</p>
      {found && (
        <div className="business-result" role="status" aria-label={`Business profile of ${found.number}`}>
          {found.profile?.isBusiness ? (
            <FactList label={`Business details of ${found.number}`} facts={found.profile.facts} empty="No details." />
          ) : (
            <p>{found.number} has no WhatsApp Business profile.</p>
          )}
        </div>
      )}
    </form>
  );
}
