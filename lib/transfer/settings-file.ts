import { normalizeServerUrl } from '../warest/server-url';
import { isSealedBox, open, seal, type SealedBox } from './crypto';
import { textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * The file that moves servers and settings to another browser: names, addresses and settings in
 * plain JSON; API keys only when the person sets a passphrase, and then only encrypted. Reading
 * one never trusts it: a foreign, damaged or newer file is refused with a reason a person
 * understands, and each server in it is checked like one typed in the options.
 */

export const FILE_FORMAT = 'warest-companion/settings';
export const FILE_VERSION = 1;
/** A settings file is a few KB; anything far larger is not one. */
export const MAX_FILE_BYTES = 1_000_000;
const MAX_SERVERS = 500;
const MAX_NAME = 100;
const MAX_KEY = 512;

export interface ExportedServer {
  name: string;
  baseUrl: string;
  notifications: boolean;
}

export interface ExportedSettings {
  requestTimeoutSec: number;
  defaultCountryCode: string;
  pollIntervalSec: number;
}

export interface SettingsFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: string;
  servers: ExportedServer[];
  /** The base URL of the default server. */
  defaultServer: string | null;
  settings: ExportedSettings;
  /** `{ [baseUrl]: apiKey }`, encrypted with the passphrase; absent when exported without keys. */
  keys?: SealedBox;
}

export async function buildSettingsFile(input: {
  servers: readonly ExportedServer[];
  defaultServer: string | null;
  settings: ExportedSettings;
  /** With a passphrase, the keys by base URL. */
  keys?: { byBaseUrl: Record<string, string>; passphrase: string; iterations?: number };
  now?: Date;
}): Promise<SettingsFile> {
  const file: SettingsFile = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: (input.now ?? new Date()).toISOString(),
    servers: input.servers.map(({ name, baseUrl, notifications }) => ({ name, baseUrl, notifications })),
    defaultServer: input.defaultServer,
    settings: { ...input.settings },
  };
  if (input.keys) file.keys = await seal(JSON.stringify(input.keys.byBaseUrl), input.keys.passphrase, input.keys.iterations);
  return file;
}

export type ReadProblem = 'too-large' | 'not-json' | 'foreign' | 'newer' | 'damaged' | 'needs-passphrase' | 'wrong-passphrase';

export interface ReadFile {
  servers: ExportedServer[];
  defaultServer: string | null;
  settings: ExportedSettings | null;
  /** Keys by base URL, when the file had them and the passphrase opened them. */
  keys: Record<string, string> | null;
  /** Whether the file holds keys at all (then a passphrase opens them). */
  hasKeys: boolean;
  /** Servers in the file that cannot be used, with the reason. */
  skipped: Array<{ name: string; reason: string }>;
}

export type ReadResult = { ok: true; file: ReadFile } | { ok: false; problem: ReadProblem; message: string };

const PROBLEM_WORDS = {
  'too-large': 'fileBigSet',
  'not-json': 'fileNotJson',
  foreign: 'fileForeign',
  newer: 'fileNewer',
  damaged: 'fileDamaged',
  'needs-passphrase': 'needPass',
  'wrong-passphrase': 'wrongPass',
} as const satisfies Record<ReadProblem, Parameters<typeof t>[0]>;

const fail = (problem: ReadProblem): ReadResult => ({ ok: false, problem, message: t(PROBLEM_WORDS[problem]) });

function readSettings(value: unknown): ExportedSettings | null | 'damaged' {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return 'damaged';
  const s = value as Record<string, unknown>;
  const timeout = s.requestTimeoutSec;
  const poll = s.pollIntervalSec;
  const country = typeof s.defaultCountryCode === 'string' ? s.defaultCountryCode.replace(/^\+/, '') : undefined;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 300) return 'damaged';
  if (typeof poll !== 'number' || !Number.isInteger(poll) || poll < 5 || poll > 3600) return 'damaged';
  if (country === undefined || (country !== '' && !/^[1-9]\d{0,2}$/.test(country))) return 'damaged';
  return { requestTimeoutSec: timeout, defaultCountryCode: country, pollIntervalSec: poll };
}

/**
 * Reads a settings file as text. `passphrase` opens its keys; without one, a file with keys is
 * read without them only when `withoutKeys` says so (else the person is asked for it).
 */
