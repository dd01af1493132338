import type { OperationId } from '../warest/catalog';
import type { OperationInputs } from '../warest/request-builder';
import { askBackground } from './ask-background';
import type { Reply, ResponseOf } from './protocol';

/** What a successful operation answers: status, code, the server's message, results, latency. */
export type OperationData = ResponseOf<'operation.call'>;

/** An operation's inputs, named as in WARest's description and given flat (README, "Calling operations"). */
export type { OperationInputs };

export interface CallOptions {
  /** Which server; the background's default one when absent (or null: no choice yet). */
  profileId?: string | null;
  /** Overrides the request-timeout setting for this one call. */
  timeoutMs?: number;
}

/**
 * The one way a page calls a catalog operation: through the background, which alone holds the
 * API keys. The id is typed, so a page cannot name an operation the catalog does not have; ids
 * that come from outside the code are checked with `isOperationId` first. Never throws (see
 * askBackground): failures, including an unknown outcome, come back as error replies.
 */
export function callOperation(operationId: OperationId, inputs: OperationInputs = {}, options: CallOptions = {}): Promise<Reply<OperationData>> {
  const { profileId, timeoutMs } = options;
  return askBackground('operation.call', {
    operationId,
    inputs,
    ...(profileId && { profileId }),
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
}
