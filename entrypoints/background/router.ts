import { safeParse } from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import type { ApiError } from '@/lib/warest/api-result';
import { isMessageType, PROTOCOL, requestSchemas, type MessageType, type Reply, type RequestOf } from '@/lib/messaging/protocol';
import { handlerFor } from './handler-registry';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The one entry point for messages from extension pages. It answers only the extension's own
 * pages (not content scripts, not other extensions), checks every payload against its schema,
 * and turns every outcome, thrown errors included, into a structured reply.
 */

function reject(kind: ApiError['kind'], message: string): Reply<never> {
  return { ok: false, error: { kind, message } };
}

/** Whether a message comes from one of this extension's own pages. */
export function isTrustedSender(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  // Content scripts run in web pages: their sender URL is the page's, not the extension's.
  return url.startsWith(extensionOrigin) && (sender.origin === undefined || `${sender.origin}/` === extensionOrigin);
}

export async function routeMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
  if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    return reject('forbidden', t('forbidden'));
  }
  const envelope = message as { protocol?: unknown; type?: unknown; payload?: unknown } | null;
  if (!envelope || typeof envelope !== 'object' || envelope.protocol !== PROTOCOL) {
    return reject('invalid-input', `Not a ${PROTOCOL} message.`);
  }
  if (!isMessageType(envelope.type)) return reject('invalid-input', t('unknownType', { type: String(envelope.type) }));
  const parsed = safeParse(requestSchemas[envelope.type], envelope.payload ?? {});
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => `${issue.path?.map((item) => String(item.key)).join('.') || 'payload'}: ${issue.message}`).join('; ');
    return reject('invalid-input', `Malformed “${envelope.type}” request (${problems}).`);
  }
  const handler = handlerFor(envelope.type);
  if (!handler) return reject('invalid-input', t('noHandler', { type: envelope.type }));
  try {
    return await handler(parsed.output as RequestOf<MessageType>);
  } catch (error) {
    // A bug must not leave the page waiting forever; the reply names no secrets, only the failure.
    console.error('WARest Companion: handler failed', envelope.type, error instanceof Error ? error.name : typeof error);
    return reject('server', t('internalError'));
  }
}

export function registerRouter(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => routeMessage(message, sender));
}
