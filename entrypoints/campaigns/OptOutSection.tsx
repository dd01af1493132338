import { useId, useState } from 'react';
import { parsePhoneList } from '@/lib/phone-list';
import { useCampaignsStore } from './store';
import { formatNumber, t } from './words';

/** Numbers never to message from any campaign: kept across campaigns, applied when one is made or duplicated. */
export function OptOutSection() {
  const { optOut, saveOptOut, defaultCountryCode, say } = useCampaignsStore();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const id = useId();
  const add = async () => {
    const parsed = parsePhoneList(text, defaultCountryCode);
    setProblems(parsed.invalid.map((p) => t('notANumber', { input: p.input, reason: p.reason })));
    if (parsed.valid.length === 0) return;
    await saveOptOut([...optOut, ...parsed.valid.map((v) => v.digits)]);
    setText('');
    say({ tone: 'ok', text: t.count('optOutAdded', parsed.valid.length) });
  };
  const remove = (digits: string) => void saveOptOut(optOut.filter((d) => d !== digits));
  return (
    <details className="card opt-out">
      <summary>{t('optOutList', { count: formatNumber(optOut.length) })}</summary>
      <p className="hint">{t('optOutHint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('numbersToAdd')}</label>
        <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="button" onClick={() => void add()} disabled={!text.trim()}>{t('addToOptOut')}</button>
      {problems.length > 0 && (
        <div role="alert"><ul className="problems error-text">{problems.slice(0, 10).map((p) => <li key={p}>{p}</li>)}</ul></div>
      )}
      {optOut.length > 0 && (
        <ul className="opt-out-list" aria-label={t('optedOutNumbers')}>
          {optOut.slice(0, 200).map((digits) => (
            <li key={digits}>+{digits} <button type="button" className="link" aria-label={t('removeFromOptOut', { digits })} onClick={() => remove(digits)}>{t('remove')}</button></li>
          ))}
          {optOut.length > 200 && <li className="hint">{t('andMore', { count: formatNumber(optOut.length - 200) })}</li>}
        </ul>
      )}
    </details>
  );
}
