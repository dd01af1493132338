import { useId, useState } from 'react';
import { parsePhoneList } from '@/lib/phone-list';
import { useCampaignsStore } from './store';

/** Numbers never to message from any campaign: kept across campaigns, applied when one is made or duplicated. */
export function OptOutSection() {
  const { optOut, saveOptOut, defaultCountryCode, say } = useCampaignsStore();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const id = useId();
  const add = async () => {
    const parsed = parsePhoneList(text, defaultCountryCode);
    setProblems(parsed.invalid.map((p) => `“${p.input}”: ${p.reason}`));
    if (parsed.valid.length === 0) return;
    await saveOptOut([...optOut, ...parsed.valid.map((v) => v.digits)]);
    setText('');
    say({ tone: 'ok', text: `${parsed.valid.length} numbers are on the opt-out list now.` });
  };
  const remove = (digits: string) => void saveOptOut(optOut.filter((d) => d !== digits));
  return (
    <details className="card opt-out">
      <summary>Opt-out list ({optOut.length})</summary>
      <p className="hint">People who asked not to be messaged. Every campaign skips them, and says so in its results.</p>
      <div className="field">
        <label htmlFor={id}>Numbers to add</label>
        <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="button" onClick={() => void add()} disabled={!text.trim()}>Add to the opt-out list</button>
      {problems.length > 0 && (
        <div role="alert"><ul className="problems error-text">{problems.slice(0, 10).map((p) => <li key={p}>{p}</li>)}</ul></div>
      )}
      {optOut.length > 0 && (
        <ul className="opt-out-list" aria-label="Opted-out numbers">
          {optOut.slice(0, 200).map((digits) => (
            <li key={digits}>+{digits} <button type="button" className="link" aria-label={`Remove +${digits} from the opt-out list`} onClick={() => remove(digits)}>Remove</button></li>
          ))}
          {optOut.length > 200 && <li className="hint">… and {optOut.length - 200} more</li>}
        </ul>
      )}
    </details>
  );
}
