import * as z from 'zod/mini';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';

/**
 * Everything the extension keeps in chrome.storage.local, as typed items with a schema version.
 * Each is validated when read: a damaged value is reported, kept aside for recovery, and reset,
 * so a page never goes blank on it.
 *
 * API keys live in their own item, which only the background reads and writes; profiles (which
 * every page reads to paint itself) never hold a key.
 */

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
  profiles: z.array(serverProfileSchema),
  defaultProfileId: z.nullable(z.string()),
});
export type ProfilesState = z.infer<typeof profilesStateSchema>;

export const apiKeysSchema = z.record(z.string(), z.string());
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

export const storageNoticeSchema = z.object({ key: z.string(), at: z.number(), message: z.string() });
export type StorageNotice = z.infer<typeof storageNoticeSchema>;

export const DEFAULT_SETTINGS: Settings = { requestTimeoutSec: 20, defaultCountryCode: '', pollIntervalSec: 30 };

/** A storage item together with the schema its value must satisfy. */
export interface CheckedItem<T> {
  item: WxtStorageItem<T, Record<string, unknown>>;
  schema: z.ZodMiniType<T>;
  fallback: T;
  /** How to name this item to a person when it was damaged. */
  description: string;
}

export function defineCheckedItem<T>(
  key: `local:${string}`,
  schema: z.ZodMiniType<T>,
  fallback: T,
  description: string,
  versioning: { version: number; migrations?: Record<number, (old: any) => any> } = { version: 1 },
): CheckedItem<T> {
  const item = storage.defineItem<T>(key, { fallback, version: versioning.version, migrations: versioning.migrations ?? {} });
  return { item, schema, fallback, description };
}

export const profilesItem = defineCheckedItem<ProfilesState>(
  'local:profiles',
  profilesStateSchema,
  { profiles: [], defaultProfileId: null },
  'your server profiles',
);
export const apiKeysItem = defineCheckedItem<ApiKeys>('local:apiKeys', apiKeysSchema, {}, 'your saved API keys');
export const settingsItem = defineCheckedItem<Settings>('local:settings', settingsSchema, DEFAULT_SETTINGS, 'your settings');
export const storageNoticesItem = defineCheckedItem<StorageNotice[]>(
  'local:storageNotices',
  z.array(storageNoticeSchema),
  [],
  'the list of storage problems',
);

/**
 * Reads an item and checks it. A value that fails the check is copied to `<key>:damaged` (so
 * nothing is lost for good), reset to its fallback, and reported in the storage notices.
 */
export async function readChecked<T>(checked: CheckedItem<T>): Promise<T> {
  let value: unknown;
  try {
    value = await checked.item.getValue();
  } catch {
    value = undefined; // a migration that throws on a damaged value lands here
  }
  const parsed = checked.schema.safeParse(value);
  if (parsed.success) return parsed.data;

  const raw = await storage.getItem(checked.item.key as `local:${string}`).catch(() => value);
  await storage.setItem(`${checked.item.key}:damaged` as `local:${string}`, { at: Date.now(), value: raw ?? null });
  await checked.item.setValue(checked.fallback);
  if (checked !== (storageNoticesItem as CheckedItem<unknown>)) {
    const notices = await readChecked(storageNoticesItem);
    await storageNoticesItem.item.setValue([
      ...notices,
      {
        key: checked.item.key,
        at: Date.now(),
        message: `Stored data for ${checked.description} was damaged and has been reset. A copy was kept under “${checked.item.key}:damaged”.`,
      },
    ]);
  }
  return checked.fallback;
}

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
  sessions: z.array(sessionSummarySchema),
  server: serverHealthSchema,
  updates: z.optional(updateModeSchema),
});
export type ProfileSnapshot = Omit<z.infer<typeof profileSnapshotSchema>, 'sessions'> & {
  sessions: import('./sessions').SessionSummary[];
};

/** The last known state of every profile's sessions: the popup paints from this at once. */
export const snapshotsItem = defineCheckedItem<Record<string, ProfileSnapshot>>(
  'local:sessionSnapshots',
  z.record(z.string(), profileSnapshotSchema) as unknown as z.ZodMiniType<Record<string, ProfileSnapshot>>,
  {},
  'the last known state of your sessions',
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
);

/** A session the popup should show first, e.g. after a notification click. */
export const focusItem = defineCheckedItem<{ profileId: string; sessionId: string } | null>(
  'local:popupFocus',
  z.nullable(z.object({ profileId: z.string(), sessionId: z.string() })),
  null,
  'the session to show',
);

/** When each profile's server version was last asked for (epoch ms), so it is asked at most every 10 min. */
export const versionChecksItem = defineCheckedItem<Record<string, number>>(
  'local:versionChecks',
  z.record(z.string(), z.number()),
  {},
  'when the server versions were last checked',
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
  items: z.array(jobItemSchema),
});
export type Job = z.infer<typeof jobSchema>;

export const jobsItem = defineCheckedItem<Job[]>('local:jobs', z.array(jobSchema), [], 'your bulk jobs');

// ---- Recent recipients (the address-bar keyword) ---------------------------------------------

/** Numbers recently sent to from the address bar or a menu window, newest first (see lib/omnibox.ts). */
export const recentRecipientsItem = defineCheckedItem<Array<{ digits: string; usedAt: number }>>(
  'local:recentRecipients',
  z.array(z.object({ digits: z.string(), usedAt: z.number() })),
  [],
  'your recent recipients',
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
  z.record(z.string(), composeDraftSchema),
  {},
  'your unsent messages (composer drafts)',
);

export function composeDraftKey(profileId: string, sessionId: string): string {
  return `${profileId}/${sessionId}`; // session ids never hold a "/"
}
