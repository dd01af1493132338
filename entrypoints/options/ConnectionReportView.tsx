import type { CheckLine, ConnectionReport } from '@/lib/warest/connection-test';
import { likelyCause } from '@/lib/first-run';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

const MARK: Record<CheckLine['state'], string> = { ok: '✓', failed: '✗', skipped: '–' };

/** The four lines of a connection test, each readable on its own. */
export function ConnectionReportView({ report, baseUrl }: { report: ConnectionReport; baseUrl: string }) {
  const cause = likelyCause(report, baseUrl);
  const lines = [report.reachable, report.version, report.key, report.sessions];
  return (
    <div className={`banner ${report.ok ? 'ok' : 'error'}`} role="status">
      <strong>{report.ok ? t('connectionWorks') : t('connectionProblem')}</strong>
      <ul className="report" aria-label={t('connectionResults')}>
        {lines.map((line) => (
          <li key={line.text} className={line.state}>
            <span className="mark" aria-hidden="true">{MARK[line.state]}</span>
            <span>{line.text}</span>
          </li>
        ))}
      </ul>
      {cause && <p className="cause">{cause}</p>}
    </div>
  );
}
