import type { ConnectionReport } from './warest/connection-test';

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
    return report.keyRole === 'user' && report.sessionCount === 0
      ? 'Likely: this key belongs to a user with no sessions yet, or to another user than you expected (each WARest user has a key of its own).'
      : null;
  }
  const https = baseUrl.startsWith('https:');
  const kind = report.error?.kind;
  if (report.reachable.state === 'failed') {
    switch (kind) {
      case 'network':
        return https
          ? 'Likely: the server is down, the port is wrong, or the server speaks plain http (try http:// instead of https://).'
          : 'Likely: the server is down or the port is wrong.';
      case 'timeout':
        return 'Likely: the server is overloaded, or a firewall drops requests to this port.';
      case 'permission':
        return 'Likely: the browser has not let the extension reach this address: save the server and allow access when asked.';
      case 'not-found':
        return 'Likely: this is not a WARest server, or the URL misses the path of a reverse proxy in front of it.';
      case 'bad-response':
        return https
          ? 'Likely: not a WARest server at this address (another service answers on this port).'
          : 'Likely: the server wants https (try https:// instead of http://), or another service answers on this port.';
      case 'origin-blocked':
        return "Likely: the server refused the extension's Origin: allow access to this address again by saving the server.";
      default:
        return 'Likely: the server is not running correctly: look at its logs.';
    }
  }
  if (kind === 'auth') return 'Likely: a wrong key, or one that changed: a user key changes each time that user logs into the WARest dashboard.';
  if (kind === 'forbidden') return "Likely: the key of another user, or one without rights to list sessions.";
  if (kind === 'rate-limited') return 'Likely: too many requests with this key just now: wait a minute and test again.';
  if (report.sessions.state === 'failed') return 'Likely: not a WARest server (or a proxy answers for it): check the server URL.';
  return 'Likely: the server answered in a way WARest does not: check the server URL.';
}
