import { useId, useState } from 'react';
import type { Campaign, CampaignEntry } from '@/lib/storage';

/** A result per recipient, filtered and shown a page at a time (a campaign may have thousands). */

const PAGE = 100;
type Filter = 'all' | CampaignEntry['status']['state'];
const FILTERS: Array<[Filter, string]> = [
  ['all', 'All'],
  ['sent', 'Sent'],
  ['failed', 'Failed'],
  ['skipped', 'Skipped'],
  ['unconfirmed', 'Not confirmed'],
  ['pending', 'Waiting'],
];

const RESULT_WORDS: Record<CampaignEntry['status']['state'], string> = { pending: 'Waiting', sending: 'Sending…', sent: 'Sent', failed: 'Failed', skipped: 'Skipped', unconfirmed: 'Not confirmed' };
const time = (at: number) => new Date(at).toLocaleTimeString('en-GB');

function detail(entry: CampaignEntry): string {
  const s = entry.status;
  if (s.state === 'sent') return s.confirmedFromChat ? 'No answer came; found in the chat.' : '';
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
        <h3 id="results-title">Results</h3>
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(e) => { setFilter(e.target.value as Filter); setShown(PAGE); }}>
          {FILTERS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <span className="hint">{rows.length} recipients</span>
      </div>
      <div className="table-wrap">
        <table aria-labelledby="results-title">
          <thead>
            <tr>
              <th scope="col">Phone</th>
              <th scope="col">Result</th>
              <th scope="col">Time</th>
              <th scope="col">Message id</th>
              <th scope="col">Why / message</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((entry, i) => (
              <tr key={`${entry.digits}-${entry.row ?? i}`} className={`result-${entry.status.state}`}>
                <td>{entry.digits ? `+${entry.digits}` : entry.input}</td>
                <td>{RESULT_WORDS[entry.status.state]}</td>
                <td>{'at' in entry.status ? time(entry.status.at) : ''}</td>
                <td className="mono">{entry.status.state === 'sent' ? (entry.status.messageId ?? '') : ''}</td>
                <td>{detail(entry) || <span className="hint">{entry.text}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && <button type="button" onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, rows.length - shown)} more</button>}
    </section>
  );
}
