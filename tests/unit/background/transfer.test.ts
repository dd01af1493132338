import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerTransfer } from '@/entrypoints/background/transfer';
import { apiKeysItem, profilesItem, readChecked, settingsItem } from '@/lib/storage';
import { ask, data } from '../helpers/background';
import { home, hostAccess, office, seed } from '../helpers/warest-fetch';

/**
 * Export and import through the background's handlers, as the options page uses them: the keys
 * leave storage only sealed with a passphrase, no reply carries a key, a wrong passphrase and a
 * damaged file are said in words, and nothing changes before the import is applied.
 */

const KEYS = { home: 'home-canary-key-1', office: 'office-canary-key-2' };

beforeEach(async () => {
  fakeBrowser.reset();
  hostAccess();
  await seed({ profiles: [home, office], keys: KEYS, defaultProfileId: 'office', settings: { defaultCountryCode: '62', badgeScope: 'all' } });
  registerTransfer();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const noKeyIn = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
};

describe('export', () => {
  it('leaves the keys out without a passphrase', async () => {
    const exported = data(await ask('transfer.export', {}));
    noKeyIn(exported);
    expect(exported).toMatchObject({ servers: 2, withKeys: false });
    const file = JSON.parse(exported.text);
    expect(file.keys).toBeUndefined();
    expect(file.servers.map((s: { name: string }) => s.name)).toEqual(['Home', 'Office']);
    expect(file.defaultServer).toBe(office.baseUrl);
  });

  it('refuses a short passphrase, and seals the keys with a good one', { timeout: 30_000 }, async () => {
    const short = await ask('transfer.export', { passphrase: 'short' });
    expect(short.ok || short.error).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('at least 8 characters') });
    const sealed = data(await ask('transfer.export', { passphrase: 'correct horse' }));
    noKeyIn(sealed);
    expect(JSON.parse(sealed.text).keys).toMatchObject({ kdf: 'PBKDF2-SHA256', cipher: 'AES-GCM', iterations: 600_000 });
  });
});

describe('import', () => {
  it('plans first (no key in the plan, nothing changed), then applies into a fresh browser with the keys', { timeout: 60_000 }, async () => {
    const { text } = data(await ask('transfer.export', { passphrase: 'correct horse' }));
    fakeBrowser.reset();
    hostAccess();

    const needs = data(await ask('transfer.plan', { text, replace: false, withSettings: true }));
    expect(needs).toMatchObject({ outcome: 'problem', problem: 'needs-passphrase' });
    const wrong = data(await ask('transfer.plan', { text, passphrase: 'wrong horse', replace: false, withSettings: true }));
    expect(wrong).toMatchObject({ outcome: 'problem', problem: 'wrong-passphrase', message: expect.stringContaining('passphrase does not open') });

    const planned = data(await ask('transfer.plan', { text, passphrase: 'correct horse', replace: false, withSettings: true }));
    noKeyIn(planned);
    if (planned.outcome !== 'plan') throw new Error(planned.outcome);
    expect(planned.plan.servers.map((s) => [s.action, s.server.name, 'key' in s && s.key])).toEqual([['add', 'Home', true], ['add', 'Office', true]]);
    expect(planned.plan.settings).toEqual(['default country code: none → +62']);
    expect((await readChecked(profilesItem)).profiles).toEqual([]);

    const applied = data(await ask('transfer.apply', { text, passphrase: 'correct horse', replace: false, withSettings: true }));
    noKeyIn(applied);
    expect(applied).toEqual({ outcome: 'applied', added: 2, replaced: 0, keys: 2, settings: true });
    const { profiles, defaultProfileId } = await readChecked(profilesItem);
    expect(profiles.map((p) => [p.name, p.baseUrl])).toEqual([['Home', home.baseUrl], ['Office', office.baseUrl]]);
    expect(profiles.find((p) => p.id === defaultProfileId)?.name).toBe('Office');
    const keys = await readChecked(apiKeysItem);
    expect(profiles.map((p) => keys[p.id])).toEqual([KEYS.home, KEYS.office]);
    // Imported settings replace only the file's three; the rest stay as they were.
    expect(await readChecked(settingsItem)).toMatchObject({ defaultCountryCode: '62', requestTimeoutSec: 20 });
  });

  it('keeps the servers here unless told to replace them', async () => {
    const other = JSON.stringify({ format: 'warest-companion/settings', version: 1, exportedAt: '2026-12-01T00:00:00Z', servers: [{ name: 'Renamed', baseUrl: home.baseUrl, notifications: false }], defaultServer: null, settings: null });
    const kept = data(await ask('transfer.apply', { text: other, replace: false, withSettings: false }));
    expect(kept).toEqual({ outcome: 'applied', added: 0, replaced: 0, keys: 0, settings: false });
    expect((await readChecked(profilesItem)).profiles[0]).toEqual(home);
    const replaced = data(await ask('transfer.apply', { text: other, replace: true, withSettings: false }));
    expect(replaced).toMatchObject({ replaced: 1 });
    expect((await readChecked(profilesItem)).profiles[0]).toEqual({ ...home, name: 'Renamed', notifications: false });
    // The key of a replaced server stays when the file has none.
    expect((await readChecked(apiKeysItem)).home).toBe(KEYS.home);
  });

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['foreign JSON', '{"servers":[]}', 'foreign'],
    ['damaged', '{"format":"warest-companion/settings","version":1,"servers":"x"}', 'damaged'],
  ])('says what is wrong with a %s file and changes nothing', async (_name, text, problem) => {
    const before = await readChecked(profilesItem);
    const reply = data(await ask('transfer.apply', { text, replace: true, withSettings: true }));
    expect(reply).toMatchObject({ outcome: 'problem', problem, message: expect.stringMatching(/settings file/) });
    expect(await readChecked(profilesItem)).toEqual(before);
  });
});

describe('key status', () => {
  it('names the profiles without a key, never a key', async () => {
    await apiKeysItem.item.setValue({ office: KEYS.office });
    const status = data(await ask('profiles.keyStatus', {}));
    expect(status).toEqual({ withoutKey: ['home'] });
  });
});
