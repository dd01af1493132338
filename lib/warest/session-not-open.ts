import type { ApiError } from './api-result';
import { STATUS_INFO, type SessionSummary } from '../sessions';
import { textsOf } from '../i18n';

const t = textsOf('errors');

/**
 * A stock WARest server answers Messages and Chats routes for a session that is registered but
 * not open with HTTP 404, code 1101 "Session not found" (../shared/warest/README.md fact 7).
 * When the session is known, that is "not logged in / not connected", not "not found".
 */

export const SESSION_NOT_FOUND = 1101;

export function isSessionNotFound(error: ApiError): boolean {
  return error.kind === 'not-found' && error.code === SESSION_NOT_FOUND;
}

/**
 * The error to show for a 1101 on `sessionId`, knowing what the server's session list says of it
 * (`listed` undefined: the list could not be read; null: the session is not on it).
 */
export function explainSessionNotFound(error: ApiError, sessionId: string, listed: SessionSummary | null | undefined): ApiError {
  if (listed === null) {
    return { ...error, message: t('sessionGone', { id: sessionId }) };
  }
  if (listed === undefined) {
    return { ...error, message: t('sessionNotOpen', { id: sessionId }) };
  }
  if (listed.status === 'open') {
    return { ...error, kind: 'not-logged-in', message: t('sessionNotConnected', { id: sessionId }) };
  }
  const info = STATUS_INFO[listed.status];
  return {
    ...error,
    kind: 'not-logged-in',
    message: t('sessionLoggedOut', { id: sessionId, status: info.word, hint: info.hint }),
  };
}
