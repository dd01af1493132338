import type { ApiError } from './api-result';
import type { ServerHealth } from '../storage';
import { textsOf } from '../i18n';

/**
 * What a failed session list says about a server, in one or two words for the popup's pill and
 * the badge's tooltip. A server that answered 403, 429 or 500 was reached: it is not
 * "unreachable", and each answer has its own cause (and its own fix, in the message beside it).
 */

const PROXY_DOWN = new Set([502, 503, 504]);

export function healthStateFor(error: Pick<ApiError, 'kind' | 'status'>): ServerHealth['state'] {
  switch (error.kind) {
    case 'auth':
      return 'key-rejected';
    case 'network':
    case 'timeout':
    case 'permission':
      return 'unreachable';
    case 'server':
      // A proxy's 502/503/504: the WARest server behind it is down.
      return error.status !== undefined && PROXY_DOWN.has(error.status) ? 'unreachable' : 'error';
    default:
      return 'error';
  }
}

const t = textsOf('errors');

const WORDS: Partial<Record<ApiError['kind'], Parameters<typeof t>[0]>> = {
  permission: 'trNoAccess',
  forbidden: 'trKeyRefused',
  'not-found': 'trWrongAddress',
  'rate-limited': 'trRateLimited',
  'bad-response': 'trNotWarest',
  'origin-blocked': 'trOrigin',
  server: 'trServerError',
};

/** The pill's words for a server that is not fine. */
export function troubleWords(server: Pick<ServerHealth, 'state' | 'kind'>): string {
  if (server.state === 'key-rejected') return t('trKeyRejected');
  if (server.state === 'unreachable') return t(server.kind === 'permission' ? 'trNoAccess' : 'trUnreachable');
  return t((server.kind && WORDS[server.kind as ApiError['kind']]) || 'trProblem');
}
