import { useId, useState } from 'react';
import type { Campaign, CampaignEntry } from '@/lib/storage';
import { formatNumber, resultWord, t, timeOfDay as time } from './words';

/** A result per recipient, filtered and shown a page at a time (a campaign may have thousands). */

const PAGE = 100;
type Filter = 'all' | CampaignEntry['status']['state'];
const FILTERS: Filter[] = ['all', 'sent', 'failed', 'skipped', 'unconfirmed', 'pending'];
const filterWord = (filter: Filter) => (filter === 'all' ? t('resultAll') : resultWord(filter));

function detail(entry: CampaignEntry): string {
  const s = entry.status;
  if (s.state === 'sent') return s.confirmedFromChat ? t('foundInChat') : '';
  if ('reason' in s) return s.reason;
  return '';
}

export function ResultsTable({ campaign }: { campaign: Campaign }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE);
  const filterId = useId();
  const rows = campaign.entries.filter((e) => filter === 'all' || e.status.state === filter || (filter === 'pending' && e.status.state === 'sending'));
  return (
    <section className="results" aria-labelledby="results-title">
      <div className="results-head">
        <h3 id="results-title">{t('results')}</h3>
        <label htmlFor={filterId}>{t('show')}</label>
        <select id={filterId} value={filter} onChange={(e) => { setFilter(e.target.value as Filter); setShown(PAGE); }}>
          {FILTERS.map((value) => <option key={value} value={value}>{filterWord(value)}</option>)}
        </select>
        <span className="hint">{t.count('recipients', rows.length, { count: formatNumber(rows.length) })}</span>
      </div>
      <div className="table-wrap">
        <table aria-labelledby="results-title">
          <thead>
            <tr>
              <th scope="col">{t('columnPhone')}</th>
              <th scope="col">{t('columnResult')}</th>
              <th scope="col">{t('columnTime')}</th>
              <th scope="col">{t('columnMessageId')}</th>
              <th scope="col">{t('columnWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((entry, i) => (
              <tr key={`${entry.digits}-${entry.row ?? i}`} className={`result-${entry.status.state}`}>
                <td>{entry.digits ? `+${entry.digits}` : entry.input}</td>
                <td>{resultWord(entry.status.state)}</td>
                <td>{'at' in entry.status ? time(entry.status.at) : ''}</td>
                <td className="mono">{entry.status.state === 'sent' ? (entry.status.messageId ?? '') : ''}</td>
                <td>{detail(entry) || <span className="hint">{entry.text}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && <button type="button" onClick={() => setShown(shown + PAGE)}>{t('showMore', { count: Math.min(PAGE, rows.length - shown) })}</button>}
    </section>
  );
}
