import { describe, expect, it } from 'vitest';
import { seal } from '@/lib/transfer/crypto';
import { readSettingsFile } from '@/lib/transfer/settings-file';

/** Gaps the first settings-file tests leave: a crafted file cannot weaken or smuggle keys in. */

const OFFICE = { name: 'Office', baseUrl: 'https://warest.example.com', notifications: true };
const fileWith = (keys: unknown) => JSON.stringify({ format: 'warest-companion/settings', version: 1, exportedAt: '2026-12-01T00:00:00Z', servers: [OFFICE], defaultServer: null, settings: null, keys });

describe('the keys of a settings file', () => {
  it('refuses a box with a key derivation too cheap to protect anything', async () => {
    const box = { ...(await seal('{}', 'correct horse', 100_000)), iterations: 1_000 };
    expect(await readSettingsFile(fileWith(box), { passphrase: 'correct horse' })).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('refuses keys that are not a record of addresses to keys', async () => {
    const box = await seal('["a","b"]', 'correct horse', 100_000);
    expect(await readSettingsFile(fileWith(box), { passphrase: 'correct horse' })).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('keeps only keys of servers in the file, with an address as the file names it', async () => {
    const box = await seal(JSON.stringify({ 'https://warest.example.com/': 'office-key', 'https://evil.example.com': 'x', 'https://warest.example.com/other': 7 }), 'correct horse', 100_000);
    const read = await readSettingsFile(fileWith(box), { passphrase: 'correct horse' });
    expect(read.ok && read.file.keys).toEqual({ 'https://warest.example.com': 'office-key' });
  });
});
