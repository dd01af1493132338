import type { MessageType, Reply, RequestOf, ResponseOf } from '@/lib/messaging/protocol';

/**
 * Which function answers which message type. Each concern puts its handlers here when the worker
 * starts; the router looks them up. Apart from the router so that a concern registering its
 * handlers does not import the router's own start-up.
 */

export type Handler<T extends MessageType> = (payload: RequestOf<T>) => Promise<Reply<ResponseOf<T>>>;
const handlers = new Map<MessageType, Handler<MessageType>>();

/** Each concern of the background registers the message types it answers. */
export function registerHandler<T extends MessageType>(type: T, handler: Handler<T>): void {
  handlers.set(type, handler as unknown as Handler<MessageType>);
}

export function handlerFor(type: MessageType): Handler<MessageType> | undefined {
  return handlers.get(type);
}
