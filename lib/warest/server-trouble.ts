import type { ApiError } from './api-result';
import type { ServerHealth } from '../storage';

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

const WORDS: Partial<Record<ApiError['kind'], string>> = {
  permission: 'No access',
  forbidden: 'Key refused',
  'not-found': 'Wrong address',
  'rate-limited': 'Rate limited',
  'bad-response': 'Not WARest',
  'origin-blocked': 'Origin refused',
  server: 'Server error',
};

/** The pill's words for a server that is not fine. */
export function troubleWords(server: Pick<ServerHealth, 'state' | 'kind'>): string {
  if (server.state === 'key-rejected') return 'Key rejected';
  if (server.state === 'unreachable') return server.kind === 'permission' ? 'No access' : 'Unreachable';
  return (server.kind && WORDS[server.kind as ApiError['kind']]) || 'Server problem';
}
