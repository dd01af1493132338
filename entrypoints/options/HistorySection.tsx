import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { filterHistory, type HistoryEntry, type ResultFilter } from '@/lib/history';
// Type only: the catalog stays out of the options page's (and so the popup's shared) chunks.
import type { OperationId } from '@/lib/warest/catalog';
import { historyItem, readChecked, watchChecked } from '@/lib/storage';
import { callOperation } from '@/lib/messaging/call-operation';

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
    setNote(`Running “${entry.label}” again…`);
    const reply = await callOperation(entry.operationId as OperationId, entry.inputs as Record<string, never>, { profileId: entry.profileId ?? null });
    setNote(reply.ok ? `“${entry.label}” ran again: done.` : `“${entry.label}” failed again: ${reply.error.message}`);
  }

  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p className="hint">The last 200 operations run from the extension, newest first. API keys are never kept here.</p>
      <div className="history-filters">
        <div className="field">
          <label htmlFor={ids.text}>Filter history</label>
          <input id={ids.text} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Operation, server, session or result" />
        </div>
        <div className="field">
          <label htmlFor={ids.result}>Result</label>
          <select id={ids.result} value={result} onChange={(e) => setResult(e.target.value as ResultFilter)}>
            <option value="all">All</option>
            <option value="ok">Done</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        <button type="button" className="danger" disabled={entries.length === 0} onClick={() => setConfirm({ kind: 'clear' })}>Clear history</button>
      </div>
      {note && <p role="status" className="hint">{note}</p>}
      {entries.length === 0 ? (
        <p className="empty">Nothing run yet.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No entry matches.</p>
      ) : (
        <ul className="history-list" aria-label="Operations run">
          {shown.map((entry) => {
            const canRerun = !entry.ok && !!entry.method && !!entry.inputs;
            return (
              <li key={entry.id} className={entry.ok ? 'ok' : 'failed'}>
                <div>
                  <strong>{entry.label}</strong>
                  <span className="hint"> · {entry.server || 'no server'}{entry.sessionId ? ` · session “${entry.sessionId}”` : ''} · {new Date(entry.at).toLocaleString()}</span>
                </div>
                <div>{entry.ok ? '✓ ' : '✗ '}{entry.result}</div>
                {canRerun && (
                  <button type="button" onClick={() => (entry.method === 'GET' ? void rerun(entry) : setConfirm({ kind: 'rerun', entry }))}>
                    Run again
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {confirm?.kind === 'clear' && (
        <ConfirmDialog title="Clear the history?" confirmLabel="Clear" onCancel={() => setConfirm(null)} onConfirm={() => { setConfirm(null); void historyItem.item.setValue([]); }}>
          Every entry is removed from this browser. Nothing changes on any server.
        </ConfirmDialog>
      )}
      {confirm?.kind === 'rerun' && (
        <ConfirmDialog title={`Run “${confirm.entry.label}” again?`} confirmLabel="Run again" onCancel={() => setConfirm(null)} onConfirm={() => { const entry = confirm.entry; setConfirm(null); void rerun(entry); }}>
          This changes something on {confirm.entry.server || 'the server'}{confirm.entry.sessionId ? ` (session “${confirm.entry.sessionId}”)` : ''}. It may have been carried out already: check first, so it is not done twice.
        </ConfirmDialog>
      )}
    </section>
  );
}
