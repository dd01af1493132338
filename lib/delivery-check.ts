import type { ApiSuccess } from './warest/api-result';
import { readMessagePage, type ChatMessage } from './answers/chats';
import { textsOf } from './i18n';

const t = textsOf('work');

/**
 * Whether a send whose answer never came (the worker stopped, the request timed out, the
 * connection broke) went out after all: the chat's latest messages of our own are read and the
 * message looked for. An unknown outcome is never reported as "not sent" and never silently
 * repeated; this check is how the person learns which it was before deciding to send again.
 */

export interface SentExpectation {
  sessionId: string;
  /** WARest's `to`: digits or a JID. */
  to: string;
  /** The text or caption sent, when the message had one. */
  text?: string;
  /** When the send was started (epoch ms). */
  since: number;
}

export type DeliveryCheck =
  | { state: 'sent'; messageId: string }
  | { state: 'not-found' }
  | { state: 'unknown'; reason: string };

/** Reads a chat's messages (`getChatsChatIdMessages`), as a page or the background does. */
export type ReadMessages = (inputs: Record<string, unknown>) => Promise<{ ok: true; data: Omit<ApiSuccess, 'ok'> } | { ok: false; error: { message: string; outcomeUnknown?: boolean } }>;

/** Server and browser clocks differ a little; a message stamped this much before the send still counts. */
const CLOCK_SLACK_S = 30;
const LOOK_BACK = 20;

/** The chat id WARest files a send to `to` under. */
export function chatIdFor(to: string): string {
  return to.includes('@') ? to : `${to.replace(/\D+/g, '')}@s.whatsapp.net`;
}

/** Our own message that matches what was sent, among a chat's latest. */
export function findSent(messages: readonly ChatMessage[], expected: Pick<SentExpectation, 'text' | 'since'>): ChatMessage | undefined {
  const since = Math.floor(expected.since / 1000) - CLOCK_SLACK_S;
  const wanted = expected.text?.trim();
  return messages.find((message) => {
    if (!message.fromMe || message.deleted) return false;
    if (message.time !== undefined && message.time < since) return false;
    return wanted ? message.text?.trim() === wanted : message.time !== undefined;
  });
}

/** How long one look at the chat may take before it counts as lost (the server's own timeout is separate). */
export const READ_PATIENCE_MS = 10_000;

function readWithin(read: ReadMessages, inputs: Record<string, unknown>): ReturnType<ReadMessages> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lost = new Promise<Awaited<ReturnType<ReadMessages>>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { message: t('noBgAnswer'), outcomeUnknown: true } }), READ_PATIENCE_MS);
  });
  return Promise.race([read(inputs), lost]).finally(() => clearTimeout(timer));
}

export async function checkDelivery(read: ReadMessages, expected: SentExpectation): Promise<DeliveryCheck> {
  const inputs = { sessionId: expected.sessionId, chatId: chatIdFor(expected.to), limit: LOOK_BACK, isFromMe: true };
  let reply;
  try {
    // A read whose answer was lost or never comes (the background stopping as it came: a message
    // sent to a dying worker may get no reply at all) is safe to ask again.
    reply = await readWithin(read, inputs);
    for (let again = 0; again < 2 && !reply.ok && reply.error.outcomeUnknown; again++) reply = await readWithin(read, inputs);
  } catch {
    return { state: 'unknown', reason: t('chatUnread') };
  }
  if (!reply.ok) return { state: 'unknown', reason: reply.error.message };
  const found = findSent(readMessagePage(reply.data).items, expected);
  return found ? { state: 'sent', messageId: found.id } : { state: 'not-found' };
}

/** What to look for after an unanswered send: its recipient and its words (text, caption or body). */
export function expectationFor(inputs: Record<string, unknown>, since: number): SentExpectation | undefined {
  const { sessionId, to } = inputs;
  if (typeof sessionId !== 'string' || typeof to !== 'string' || !to) return undefined;
  const words = [inputs.message, inputs.caption, inputs.text].find((value): value is string => typeof value === 'string' && !!value.trim());
  return { sessionId, to, since, ...(words && { text: words }) };
}
