import { describe, expect, it } from 'vitest';
import { applyImport, existingServers } from '@/lib/transfer/apply-import';
import { buildSettingsFile, planImport, readSettingsFile, type ExportedSettings } from '@/lib/transfer/settings-file';
import type { ProfilesState } from '@/lib/storage';

const SETTINGS: ExportedSettings = { requestTimeoutSec: 20, defaultCountryCode: '62', pollIntervalSec: 30 };
const OFFICE = { name: 'Office', baseUrl: 'https://warest.example.com', notifications: true };
const HOME = { name: 'Home', baseUrl: 'http://192.168.1.10:4001', notifications: false };
const FAST = 100_000;

async function fileWithKeys() {
  const text = JSON.stringify(await buildSettingsFile({
    servers: [OFFICE, HOME],
    defaultServer: HOME.baseUrl,
    settings: SETTINGS,
    keys: { byBaseUrl: { [OFFICE.baseUrl]: 'office-key', [HOME.baseUrl]: 'home-key' }, passphrase: 'correct horse', iterations: FAST },
  }));
  const read = await readSettingsFile(text, { passphrase: 'correct horse' });
  if (!read.ok) throw new Error(read.message);
  return read.file;
}

let ids = 0;
const options = () => ({ now: 7, newId: () => `new-${++ids}` });

describe('applying an import', () => {
  it('into an empty browser adds every server with its key and takes the file’s default', async () => {
    const file = await fileWithKeys();
    const empty: ProfilesState = { profiles: [], defaultProfileId: null };
    const plan = planImport([], file, { replace: false, withSettings: false, currentSettings: SETTINGS });
    ids = 0;
    const out = applyImport({ profiles: empty, keys: {} }, file, plan, options());
    expect(out.profiles.profiles).toEqual([
      { id: 'new-1', ...OFFICE, createdAt: 7 },
      { id: 'new-2', ...HOME, createdAt: 7 },
    ]);
    expect(out.profiles.defaultProfileId).toBe('new-2');
    expect(out.keys).toEqual({ 'new-1': 'office-key', 'new-2': 'home-key' });
    expect(out.counts).toEqual({ added: 2, replaced: 0, keys: 2 });
    expect(out.settings).toBeNull();
  });

  it('keeps what is here (name, key, default) unless told to replace; fills a missing key either way', async () => {
    const file = await fileWithKeys();
    const here: ProfilesState = {
      profiles: [
        { id: 'p1', name: 'Office (mine)', baseUrl: OFFICE.baseUrl, notifications: true, createdAt: 1 },
        // Came through sync: no key yet.
        { id: 'p2', name: 'Home', baseUrl: HOME.baseUrl, notifications: false, createdAt: 1 },
      ],
      defaultProfileId: 'p1',
    };
    const keys = { p1: 'my-office-key' };
    const kept = planImport(existingServers(here, keys), file, { replace: false, withSettings: false, currentSettings: SETTINGS });
    expect(kept.servers.map((s) => [s.action, 'key' in s ? s.key : undefined])).toEqual([['keep', undefined], ['same', true]]);
    expect(kept.changes).toBe(true);
    const out = applyImport({ profiles: here, keys }, file, kept, options());
    expect(out.profiles).toEqual(here);
    expect(out.keys).toEqual({ p1: 'my-office-key', p2: 'home-key' });

    const replacing = planImport(existingServers(here, keys), file, { replace: true, withSettings: true, currentSettings: { ...SETTINGS, requestTimeoutSec: 5 } });
    const replaced = applyImport({ profiles: here, keys }, file, replacing, options());
    expect(replaced.profiles.profiles[0]).toEqual({ ...here.profiles[0], name: 'Office' });
    expect(replaced.profiles.defaultProfileId).toBe('p1');
    expect(replaced.keys).toEqual({ p1: 'office-key', p2: 'home-key' });
    expect(replaced.counts).toEqual({ added: 0, replaced: 1, keys: 2 });
    expect(replaced.settings).toEqual(SETTINGS);
  });

  it('imports without keys when the file is read without them: servers wait for a key', async () => {
    const text = JSON.stringify(await buildSettingsFile({ servers: [OFFICE], defaultServer: null, settings: SETTINGS, keys: { byBaseUrl: { [OFFICE.baseUrl]: 'k' }, passphrase: 'correct horse', iterations: FAST } }));
    const read = await readSettingsFile(text, { withoutKeys: true });
    if (!read.ok) throw new Error(read.message);
    const plan = planImport([], read.file, { replace: false, withSettings: false, currentSettings: SETTINGS });
    ids = 0;
    const out = applyImport({ profiles: { profiles: [], defaultProfileId: null }, keys: {} }, read.file, plan, options());
    expect(out.keys).toEqual({});
    expect(out.counts).toEqual({ added: 1, replaced: 0, keys: 0 });
  });
});
