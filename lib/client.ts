import { failure, type ApiResult } from './api-result';
import { findOperation, type Operation } from './catalog';
import { RatePacer, realClock, type PacerClock } from './rate-pacer';
import { buildRequest, type OperationInputs } from './request-builder';
import { interpretResponse, readRateLimit } from './response';
import { displayHost } from './server-url';

/**
 * Calls WARest operations by catalog id. The only code that talks to a server; it runs in the
 * background service worker, which alone holds API keys.
 */

export interface ServerCredentials {
  baseUrl: string;
  apiKey: string;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Retry a 429 after the window resets; only ever done for reads. Default true. */
  retryRateLimited?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** A rate-limited read is retried only when the wait is short enough to be worth it. */
const MAX_RATE_LIMIT_WAIT_MS = 65_000;

export interface ClientDeps {
  fetch?: typeof fetch;
  pacer?: RatePacer;
  clock?: PacerClock;
}

function redact(text: string | undefined, secret: string): string | undefined {
  return text && secret ? text.split(secret).join('[API key]') : text;
}

export function createClient(deps: ClientDeps = {}) {
  const clock = deps.clock ?? realClock;
  const pacer = deps.pacer ?? new RatePacer(clock);
  const doFetch = deps.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function attempt(server: ServerCredentials, operation: Operation, inputs: OperationInputs, options: CallOptions): Promise<ApiResult> {
    const built = buildRequest(server.baseUrl, operation, inputs);
    if (!built.ok) return built;
    const { request } = built;
    const host = displayHost(server.baseUrl);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const bucket = `${server.baseUrl}\u0000${server.apiKey}`;

    // An already-aborted signal never fires 'abort': check it, or a cancelled send would still go out.
    if (options.signal?.aborted) return failure('aborted', 'Cancelled.');
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    try {
      await pacer.acquire(bucket, controller.signal);
    } catch {
      options.signal?.removeEventListener('abort', onCallerAbort);
      return failure('aborted', 'Cancelled.');
    }
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    const started = clock.now();
    try {
      const headers: Record<string, string> = { 'X-WAREST-API-KEY': server.apiKey, Accept: 'application/json' };
      if (request.contentType) headers['Content-Type'] = request.contentType;
      const response = await doFetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      // Error bodies are quoted (and cut to length) in messages: take the key out before they are read.
      const body = await response.text();
      const text = response.ok ? body : (redact(body, server.apiKey) ?? body);
      const sessionId = typeof inputs.sessionId === 'string' ? inputs.sessionId : undefined;
      const result = interpretResponse(response.status, response.headers, text, {
        host,
        latencyMs: clock.now() - started,
        now: clock.now(),
        ...(sessionId && { sessionId }),
      });
      pacer.settle(bucket, readRateLimit(response.headers, clock.now()), response.status === 429);
      if (!result.ok) {
        // The message quotes the server's words too.
        result.error.message = redact(result.error.message, server.apiKey) ?? result.error.message;
        result.error.serverMessage = redact(result.error.serverMessage, server.apiKey);
      }
      return result;
    } catch {
      pacer.release(bucket);
      if (timedOut) {
        return failure('timeout', `${host} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}. The server may be overloaded or stuck; try again, or raise the timeout in the extension's settings.`);
      }
      if (options.signal?.aborted) return failure('aborted', 'Cancelled.');
      return failure('network', `Can't reach ${host}. Check that the WARest server is running and that the server URL (host, port, http or https) is right.`);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function call(server: ServerCredentials, operationId: string, inputs: OperationInputs = {}, options: CallOptions = {}): Promise<ApiResult> {
    const operation = findOperation(operationId);
    if (!operation) return failure('invalid-input', `There is no WARest operation “${operationId}”.`);
    const result = await attempt(server, operation, inputs, options);
    const retry = options.retryRateLimited ?? true;
    // Only reads are retried: repeating a send or a change could do it twice.
    if (!result.ok && result.error.kind === 'rate-limited' && retry && operation.method === 'GET') {
      const wait = (result.error.retryAt ?? clock.now()) - clock.now();
      if (wait <= MAX_RATE_LIMIT_WAIT_MS) {
        try {
          await clock.sleep(Math.max(wait, 0), options.signal);
        } catch {
          return failure('aborted', 'Cancelled.');
        }
        return attempt(server, operation, inputs, options);
      }
    }
    return result;
  }

  return { call, pacer };
}

export type WarestClient = ReturnType<typeof createClient>;

