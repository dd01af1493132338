import { describe, expect, it } from 'vitest';
import { open, PBKDF2_ITERATIONS, seal } from '@/lib/transfer/crypto';
import { buildSettingsFile, planImport, readSettingsFile, type ExistingServer, type ExportedSettings } from '@/lib/transfer/settings-file';

const SETTINGS: ExportedSettings = { requestTimeoutSec: 20, defaultCountryCode: '62', pollIntervalSec: 30 };
const OFFICE = { name: 'Office', baseUrl: 'https://warest.example.com', notifications: true };
const HOME = { name: 'Home', baseUrl: 'http://192.168.1.10:4001', notifications: false };
const FAST = 100_000; // the least the reader accepts: fast enough for tests

async function exported(withKeys: boolean) {
  return JSON.stringify(await buildSettingsFile({
    servers: [OFFICE, HOME],
    defaultServer: OFFICE.baseUrl,
    settings: SETTINGS,
    ...(withKeys && { keys: { byBaseUrl: { [OFFICE.baseUrl]: 'office-key', [HOME.baseUrl]: 'home-key' }, passphrase: 'correct horse', iterations: FAST } }),
    now: new Date('2026-12-01T10:00:00Z'),
  }));
}

describe('the passphrase box', () => {
  it('round-trips with the right passphrase (PBKDF2 at the default count) and refuses a wrong one', async () => {
    const box = await seal('{"a":"secret"}', 'pässphrase');
    expect(box).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS, cipher: 'AES-GCM' });
    expect(JSON.stringify(box)).not.toContain('secret');
    expect(await open(box, 'pässphrase')).toEqual({ ok: true, plain: '{"a":"secret"}' });
    // The same words typed as decomposed characters open it too.
    expect(await open(box, 'pa\u0308ssphrase')).toEqual({ ok: true, plain: '{"a":"secret"}' });
    expect(await open(box, 'passphrase')).toEqual({ ok: false, reason: 'wrong-passphrase' });
  });

  it('uses a new salt and IV each time, and notices a changed byte', async () => {
    const a = await seal('x', 'p', FAST);
    const b = await seal('x', 'p', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    const bytes = atob(a.data);
    const flipped = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    expect(await open({ ...a, data: flipped }, 'p')).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await open({ ...a, iv: '!!' }, 'p')).toEqual({ ok: false, reason: 'damaged' });
  });
});

