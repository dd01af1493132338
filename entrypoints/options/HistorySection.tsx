import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { filterHistory, type HistoryEntry, type ResultFilter } from '@/lib/history';
// Type only: the catalog stays out of the options page's (and so the popup's shared) chunks.
import type { OperationId } from '@/lib/warest/catalog';
import { historyItem, readChecked, watchChecked } from '@/lib/storage';
import { callOperation } from '@/lib/messaging/call-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

/**
 * The last operations run from the extension (recorded by the background), with a filter, "Run
 * again" for failed ones (a read at once, a write after asking) and "Clear" (after asking).
 */
export function HistorySection() {
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ResultFilter>('all');
  const [confirm, setConfirm] = useState<{ kind: 'clear' } | { kind: 'rerun'; entry: HistoryEntry } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const ids = { text: useId(), result: useId() };
  useEffect(() => {
    void readChecked(historyItem).then(setEntries);
    return watchChecked(historyItem, setEntries);
  }, []);
  const shown = filterHistory(entries, text, result);

  async function rerun(entry: HistoryEntry) {
    if (!entry.inputs) return;
    setNote(t('rerunning', { label: entry.label }));
    const reply = await callOperation(entry.operationId as OperationId, entry.inputs as Record<string, never>, { profileId: entry.profileId ?? null });
    setNote(reply.ok ? t('rerunDone', { label: entry.label }) : t('rerunFailed', { label: entry.label, error: reply.error.message }));
  }

  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyTitle')}</h2>
      <p className="hint">{t('historyHint')}</p>
      <div className="history-filters">
        <div className="field">
          <label htmlFor={ids.text}>{t('filterHistory')}</label>
          <input id={ids.text} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('filterPlaceholder')} />
        </div>
        <div className="field">
          <label htmlFor={ids.result}>{t('result')}</label>
          <select id={ids.result} value={result} onChange={(e) => setResult(e.target.value as ResultFilter)}>
            <option value="all">{t('resultAll')}</option>
            <option value="ok">{t('resultDone')}</option>
            <option value="failed">{t('resultFailed')}</option>
          </select>
        </div>
        <button type="button" className="danger" disabled={entries.length === 0} onClick={() => setConfirm({ kind: 'clear' })}>{t('clearHistory')}</button>
      </div>
      {note && <p role="status" className="hint">{note}</p>}
      {entries.length === 0 ? (
        <p className="empty">{t('nothingRun')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('noEntryMatches')}</p>
      ) : (
        <ul className="history-list" aria-label={t('operationsRun')}>
          {shown.map((entry) => {
            const canRerun = !entry.ok && !!entry.method && !!entry.inputs;
            return (
              <li key={entry.id} className={entry.ok ? 'ok' : 'failed'}>
                <div>
                  <strong>{entry.label}</strong>
                  <span className="hint">{t(entry.sessionId ? 'entryWhereSession' : 'entryWhere', { server: entry.server || t('noServer'), session: entry.sessionId ?? '', date: new Date(entry.at).toLocaleString() })}</span>
                </div>
                <div>{entry.ok ? '✓ ' : '✗ '}{entry.result}</div>
                {canRerun && (
                  <button type="button" onClick={() => (entry.method === 'GET' ? void rerun(entry) : setConfirm({ kind: 'rerun', entry }))}>
                    {t('runAgain')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {confirm?.kind === 'clear' && (
        <ConfirmDialog title={t('clearTitle')} confirmLabel={t('clear')} onCancel={() => setConfirm(null)} onConfirm={() => { setConfirm(null); void historyItem.item.setValue([]); }}>
          {t('clearBody')}
        </ConfirmDialog>
      )}
      {confirm?.kind === 'rerun' && (
        <ConfirmDialog title={t('rerunTitle', { label: confirm.entry.label })} confirmLabel={t('runAgain')} onCancel={() => setConfirm(null)} onConfirm={() => { const entry = confirm.entry; setConfirm(null); void rerun(entry); }}>
          {t(confirm.entry.sessionId ? 'rerunBodySession' : 'rerunBody', { server: confirm.entry.server || t('theServer'), session: confirm.entry.sessionId ?? '' })}
        </ConfirmDialog>
      )}
    </section>
  );
}
