import Papa from 'papaparse';
import type { LedgerEntry } from './ledger';

// Apart from the ledger (ledger.ts), which the service worker runs: only the campaigns page
// exports results, so papaparse stays out of the worker.

/** The results as CSV, one row per recipient, for a spreadsheet. */
export function resultsCsv(entries: readonly LedgerEntry[]): string {
  const time = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
  return Papa.unparse({
    // i18n-exempt: the results file's column names and states are a format, the same in every language
    fields: ['phone', 'result', 'message id', 'time', 'reason'],
    data: entries.map(({ digits, input, status }) => [
      digits ? `+${digits}` : (input ?? ''),
      // i18n-exempt: a state of the results file's format (like 'sent' and 'failed')
      status.state === 'sent' && status.confirmedFromChat ? 'sent (confirmed from the chat)' : status.state,
      status.state === 'sent' ? (status.messageId ?? '') : '',
      time('at' in status ? status.at : undefined),
      'reason' in status ? status.reason : '',
    ]),
  });
}