describe('a settings file', () => {
  it('holds no key unless a passphrase is set, and then only encrypted', async () => {
    const plain = await exported(false);
    expect(plain).not.toMatch(/office-key|home-key|apiKey/);
    expect(JSON.parse(plain)).toMatchObject({ format: 'warest-companion/settings', version: 1, exportedAt: '2026-12-01T10:00:00.000Z', servers: [OFFICE, HOME], defaultServer: OFFICE.baseUrl, settings: SETTINGS });
    const withKeys = await exported(true);
    expect(withKeys).not.toMatch(/office-key|home-key/);
    expect(JSON.parse(withKeys).keys).toMatchObject({ kdf: 'PBKDF2-SHA256', cipher: 'AES-GCM' });
  });

  it('reads back what was exported, keys with the passphrase', async () => {
    const read = await readSettingsFile(await exported(true), { passphrase: 'correct horse' });
    expect(read).toEqual({ ok: true, file: { servers: [OFFICE, HOME], defaultServer: OFFICE.baseUrl, settings: SETTINGS, keys: { [OFFICE.baseUrl]: 'office-key', [HOME.baseUrl]: 'home-key' }, hasKeys: true, skipped: [] } });
  });

  it('asks for the passphrase, says when it is wrong, and can be read without the keys', async () => {
    const text = await exported(true);
    expect(await readSettingsFile(text)).toMatchObject({ ok: false, problem: 'needs-passphrase' });
    const wrong = await readSettingsFile(text, { passphrase: 'wrong' });
    expect(wrong).toMatchObject({ ok: false, problem: 'wrong-passphrase', message: expect.stringMatching(/passphrase does not open/) });
    expect(await readSettingsFile(text, { withoutKeys: true })).toMatchObject({ ok: true, file: { keys: null, hasKeys: true } });
  });

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['foreign JSON', '{"servers":[]}', 'foreign'],
    ['a list', '[1,2]', 'foreign'],
    ['from a newer version', '{"format":"warest-companion/settings","version":2,"servers":[]}', 'newer'],
    ['servers not a list', '{"format":"warest-companion/settings","version":1,"servers":{}}', 'damaged'],
    ['a server without a name', '{"format":"warest-companion/settings","version":1,"servers":[{"baseUrl":"https://a.example"}]}', 'damaged'],
    ['settings out of range', '{"format":"warest-companion/settings","version":1,"servers":[],"settings":{"requestTimeoutSec":-1,"defaultCountryCode":"","pollIntervalSec":30}}', 'damaged'],
    ['a box that is not one', '{"format":"warest-companion/settings","version":1,"servers":[],"keys":{"kdf":"none"}}', 'damaged'],
    ['too large', 'x'.repeat(1_000_001), 'too-large'],
  ])('refuses %s with a reason', async (_name, text, problem) => {
    const read = await readSettingsFile(text);
    expect(read).toMatchObject({ ok: false, problem });
    if (!read.ok) expect(read.message.length).toBeGreaterThan(20);
  });

  it('checks each server like a typed one, and lists those it cannot use', async () => {
    const text = JSON.stringify({ format: 'warest-companion/settings', version: 1, servers: [{ name: 'Bad', baseUrl: 'ftp://x' }, { name: 'Office', baseUrl: 'warest.example.com/api/v1/' }, { name: 'Again', baseUrl: 'https://warest.example.com' }] });
    const read = await readSettingsFile('\uFEFF' + text);
    expect(read.ok && read.file.servers).toEqual([{ name: 'Office', baseUrl: 'https://warest.example.com', notifications: true }]);
    expect(read.ok && read.file.skipped.map((s) => s.name)).toEqual(['Bad', 'Again']);
  });
});

describe('what an import would change', () => {
  const here: ExistingServer[] = [{ id: 'p1', name: 'Office (old name)', baseUrl: OFFICE.baseUrl, notifications: true, hasKey: true }];

  it('adds what is new, keeps what is here unless told to replace it, and changes settings only when asked', async () => {
    const read = await readSettingsFile(await exported(true), { passphrase: 'correct horse' });
    if (!read.ok) throw new Error(read.message);
    const kept = planImport(here, read.file, { replace: false, withSettings: false, currentSettings: SETTINGS });
    expect(kept.servers).toEqual([
      { action: 'keep', id: 'p1', server: OFFICE, changes: ['name “Office (old name)” → “Office”'] },
      { action: 'add', server: HOME, key: true },
    ]);
    expect(kept.settings).toEqual([]);
    const replaced = planImport(here, read.file, { replace: true, withSettings: true, currentSettings: { ...SETTINGS, requestTimeoutSec: 5, defaultCountryCode: '' } });
    expect(replaced.servers[0]).toEqual({ action: 'replace', id: 'p1', server: OFFICE, key: true, changes: ['name “Office (old name)” → “Office”'] });
    expect(replaced.settings).toEqual(['request timeout: 5 s → 20 s', 'default country code: none → +62']);
    expect(replaced.changes).toBe(true);
  });

  it('says when nothing would change', async () => {
    const read = await readSettingsFile(await exported(false));
    if (!read.ok) throw new Error(read.message);
    const same: ExistingServer[] = [{ id: 'p1', ...OFFICE, hasKey: true }, { id: 'p2', ...HOME, hasKey: true }];
    const plan = planImport(same, read.file, { replace: false, withSettings: true, currentSettings: SETTINGS });
    expect(plan.servers.map((s) => s.action)).toEqual(['same', 'same']);
    expect(plan.changes).toBe(false);
  });
});
