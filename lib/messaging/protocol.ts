import * as v from 'valibot';
import { int, notArray, num } from '../schema';
import type { ApiError, ApiSuccess } from '../warest/api-result';
import { MAX_FILE_BASE64_CHARS } from '../warest/file-payload';
import type { ConnectionReport } from '../warest/connection-test';
import type { Campaign, Job, LoginInProgress, ProfileSnapshot, ScheduledMessage, ServerProfile } from '../storage';
import type { ImportPlan, ReadProblem } from '../transfer/settings-file';
import { textsOf } from '../i18n';

const t = textsOf('status');
/** Numbers in the limits' messages. */
const n = (value: number) => value.toLocaleString('en-US');

/**
 * The messages extension pages send to the background, and its replies. The background alone
 * holds API keys and talks to servers; pages ask it through these. Wire format (see README,
 * "Calling operations"):
 *
 *   request  { protocol: 'warest-companion/1', type: <MessageType>, payload: <request> }
 *   reply    { ok: true, data: <response> } | { ok: false, error: ApiError }
 */

// The wire name lives in its own module, so pages that only send messages do not carry the
// request schemas (only the background checks them).
import { PROTOCOL } from './wire';
export { PROTOCOL };

/**
 * Limits on everything a page may send, so no value is stored or handled that could freeze the
 * worker (a 4 MB profile name, a million-item list): past them a request is refused as
 * invalid-input before any handler runs.
 */
export const LIMITS = {
  /** Profile, job and other ids the extension makes. */
  id: 200,
  operationId: 200,
  profileName: 100,
  url: 2048,
  apiKey: 512,
  /** Session ids are at most 64 characters; the handlers explain that themselves, so this only bounds. */
  sessionId: 200,
  phone: 64,
  groupName: 200,
  /** One job's items (the job itself allows MAX_JOB_ITEMS and says so), and each item's text. */
  jobItems: 50_000,
  jobItemText: 1024,
  /** `operation.call`: inputs, and how big and deep their values may be. */
  inputNames: 100,
  inputName: 100,
  inputString: MAX_FILE_BASE64_CHARS + 256,
  inputTotalChars: MAX_FILE_BASE64_CHARS + 4_000_000,
  inputNodes: 200_000,
  inputDepth: 32,
  inputList: 5_000,
  timeoutMs: 600_000,
  /** A settings file's text (lib/transfer/settings-file.ts refuses larger ones with its own words). */
  settingsFile: 1_100_000,
  passphrase: 1024,
  /** A scheduled text message (TEXT_LIMIT in lib/compose.ts), and its time zone's name. */
  scheduledText: 65_536,
  timeZone: 100,
  /** A campaign's recipients (lib/campaigns/campaign.ts allows 10,000 and says so) and its message. */
  campaignRecipients: 20_000,
  campaignText: 70_000,
} as const;

// Each message is a function: valibot calls it when the issue arises, in the language of that moment.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, () => t('atMostChars', { max: n(max) })));

/** A request's payload: an object, never an array (valibot's object() alone takes arrays). */
const request = <E extends v.ObjectEntries>(entries: E) => v.pipe(notArray(), v.object(entries));

/** Keys that would reach an object's prototype if anything merged the inputs carelessly. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks an operation's inputs once and reports the first value that is too big, too deep, not
 * plain data, or has a prototype key: what no page has reason to send.
 */
