import * as z from 'zod/mini';
import type { ApiError, ApiSuccess } from './api-result';
import type { ConnectionReport } from './connection-test';
import type { Job, LoginInProgress, ProfileSnapshot, ServerProfile } from './stored-state';

/**
 * The messages extension pages send to the background, and its replies. The background alone
 * holds API keys and talks to servers; pages ask it through these. Wire format (see README,
 * "Calling operations"):
 *
 *   request  { protocol: 'warest-companion/1', type: <MessageType>, payload: <request> }
 *   reply    { ok: true, data: <response> } | { ok: false, error: ApiError }
 */

export const PROTOCOL = 'warest-companion/1';

export const requestSchemas = {
  'operation.call': z.object({
    profileId: z.optional(z.string()),
    operationId: z.string(),
    inputs: z.optional(z.record(z.string(), z.unknown())),
    timeoutMs: z.optional(z.number()),
  }),
  'connection.test': z.object({
    profileId: z.optional(z.string()),
    /** Test what is typed in the form before it is saved; a missing key means "the saved one". */
    draft: z.optional(z.object({ baseUrl: z.string(), apiKey: z.optional(z.string()) })),
  }),
  'profile.save': z.object({
    id: z.optional(z.string()),
    name: z.string(),
    baseUrl: z.string(),
    /** Omitted when editing to keep the saved key. */
    apiKey: z.optional(z.string()),
    notifications: z.optional(z.boolean()),
  }),
  'profile.remove': z.object({ profileId: z.string() }),
  /** Re-read a profile's sessions now (and the server's health); answers the new snapshot. */
  'sessions.refresh': z.object({ profileId: z.optional(z.string()) }),
  /** Start logging a session in: registers a new id, or restarts the login of an existing one. */
  'login.start': z.object({
    profileId: z.optional(z.string()),
    sessionId: z.string(),
    method: z.union([z.literal('qr'), z.literal('pairing')]),
    /** For pairing: the phone number, any common format; normalised with the default country code. */
    phone: z.optional(z.string()),
  }),
  /** Ask the server how the login in progress is going (fresh QR, or open); answers its state. */
  'login.poll': z.object({}),
  /** Stop following the login in progress (the session stays registered). */
  'login.cancel': z.object({}),
  /** Try live updates again now, e.g. after the user changed the server's CORS setting. */
  'updates.retry': z.object({}),
  /** Start a bulk job over many items (already normalised by the page; the background checks again). */
  'jobs.start': z.object({
    kind: z.union([z.literal('group.add'), z.literal('group.approve'), z.literal('group.reject'), z.literal('numbers.check')]),
    profileId: z.optional(z.string()),
    sessionId: z.string(),
    groupId: z.optional(z.string()),
    groupName: z.optional(z.string()),
    items: z.array(z.object({ input: z.string(), value: z.string() })),
  }),
  /** Send a job's failed items again. */
  'jobs.retryFailed': z.object({ jobId: z.string() }),
  'jobs.cancel': z.object({ jobId: z.string() }),
  /** Remove a finished or cancelled job from the list. */
  'jobs.dismiss': z.object({ jobId: z.string() }),
  'profile.setDefault': z.object({ profileId: z.string() }),
} as const;

export type MessageType = keyof typeof requestSchemas;

export interface ProfileSaved {
  profile: ServerProfile;
  warnings: string[];
  /** Whether the browser lets the extension reach this server; false when the user refused access. */
  hostAccess: boolean;
}

export interface ResponseMap {
  'operation.call': Omit<ApiSuccess, 'ok'>;
  'connection.test': ConnectionReport;
  'profile.save': ProfileSaved;
  'profile.remove': { removed: true };
  'profile.setDefault': { defaultProfileId: string };
  'sessions.refresh': ProfileSnapshot & { profileId: string };
  'login.start': LoginInProgress;
  'login.poll': LoginInProgress | null;
  'login.cancel': { cancelled: true };
  'updates.retry': { retried: true };
  'jobs.start': Job;
  'jobs.retryFailed': Job;
  'jobs.cancel': Job;
  'jobs.dismiss': { dismissed: true };
}

export type RequestOf<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;
export type ResponseOf<T extends MessageType> = ResponseMap[T];

export interface Envelope<T extends MessageType = MessageType> {
  protocol: typeof PROTOCOL;
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}
