import * as z from 'zod/mini';
import { defineCheckedItem, storageNoticesItem, type CheckedItem } from './checked';
import { guardCheckedItems } from './guard';
import { boundedArray, boundedRecord, KB, MB } from './limits';

/**
 * Everything the extension keeps in chrome.storage.local, as typed items with a schema version.
 * Each is validated when read or seen changing (lib/storage/checked.ts): a damaged value is
 * reported once, kept aside (bounded) for recovery, and reset, so a page never goes blank on it
 * and nothing ever iterates it. Each item also has a size it never legitimately exceeds: the
 * whole extension has 10 MB (chrome.storage.local without `unlimitedStorage`).
 *
 * API keys live in their own item, which only the background reads and writes; profiles (which
 * every page reads to paint itself) never hold a key.
 */

export {
  defineCheckedItem,
  inspectValue,
  MAX_NOTICES,
  readChecked,
  storageNoticeSchema,
  storageNoticesItem,
  watchChecked,
  type CheckedItem,
  type CheckedItemOptions,
  type StorageNotice,
  type StorageProblem,
} from './checked';
export { isQuotaError, storageFullMessage, StorageFullError, STORAGE_QUOTA_BYTES } from './limits';

export const serverProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  /** Desktop notifications for this server's sessions. */
  notifications: z.boolean(),
  createdAt: z.number(),
});
export type ServerProfile = z.infer<typeof serverProfileSchema>;

export const profilesStateSchema = z.object({
  profiles: boundedArray(serverProfileSchema, 500),
  defaultProfileId: z.nullable(z.string()),
});
export type ProfilesState = z.infer<typeof profilesStateSchema>;

export const apiKeysSchema = boundedRecord(z.string(), 500);
export type ApiKeys = z.infer<typeof apiKeysSchema>;