function inputsProblem(inputs: Record<string, unknown>): { message: string; path: PropertyKey[] } | undefined {
  let nodes = 0;
  let chars = 0;
  const walk = (value: unknown, path: PropertyKey[]): { message: string; path: PropertyKey[] } | undefined => {
    nodes += 1;
    if (nodes > LIMITS.inputNodes) return { message: t('tooManyValues', { max: n(LIMITS.inputNodes) }), path };
    if (path.length > LIMITS.inputDepth + 1) return { message: t('tooDeep', { max: LIMITS.inputDepth }), path };
    if (typeof value === 'string') {
      chars += value.length;
      if (value.length > LIMITS.inputString) return { message: t('inputTooLong', { max: n(LIMITS.inputString) }), path };
      if (chars > LIMITS.inputTotalChars) return { message: t('callTooBig'), path };
      return undefined;
    }
    if (value === null || value === undefined || typeof value === 'boolean') return undefined;
    if (typeof value === 'number') return Number.isFinite(value) ? undefined : { message: t('finite'), path };
    if (Array.isArray(value)) {
      if (value.length > LIMITS.inputList) return { message: t('tooManyItems', { max: n(LIMITS.inputList) }), path };
      for (let i = 0; i < value.length; i += 1) {
        const problem = walk(value[i], [...path, i]);
        if (problem) return problem;
      }
      return undefined;
    }
    if (typeof value !== 'object' || (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)) {
      return { message: t('plainData'), path };
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || PROTOTYPE_KEYS.has(key)) return { message: notAllowedKey(String(key)), path };
      if (key.length > LIMITS.inputName) return { message: t('longKey', { max: LIMITS.inputName }), path };
      const problem = walk((value as Record<string, unknown>)[key], [...path, key]);
      if (problem) return problem;
    }
    return undefined;
  };
  const names = Reflect.ownKeys(inputs);
  if (names.length > LIMITS.inputNames) return { message: t('tooManyInputs', { max: LIMITS.inputNames }), path: [] };
  return walk(inputs, []);
}

const notAllowedKey = (key: string) => t('keyNotAllowed', { key });

const operationInputs = v.pipe(
  notArray(),
  // valibot's record drops these two keys without a word (and "__proto__", as zod's did): refuse them, as before.
  v.rawCheck(({ dataset, addIssue }) => {
    const key = dataset.typed ? ['constructor', 'prototype'].find((name) => Object.hasOwn(dataset.value, name)) : undefined;
    if (key) addIssue({ message: notAllowedKey(key) });
  }),
  v.record(text(LIMITS.inputName), v.unknown()),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? inputsProblem(dataset.value) : undefined;
    if (!problem) return;
    const path = problem.path.map((key): v.UnknownPathItem => ({ type: 'unknown', origin: 'value', input: dataset.value, key, value: undefined }));
    addIssue({ message: problem.message, path: path.length ? (path as [v.UnknownPathItem, ...v.UnknownPathItem[]]) : undefined });
  }),
);

const importRequest = request({
  text: text(LIMITS.settingsFile),
  /** Opens the file's keys; without it a file with keys is refused unless `withoutKeys`. */
  passphrase: v.optional(text(LIMITS.passphrase)),
  withoutKeys: v.optional(v.boolean()),
  /** Servers already here are replaced by the file's (else kept as they are). */
  replace: v.boolean(),
  /** The file's settings replace these. */
  withSettings: v.boolean(),
});

