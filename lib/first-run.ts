import type { ConnectionReport } from './warest/connection-test';
import { textsOf } from './i18n';

const t = textsOf('status');

/**
 * The one most likely cause of a failed connection test, for the first-run guide and the
 * connection report (the country-code guess is lib/country-guess.ts, loaded on demand: it
 * needs libphonenumber's metadata).
 */

/**
 * The likeliest cause of a failed test, in one line, or null when it passed. It reads what the
 * test already knows (which check failed and the error's kind) and the address tested.
 */
export function likelyCause(report: ConnectionReport, baseUrl: string): string | null {
  if (report.ok) {
    return report.keyRole === 'user' && report.sessionCount === 0 ? t('likelyNoSessions') : null;
  }
  const https = baseUrl.startsWith('https:');
  const kind = report.error?.kind;
  if (report.reachable.state === 'failed') {
    switch (kind) {
      case 'network':
        return t(https ? 'likelyDownHttps' : 'likelyDown');
      case 'timeout':
        return t('likelyTimeout');
      case 'permission':
        return t('likelyNoAccess');
      case 'not-found':
        return t('likelyNotFound');
      case 'bad-response':
        return t(https ? 'likelyOtherHttps' : 'likelyOther');
      case 'origin-blocked':
        return t('likelyOrigin');
      default:
        return t('likelyBroken');
    }
  }
  if (kind === 'auth') return t('likelyWrongKey');
  if (kind === 'forbidden') return t('likelyNoRights');
  if (kind === 'rate-limited') return t('likelyRate');
  if (report.sessions.state === 'failed') return t('likelyProxy');
  return t('likelyOdd');
}