export const settingsSchema = z.object({
  /** How long one request may take before it counts as timed out. */
  requestTimeoutSec: z.number(),
  /** Country calling code for numbers typed without one, e.g. "62"; empty for none. */
  defaultCountryCode: z.string(),
  /** How often sessions are re-read when live updates are not available. */
  pollIntervalSec: z.number(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { requestTimeoutSec: 20, defaultCountryCode: '', pollIntervalSec: 30 };

export const profilesItem = defineCheckedItem<ProfilesState>(
  'local:profiles',
  profilesStateSchema,
  { profiles: [], defaultProfileId: null },
  'your server profiles',
  { maxBytes: 1 * MB },
);
export const apiKeysItem = defineCheckedItem<ApiKeys>('local:apiKeys', apiKeysSchema, {}, 'your saved API keys', { maxBytes: 256 * KB });
export const settingsItem = defineCheckedItem<Settings>('local:settings', settingsSchema, DEFAULT_SETTINGS, 'your settings', { maxBytes: 16 * KB });

// ---- Sessions (issue: sessions from the toolbar) --------------------------------------------

const sessionSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  name: z.optional(z.string()),
  phone: z.optional(z.string()),
  lastConnection: z.optional(z.string()),
});

/** How the server last answered, for the popup's server pill and the badge. */
const serverHealthSchema = z.object({
  state: z.union([z.literal('ok'), z.literal('unreachable'), z.literal('key-rejected'), z.literal('error')]),
  /** The error message when the state is not ok. */
  message: z.optional(z.string()),
  /** The error's kind (lib/api-result ErrorKind) when the state is not ok, for the pill's words. */
  kind: z.optional(z.string()),
  latencyMs: z.optional(z.number()),
  version: z.optional(z.string()),
});
export type ServerHealth = z.infer<typeof serverHealthSchema>;

/** How this profile's sessions are kept current, and why, for the options page. */
const updateModeSchema = z.object({
  mode: z.union([z.literal('live'), z.literal('polling')]),
  reason: z.optional(z.string()),
});
export type UpdateMode = z.infer<typeof updateModeSchema>;

const profileSnapshotSchema = z.object({
  /** When the sessions were last read from the server (epoch ms); 0 = never. */
  fetchedAt: z.number(),
  /**
   * The sessions, in id order; at most MAX_STORED_SESSIONS and a byte budget of them (see
   * lib/session-sync.ts, capSessions), the ones that need attention first.
   */
  sessions: boundedArray(sessionSummarySchema, 5000),
  /** Present when the server has more sessions than are stored: how many it has. */
  capped: z.optional(z.object({ total: z.number() })),
  server: serverHealthSchema,
  updates: z.optional(updateModeSchema),
});
export type ProfileSnapshot = Omit<z.infer<typeof profileSnapshotSchema>, 'sessions'> & {
  sessions: import('../sessions').SessionSummary[];
};

/** The last known state of every profile's sessions: the popup paints from this at once. */
export const snapshotsItem = defineCheckedItem<Record<string, ProfileSnapshot>>(
  'local:sessionSnapshots',
  boundedRecord(profileSnapshotSchema, 500) as unknown as z.ZodMiniType<Record<string, ProfileSnapshot>>,
  {},
  'the last known state of your sessions',
  // Each profile's snapshot stays within a budget (lib/session-sync.ts); this is far above it.
  { maxBytes: 8 * MB },
);

const loginSchema = z.object({
  profileId: z.string(),
  sessionId: z.string(),
  method: z.union([z.literal('qr'), z.literal('pairing')]),
  startedAt: z.number(),
  /** The QR code as a PNG data URL, and when it was received, for the countdown. */
  qr: z.optional(z.string()),
  qrReceivedAt: z.optional(z.number()),
  qrDuration: z.optional(z.number()),
  phone: z.optional(z.string()),
  pairingCode: z.optional(z.string()),
  state: z.union([z.literal('waiting'), z.literal('open'), z.literal('failed')]),
  message: z.optional(z.string()),
});
export type LoginInProgress = z.infer<typeof loginSchema>;

/** A login (QR or pairing) started in the popup: it survives the popup closing. */
export const loginItem = defineCheckedItem<LoginInProgress | null>(
  'local:loginInProgress',
  z.nullable(loginSchema),
  null,
  'the login in progress',
  { maxBytes: 1 * MB }, // a QR code as a data URL is a few KB
);

/** A session the popup should show first, e.g. after a notification click. */
export const focusItem = defineCheckedItem<{ profileId: string; sessionId: string } | null>(
  'local:popupFocus',
  z.nullable(z.object({ profileId: z.string(), sessionId: z.string() })),
  null,
  'the session to show',
  { maxBytes: 16 * KB },
);

/** When each profile's server version was last asked for (epoch ms), so it is asked at most every 10 min. */
export const versionChecksItem = defineCheckedItem<Record<string, number>>(
  'local:versionChecks',
  boundedRecord(z.number(), 500),
  {},
  'when the server versions were last checked',
  { maxBytes: 256 * KB },
);

// ---- Bulk jobs (issue: groups) --------------------------------------------------------------

/**
 * A bulk job: many items sent in chunks, paced to the rate limit, persisted after every chunk so
 * a closed popup or a restarted service worker resumes it without sending an item twice.
 */
const jobItemSchema = z.object({
  /** What the user pasted or selected for this item. */
  input: z.string(),
  /** The normalised value sent to the server (phone digits or a JID). */
  value: z.string(),
  /** pending → sending (its chunk is on the wire) → done | failed. */
  state: z.union([z.literal('pending'), z.literal('sending'), z.literal('done'), z.literal('failed')]),
  /** The outcome in a word: added, already-in-group, not-on-whatsapp, on-whatsapp, approved, rejected, failed. */
  outcome: z.optional(z.string()),
  /** The reason, in words, for a failure or a notable outcome. */
  reason: z.optional(z.string()),
  attempts: z.number(),
});
export type JobItem = z.infer<typeof jobItemSchema>;

export const JOB_KINDS = ['group.add', 'group.approve', 'group.reject', 'numbers.check'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const jobSchema = z.object({
  id: z.string(),
  kind: z.union([z.literal('group.add'), z.literal('group.approve'), z.literal('group.reject'), z.literal('numbers.check')]),
  profileId: z.string(),
  sessionId: z.string(),
  groupId: z.optional(z.string()),
  /** For messages: the group's name when the job started. */
  groupName: z.optional(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  state: z.union([z.literal('running'), z.literal('waiting'), z.literal('done'), z.literal('cancelled')]),
  /** Why a job is waiting (rate limit, server down), in words. */
  note: z.optional(z.string()),
  /** At most MAX_JOB_ITEMS (lib/jobs.ts) are ever written; twice that is damage. */
  items: boundedArray(jobItemSchema, 10_000),
});
export type Job = z.infer<typeof jobSchema>;

export const jobsItem = defineCheckedItem<Job[]>('local:jobs', boundedArray(jobSchema, 500), [], 'your bulk jobs', { maxBytes: 8 * MB });

// ---- Recent recipients (the address-bar keyword) ---------------------------------------------

/** Numbers recently sent to from the address bar or a menu window, newest first (see lib/omnibox.ts). */
export const recentRecipientsItem = defineCheckedItem<Array<{ digits: string; usedAt: number }>>(
  'local:recentRecipients',
  // RECENT_LIMIT (lib/omnibox.ts) are kept.
  boundedArray(z.object({ digits: z.string(), usedAt: z.number() }), 100),
  [],
  'your recent recipients',
  { maxBytes: 64 * KB },
);

// ---- Composer drafts (issue: the composer in the popup) -------------------------------------

export const COMPOSE_TYPES = ['text', 'files', 'media', 'audio', 'document', 'sticker', 'gif', 'contact', 'location', 'poll', 'buttons', 'list'] as const;
export type ComposeType = (typeof COMPOSE_TYPES)[number];

const composeButtonSchema = z.object({
  kind: z.union([z.literal('reply'), z.literal('url'), z.literal('call')]),
  text: z.string(),
  /** The link for `url`, the phone number for `call`; unused for `reply`. */
  value: z.string(),
});

const composeSectionSchema = z.object({
  title: z.string(),
  rows: z.array(z.object({ title: z.string(), description: z.string() })),
});

/**
 * What a person has typed in the composer, per profile and session, so closing the popup loses
 * nothing. Picked files are not kept (their bytes can be large): the composer says to re-pick them.
 */
const composeDraftSchema = z.object({
  type: z.enum(COMPOSE_TYPES),
  recipient: z.object({
    mode: z.union([z.literal('number'), z.literal('contact'), z.literal('group')]),
    text: z.string(),
    jid: z.optional(z.string()),
    label: z.optional(z.string()),
  }),
  replyMessageId: z.string(),
  presence: z.boolean(),
  message: z.string(),
  mentions: z.string(),
  caption: z.string(),
  source: z.union([z.literal('file'), z.literal('url')]),
  url: z.string(),
  viewOnce: z.boolean(),
  compress: z.boolean(),
  isVN: z.boolean(),
  filename: z.string(),
  /** Names of the files that were picked when the draft was saved, to say which to re-pick. */
  pickedNames: z.array(z.string()),
  contactName: z.string(),
  contactPhone: z.string(),
  contactOrganization: z.string(),
  contactEmail: z.string(),
  latitude: z.string(),
  longitude: z.string(),
  placeName: z.string(),
  address: z.string(),
  question: z.string(),
  pollOptions: z.array(z.string()),
  multipleAnswers: z.boolean(),
  maxSelection: z.string(),
  bodyText: z.string(),
  footer: z.string(),
  buttons: z.array(composeButtonSchema),
  listTitle: z.string(),
  listButtonText: z.string(),
  sections: z.array(composeSectionSchema),
  savedAt: z.number(),
});
export type ComposeDraft = z.infer<typeof composeDraftSchema>;

/** Drafts keyed by `composeDraftKey(profileId, sessionId)`; a draft is removed once sent. */
export const composeDraftsItem = defineCheckedItem<Record<string, ComposeDraft>>(
  'local:composeDrafts',
  boundedRecord(composeDraftSchema, 2000),
  {},
  'your unsent messages (composer drafts)',
  { maxBytes: 6 * MB }, // a text may be 64K characters
);

export function composeDraftKey(profileId: string, sessionId: string): string {
  return `${profileId}/${sessionId}`; // session ids never hold a "/"
}

// ---- The watch over all of them ---------------------------------------------------------------

/** Every checked item, for the service worker's watch (and the tests that damage each one). */
export const checkedItems: ReadonlyArray<CheckedItem<any>> = [
  profilesItem,
  apiKeysItem,
  settingsItem,
  storageNoticesItem,
  snapshotsItem,
  loginItem,
  focusItem,
  versionChecksItem,
  jobsItem,
  recentRecipientsItem,
  composeDraftsItem,
];

/**
 * Checks every item now and whenever it (or its version marker) changes, repairing damage at
 * once: the service worker calls this at start, so an item no page reads is reported too.
 */
export function guardStoredState(): () => void {
  return guardCheckedItems(checkedItems);
}