export const requestSchemas = {
  'operation.call': request({
    profileId: v.optional(text(LIMITS.id)),
    operationId: text(LIMITS.operationId),
    inputs: v.optional(operationInputs),
    timeoutMs: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(LIMITS.timeoutMs, () => t('timeoutMax', { max: LIMITS.timeoutMs })))),
  }),
  'connection.test': request({
    profileId: v.optional(text(LIMITS.id)),
    /** Test what is typed in the form before it is saved; a missing key means "the saved one". */
    draft: v.optional(v.object({ baseUrl: text(LIMITS.url), apiKey: v.optional(text(LIMITS.apiKey)) })),
  }),
  'profile.save': request({
    id: v.optional(text(LIMITS.id)),
    name: text(LIMITS.profileName),
    baseUrl: text(LIMITS.url),
    /** Omitted when editing to keep the saved key. */
    apiKey: v.optional(text(LIMITS.apiKey)),
    notifications: v.optional(v.boolean()),
  }),
  'profile.remove': request({ profileId: text(LIMITS.id) }),
  /** Re-read a profile's sessions now (and the server's health); answers the new snapshot. */
  'sessions.refresh': request({ profileId: v.optional(text(LIMITS.id)) }),
  /** Start logging a session in: registers a new id, or restarts the login of an existing one. */
  'login.start': request({
    profileId: v.optional(text(LIMITS.id)),
    sessionId: text(LIMITS.sessionId),
    method: v.picklist(['qr', 'pairing']),
    /** For pairing: the phone number, any common format; normalised with the default country code. */
    phone: v.optional(text(LIMITS.phone)),
  }),
  /** Ask the server how the login in progress is going (fresh QR, or open); answers its state. */
  'login.poll': request({}),
  /** Stop following the login in progress (the session stays registered). */
  'login.cancel': request({}),
  /** Try live updates again now, e.g. after the user changed the server's CORS setting. */
  'updates.retry': request({}),
  /** Start a bulk job over many items (already normalised by the page; the background checks again). */
  'jobs.start': request({
    kind: v.picklist(['group.add', 'group.approve', 'group.reject', 'numbers.check']),
    profileId: v.optional(text(LIMITS.id)),
    sessionId: text(LIMITS.sessionId),
    groupId: v.optional(text(LIMITS.id)),
    groupName: v.optional(text(LIMITS.groupName)),
    items: v.pipe(
      v.array(v.object({ input: text(LIMITS.inputName), value: text(LIMITS.jobItemText) })),
      v.maxLength(LIMITS.jobItems, () => t('maxItems', { max: n(LIMITS.jobItems) })),
    ),
  }),
  /** Send a job's failed items again. */
  'jobs.retryFailed': request({ jobId: text(LIMITS.id) }),
  'jobs.cancel': request({ jobId: text(LIMITS.id) }),
  /** Remove a finished or cancelled job from the list. */
  'jobs.dismiss': request({ jobId: text(LIMITS.id) }),
  'profile.setDefault': request({ profileId: text(LIMITS.id) }),
  /** Which profiles have no saved key (e.g. they came through sync): ids only, never a key. */
  'profiles.keyStatus': request({}),
  /** The settings file's text: without keys, or with them encrypted when a passphrase is given. */
  'transfer.export': request({ passphrase: v.optional(text(LIMITS.passphrase)) }),
  /** What importing this file would change (nothing is changed). */
  'transfer.plan': importRequest,
  /** Imports the file as planned with the same choices. */
  'transfer.apply': importRequest,
  /** Send a text message later (the composer's "Send later"); the background checks it again and arms its alarm. */
  'scheduled.create': request({
    profileId: v.optional(text(LIMITS.id)),
    sessionId: text(LIMITS.sessionId),
    to: text(LIMITS.id),
    label: text(LIMITS.groupName),
    message: text(LIMITS.scheduledText),
    replyMessageId: v.optional(text(LIMITS.id)),
    presence: v.optional(v.boolean()),
    dueAt: int(),
    timeZone: text(LIMITS.timeZone),
  }),
  /** A new text or time for a scheduled (or missed, or failed) message. */
  'scheduled.update': request({
    id: text(LIMITS.id),
    message: v.optional(text(LIMITS.scheduledText)),
    dueAt: v.optional(int()),
    timeZone: v.optional(text(LIMITS.timeZone)),
  }),
  /** Send it now; `anyway` for one whose earlier send is unconfirmed (the page asked first). */
  'scheduled.sendNow': request({ id: text(LIMITS.id), anyway: v.optional(v.boolean()) }),
  /** Look in the chat again for an unconfirmed one. */
  'scheduled.check': request({ id: text(LIMITS.id) }),
  /** Cancel a scheduled one, or dismiss a finished one. */
  'scheduled.remove': request({ id: text(LIMITS.id) }),
  /** What to do with a message that came due while the browser was closed. */
  'scheduled.setOnMissed': request({ onMissed: v.picklist(['send', 'ask']) }),
  /** Start (or schedule) a campaign: the page rendered each recipient's message; the background checks it all again. */
  'campaigns.start': request({
    name: text(LIMITS.groupName),
    profileId: text(LIMITS.id),
    sessionId: text(LIMITS.sessionId),
    message: v.object({
      kind: v.picklist(['text', 'image', 'video', 'document']),
      template: text(LIMITS.campaignText),
    }),
    file: v.optional(v.object({ kind: v.literal('file'), name: text(255), type: text(255), base64: text(LIMITS.inputString) })),
    recipients: v.pipe(
      v.array(v.object({ digits: text(LIMITS.phone), text: text(LIMITS.campaignText), row: v.optional(num()) })),
      v.maxLength(LIMITS.campaignRecipients, () => t('maxRecipients', { max: n(LIMITS.campaignRecipients) })),
    ),
    unusable: v.pipe(
      v.array(v.object({ input: text(LIMITS.jobItemText), reason: text(LIMITS.jobItemText), row: v.optional(num()) })),
      v.maxLength(LIMITS.campaignRecipients),
    ),
    duplicates: num(),
    columns: v.pipe(v.array(text(LIMITS.inputName)), v.maxLength(200)),
    pacing: v.object({
      minDelaySec: num(),
      maxDelaySec: num(),
      dailyCap: v.optional(num()),
      window: v.optional(v.object({ days: v.pipe(v.array(num()), v.maxLength(7)), startMinute: num(), endMinute: num() })),
      timeZone: text(100),
    }),
    typing: v.boolean(),
    checkNumbers: v.boolean(),
    startAt: v.optional(num()),
  }),
  'campaigns.pause': request({ campaignId: text(LIMITS.id) }),
  /** Resume a paused campaign, or start a duplicated one. */
  'campaigns.resume': request({ campaignId: text(LIMITS.id) }),
  'campaigns.cancel': request({ campaignId: text(LIMITS.id) }),
  'campaigns.retryFailed': request({ campaignId: text(LIMITS.id) }),
  /** Send again to recipients whose message could not be confirmed, knowing they may get it twice. */
  'campaigns.resendUnconfirmed': request({ campaignId: text(LIMITS.id) }),
  /** A copy of a campaign, paused, to be started by the person. */
  'campaigns.duplicate': request({ campaignId: text(LIMITS.id) }),
  /** The shortest delay the server allows between campaign messages (3 s for a stock WARest). */
  'campaigns.floor': request({ profileId: text(LIMITS.id) }),
  /** Remove an ended campaign (and its file) from the list. */
  'campaigns.remove': request({ campaignId: text(LIMITS.id) }),
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
  'profiles.keyStatus': { withoutKey: string[] };
  'transfer.export': { text: string; fileName: string; servers: number; withKeys: boolean };
  'transfer.plan': ImportReadProblem | { outcome: 'plan'; plan: ImportPlan; hasKeys: boolean; withKeys: boolean };
  'transfer.apply': ImportReadProblem | { outcome: 'applied'; added: number; replaced: number; keys: number; settings: boolean };
  'scheduled.create': ScheduledMessage;
  'scheduled.update': ScheduledMessage;
  'scheduled.sendNow': ScheduledMessage;
  'scheduled.check': ScheduledMessage;
  'scheduled.remove': { removed: true };
  'scheduled.setOnMissed': { onMissed: 'send' | 'ask' };
  'campaigns.start': Campaign;
  'campaigns.pause': Campaign;
  'campaigns.resume': Campaign;
  'campaigns.cancel': Campaign;
  'campaigns.retryFailed': Campaign;
  'campaigns.resendUnconfirmed': Campaign;
  'campaigns.duplicate': Campaign;
  'campaigns.remove': { removed: true };
  'campaigns.floor': { floorSec: number };
}

/** A settings file that could not be read (damaged, foreign, wrong passphrase…), in words. */
export interface ImportReadProblem {
  outcome: 'problem';
  problem: ReadProblem;
  message: string;
}

export type RequestOf<T extends MessageType> = v.InferOutput<(typeof requestSchemas)[T]>;
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
