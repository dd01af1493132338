import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage } from '@/entrypoints/background/router';
import { PROTOCOL, type MessageType, type Reply, type RequestOf, type ResponseOf } from '@/lib/messaging/protocol';

/** A sender as Chrome describes the extension's own popup (ids and URLs from the fake browser). */
export function ownPage(): Browser.runtime.MessageSender {
  const id = fakeBrowser.runtime.id;
  return { id, url: fakeBrowser.runtime.getURL('/popup.html'), origin: `chrome-extension://${id}` };
}

/** Sends a protocol message to the background router, as the popup would. */
export async function ask<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  return (await routeMessage({ protocol: PROTOCOL, type, payload }, ownPage())) as Reply<ResponseOf<T>>;
}

/** The data of a successful reply, or a thrown error naming what went wrong. */
export function data<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.kind}: ${reply.error.message}`);
  return reply.data;
}