export async function readSettingsFile(text: string, options: { passphrase?: string; withoutKeys?: boolean } = {}): Promise<ReadResult> {
  if (text.length > MAX_FILE_BYTES) return fail('too-large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('not-json');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('foreign');
  const raw = parsed as Record<string, unknown>;
  if (raw.format !== FILE_FORMAT) return fail('foreign');
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1) return fail('damaged');
  if (raw.version > FILE_VERSION) return fail('newer');
  if (!Array.isArray(raw.servers) || raw.servers.length > MAX_SERVERS) return fail('damaged');

  const servers: ExportedServer[] = [];
  const skipped: ReadFile['skipped'] = [];
  const seen = new Set<string>();
  for (const entry of raw.servers) {
    if (!entry || typeof entry !== 'object') return fail('damaged');
    const { name, baseUrl, notifications } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof baseUrl !== 'string') return fail('damaged');
    const label = name.trim().slice(0, MAX_NAME) || baseUrl.slice(0, MAX_NAME);
    const url = normalizeServerUrl(baseUrl);
    if (!url.ok) {
      skipped.push({ name: label, reason: url.reason });
      continue;
    }
    if (seen.has(url.baseUrl)) {
      skipped.push({ name: label, reason: t('srvTwice') });
      continue;
    }
    seen.add(url.baseUrl);
    servers.push({ name: label, baseUrl: url.baseUrl, notifications: notifications !== false });
  }
  const settings = readSettings(raw.settings);
  if (settings === 'damaged') return fail('damaged');
  const defaultUrl = typeof raw.defaultServer === 'string' ? normalizeServerUrl(raw.defaultServer) : undefined;
  const defaultServer = defaultUrl?.ok && seen.has(defaultUrl.baseUrl) ? defaultUrl.baseUrl : null;

  const hasKeys = raw.keys !== undefined;
  let keys: Record<string, string> | null = null;
  if (hasKeys) {
    if (!isSealedBox(raw.keys)) return fail('damaged');
    if (options.passphrase) {
      const opened = await open(raw.keys, options.passphrase);
      if (!opened.ok) return fail(opened.reason);
      let record: unknown;
      try {
        record = JSON.parse(opened.plain);
      } catch {
        return fail('damaged');
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) return fail('damaged');
      keys = {};
      for (const [baseUrl, key] of Object.entries(record as Record<string, unknown>)) {
        const url = normalizeServerUrl(baseUrl);
        if (url.ok && typeof key === 'string' && key && key.length <= MAX_KEY && seen.has(url.baseUrl)) keys[url.baseUrl] = key;
      }
    } else if (!options.withoutKeys) {
      return fail('needs-passphrase');
    }
  }
  return { ok: true, file: { servers, defaultServer, settings, keys, hasKeys, skipped } };
}

// ---- What an import would change -------------------------------------------------------------

export interface ExistingServer {
  id: string;
  name: string;
  baseUrl: string;
  notifications: boolean;
  hasKey: boolean;
}

export type PlannedAction =
  /** Not here yet: added (with its key when the file has one, else it waits for one). */
  | { action: 'add'; server: ExportedServer; key: boolean }
  /** Here with other details; replaced only when the person said so. */
  | { action: 'replace'; id: string; server: ExportedServer; key: boolean; changes: string[] }
  /** `key`: the one here has none and the file's fills it in (nothing here is replaced by that). */
  | { action: 'keep'; id: string; server: ExportedServer; changes: string[]; key?: true }
  /** Here exactly as in the file (a key from the file may still be added). */
  | { action: 'same'; id: string; server: ExportedServer; key: boolean };

export interface ImportPlan {
  servers: PlannedAction[];
  /** Settings that would change, as "name: from → to"; empty when none or not imported. */
  settings: string[];
  skipped: ReadFile['skipped'];
  /** Whether anything at all would change. */
  changes: boolean;
}

/**
 * What importing `file` would do, before anything is changed: servers are matched by address;
 * those already here are kept as they are unless `replace` is set; settings change only with
 * `withSettings`.
 */
export function planImport(existing: readonly ExistingServer[], file: ReadFile, options: { replace: boolean; withSettings: boolean; currentSettings: ExportedSettings }): ImportPlan {
  const servers: PlannedAction[] = file.servers.map((server) => {
    const here = existing.find((e) => e.baseUrl === server.baseUrl);
    const key = !!file.keys?.[server.baseUrl];
    if (!here) return { action: 'add', server, key };
    const changes = [
      ...(here.name !== server.name ? [t('chName', { from: here.name, to: server.name })] : []),
      ...(here.notifications !== server.notifications ? [t(server.notifications ? 'notifyOn' : 'notifyOff')] : []),
    ];
    // A key the file has for a server here without one fills the gap (e.g. a server that came
    // through sync): nothing is replaced by that, so it needs no "replace".
    const fills = key && !here.hasKey;
    if (changes.length === 0) return { action: 'same', id: here.id, server, key: key && (options.replace || fills) };
    if (options.replace) return { action: 'replace', id: here.id, server, key, changes };
    return { action: 'keep', id: here.id, server, changes, ...(fills && { key: true as const }) };
  });
  const settings: string[] = [];
  if (options.withSettings && file.settings) {
    const before = options.currentSettings;
    const after = file.settings;
    const code = (cc: string) => (cc ? `+${cc}` : t('none'));
    if (before.requestTimeoutSec !== after.requestTimeoutSec) settings.push(t('chTimeout', { from: before.requestTimeoutSec, to: after.requestTimeoutSec }));
    if (before.defaultCountryCode !== after.defaultCountryCode) settings.push(t('chCountry', { from: code(before.defaultCountryCode), to: code(after.defaultCountryCode) }));
    if (before.pollIntervalSec !== after.pollIntervalSec) settings.push(t('chPoll', { from: before.pollIntervalSec, to: after.pollIntervalSec }));
  }
  const changes = settings.length > 0 || servers.some((s) => s.action === 'add' || s.action === 'replace' || s.key === true);
  return { servers, settings, skipped: file.skipped, changes };
}
