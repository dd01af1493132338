import { describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/warest/api-result';
import { explainSessionNotFound, isSessionNotFound } from '@/lib/warest/session-not-open';

const notFound: ApiError = { kind: 'not-found', message: 'Not found. The server said: “Session not found”.', status: 404, code: 1101, serverMessage: 'Session not found' };

describe('a 404/1101 on a Messages or Chats route', () => {
  it('is recognised by its code only', () => {
    expect(isSessionNotFound(notFound)).toBe(true);
    expect(isSessionNotFound({ ...notFound, code: 2600 })).toBe(false);
    expect(isSessionNotFound({ ...notFound, kind: 'validation' })).toBe(false);
  });

  it('says a listed session that is not open is not logged in, with its status and what to do', () => {
    const error = explainSessionNotFound(notFound, 'sales', { id: 'sales', status: 'logged_out' });
    expect(error.kind).toBe('not-logged-in');
    expect(error.message).toBe('Session “sales” is not logged in to WhatsApp (its status is logged out). Logged out from the phone or the server. Log in again with a QR code or pairing code.');
    expect(error).toMatchObject({ status: 404, code: 1101, serverMessage: 'Session not found' });
    expect(explainSessionNotFound(notFound, 'sales', { id: 'sales', status: 'reconnecting' }).message).toContain('its status is reconnecting');
  });

  it('says a session the server does not list does not exist', () => {
    const error = explainSessionNotFound(notFound, 'gone', null);
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/^Session “gone” does not exist on this server/);
  });

  it('says "not open" when the list could not be read, and "try again" when it is open by now', () => {
    expect(explainSessionNotFound(notFound, 'main', undefined).message).toMatch(/is not open on the server/);
    expect(explainSessionNotFound(notFound, 'main', { id: 'main', status: 'open' })).toMatchObject({ kind: 'not-logged-in', message: expect.stringMatching(/try again/) });
  });
});
