import { firstResult, type ApiSuccess } from './warest/api-result';
import type { LoginInProgress } from './storage';

/**
 * Reading WARest's answers to `GET /session/create` and `GET /session/create/pair-code` for a
 * login in progress, and applying them to the stored login.
 */

/** Code 1104 SESSION_OPEN: the session is logged in already. */
export const SESSION_OPEN_CODE = 1104;

export interface LoginAnswer {
  open: boolean;
  /** A QR code as an image data URL (anything else the server sends is ignored). */
  qr?: string;
  qrDuration?: number;
  /** A pairing code, when the server has one ready. */
  pairingCode?: string;
}

/** Only image data URLs are shown: a page never loads an address a server chose. */
export function isImageDataUrl(value: unknown): value is string {
  return typeof value === 'string' && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/i.test(value);
}

export function readLoginAnswer(success: ApiSuccess): LoginAnswer {
  const first = (firstResult(success) ?? {}) as Record<string, unknown>;
  const open = success.code === SESSION_OPEN_CODE || first.status === 'open';
  const answer: LoginAnswer = { open };
  if (isImageDataUrl(first.qr)) answer.qr = first.qr;
  if (typeof first.qrDuration === 'number' && first.qrDuration > 0) answer.qrDuration = first.qrDuration;
  const code = first.pairCode ?? first.pairingCode;
  if (typeof code === 'string' && code.trim()) answer.pairingCode = code.trim();
  return answer;
}

/** The login after an answer of the server: open, or waiting with the newest QR / pairing code. */
export function applyLoginAnswer(login: LoginInProgress, answer: LoginAnswer, now: number): LoginInProgress {
  const { message: _message, ...rest } = login;
  if (answer.open) return { ...rest, state: 'open' };
  const next: LoginInProgress = { ...rest, state: 'waiting' };
  if (login.method === 'qr' && answer.qr && answer.qr !== login.qr) {
    next.qr = answer.qr;
    next.qrReceivedAt = now;
    if (answer.qrDuration) next.qrDuration = answer.qrDuration;
  }
  if (login.method === 'pairing' && answer.pairingCode) next.pairingCode = answer.pairingCode;
  return next;
}

/** Whether two stored logins are the same attempt (a restart or cancel makes a new one). */
export function sameLogin(a: LoginInProgress | null | undefined, b: LoginInProgress | null | undefined): boolean {
  return !!a && !!b && a.profileId === b.profileId && a.sessionId === b.sessionId && a.startedAt === b.startedAt && a.method === b.method;
}
