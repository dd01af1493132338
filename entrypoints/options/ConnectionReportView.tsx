import type { CheckLine, ConnectionReport } from '@/lib/warest/connection-test';

const MARK: Record<CheckLine['state'], string> = { ok: '✓', failed: '✗', skipped: '–' };

/** The four lines of a connection test, each readable on its own. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const lines = [report.reachable, report.version, report.key, report.sessions];
  return (
    <div className={`banner ${report.ok ? 'ok' : 'error'}`} role="status">
      <strong>{report.ok ? 'Connection works.' : 'Connection has a problem.'}</strong>
      <ul className="report" aria-label="Connection test results">
        {lines.map((line) => (
          <li key={line.text} className={line.state}>
            <span className="mark" aria-hidden="true">{MARK[line.state]}</span>
            <span>{line.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
