import type { Operation } from '../warest/catalog';
import type { ApiError } from '../warest/api-result';
import { buildRequest, type OperationInputs } from '../warest/request-builder';

/**
 * "Copy as cURL": the command that makes the same request the extension would, built by the
 * same request builder. The API key is never in it: the header reads it from $WAREST_API_KEY.
 */

export const API_KEY_PLACEHOLDER = '$WAREST_API_KEY';

/** Quotes a word for POSIX shells: single quotes, with each ' written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function toCurl(baseUrl: string, operation: Operation, inputs: OperationInputs): { ok: true; command: string } | { ok: false; error: ApiError } {
  const built = buildRequest(baseUrl, operation, inputs);
  if (!built.ok) return built;
  const { request } = built;
  const parts = ['curl', '-X', request.method, shellQuote(request.url), '-H', `"X-WAREST-API-KEY: ${API_KEY_PLACEHOLDER}"`];
  if (request.contentType) parts.push('-H', shellQuote(`Content-Type: ${request.contentType}`));
  if (typeof request.body === 'string') parts.push('--data-raw', shellQuote(request.body));
  else if (request.body) {
    for (const [name, value] of request.body.entries()) {
      // --form-string: a value starting with @ or < is text here, not a file for curl to read.
      // A picked file is named by its file name: run the command where that file is.
      if (typeof value === 'string') parts.push('--form-string', shellQuote(`${name}=${value}`));
      else parts.push('-F', shellQuote(`${name}=@${value.name || 'file'}`));
    }
  }
  return { ok: true, command: parts.join(' ') };
}
