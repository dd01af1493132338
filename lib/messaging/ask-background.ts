import { browser } from 'wxt/browser';
import type { ApiError } from '../warest/api-result';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';
import { PROTOCOL } from './wire';
import { textsOf } from '../i18n';
// Every page asks through this module and the worker never does: the pages' lazy storage repair.
import '../storage/page-repair';

const t = textsOf('status');

/**
 * How a page asks the background for something. Never throws: a background that is not
 * answering (being updated, crashed) becomes an error reply like any other. When the background
 * stopped after it got an operation call, what the call did is unknown: the reply says so
 * (`outcomeUnknown`) and the caller must check before offering to do it again.
 */
export async function askBackground<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ protocol: PROTOCOL, type, payload })) as Reply<ResponseOf<T>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return lost(type);
  } catch (error) {
    // Not delivered at all: nothing was started.
    if (error instanceof Error && /Receiving end does not exist|Could not establish connection/i.test(error.message)) {
      return { ok: false, error: { kind: 'server', message: t('bgUnreachable') } };
    }
    return lost(type);
  }
}

/** The background took the request but stopped before answering. */
function lost(type: MessageType): { ok: false; error: ApiError } {
  if (type === 'operation.call') {
    return {
      ok: false,
      error: {
        kind: 'server',
        outcomeUnknown: true,
        message: t('bgStopped'),
      },
    };
  }
  return { ok: false, error: { kind: 'server', message: t('bgSilent') } };
}
