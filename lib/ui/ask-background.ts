import { browser } from 'wxt/browser';
import { PROTOCOL, type MessageType, type Reply, type RequestOf, type ResponseOf } from '../protocol';

/**
 * How a page asks the background for something. Never throws: a background that is not
 * answering (being updated, crashed) becomes an error reply like any other.
 */
export async function askBackground<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ protocol: PROTOCOL, type, payload })) as Reply<ResponseOf<T>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, error: { kind: 'server', message: 'The extension’s background did not answer. Reload the extension and try again.' } };
  } catch {
    return { ok: false, error: { kind: 'server', message: 'The extension’s background is not reachable. Reload the extension and try again.' } };
  }
}
