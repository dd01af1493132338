import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { resolveProfile } from '@/entrypoints/background/profile-lookup';
import { registerProfileHandlers } from '@/entrypoints/background/profiles';
import type { ProfilesState } from '@/lib/storage';
import { ask, data } from '../helpers/background';

// Registered once for the file: the router keeps handlers in a module-level map.
registerProfileHandlers();

const KEY = 'wk_user_key_123456';

let contains: ReturnType<typeof vi.fn>;
let updateDynamicRules: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser implements neither permissions nor declarativeNetRequest: stand in for them.
  contains = vi.fn(async () => true);
  updateDynamicRules = vi.fn(async () => undefined);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(contains as never);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([] as never);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockImplementation(updateDynamicRules as never);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function storedProfiles(): Promise<ProfilesState | null> {
  return storage.getItem<ProfilesState>('local:profiles');
}

async function storedKeys(): Promise<Record<string, string> | null> {
  return storage.getItem<Record<string, string>>('local:apiKeys');
}

async function create(name: string, baseUrl: string, apiKey = KEY) {
  return data(await ask('profile.save', { name, baseUrl, apiKey }));
}

describe('profile.save', () => {
  it('refuses an empty name and stores nothing', async () => {
    const reply = await ask('profile.save', { name: '   ', baseUrl: 'http://localhost:4001', apiKey: KEY });
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'Give the server a name.' } });
    expect(await storedProfiles()).toBeNull();
    expect(await storedKeys()).toBeNull();
  });

  it('refuses a bad URL with the reason', async () => {
    const reply = await ask('profile.save', { name: 'Home', baseUrl: 'ftp://nas.local', apiKey: KEY });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/http:\/\/ or https:\/\//) } });
    expect(await storedProfiles()).toBeNull();
  });

  it.each([undefined, '', '   '])('refuses a new profile without an API key (%j)', async (apiKey) => {
    const reply = await ask('profile.save', { name: 'Home', baseUrl: 'http://localhost:4001', ...(apiKey !== undefined && { apiKey }) });
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'Enter the API key.' } });
    expect(await storedProfiles()).toBeNull();
  });

  it('normalises the URL and trims the name', async () => {
    const saved = await create('  Home  ', '192.168.1.10:4001/api/v1/');
    expect(saved.profile.name).toBe('Home');
    expect(saved.profile.baseUrl).toBe('http://192.168.1.10:4001');
    expect(saved.warnings).toEqual([]);
    expect(saved.profile.notifications).toBe(true);
    expect((await storedProfiles())?.profiles[0]?.baseUrl).toBe('http://192.168.1.10:4001');
  });

  it('passes on the plain-http warning for a public host', async () => {
    const saved = await create('Office', 'http://warest.example.com');
    expect(saved.warnings).toHaveLength(1);
    expect(saved.warnings[0]).toMatch(/plain http/);
  });

  it('stores the key in local:apiKeys under the profile id, and never in local:profiles', async () => {
    const saved = await create('Home', 'http://localhost:4001', `  ${KEY}  `);
    expect(await storedKeys()).toEqual({ [saved.profile.id]: KEY });
    expect(JSON.stringify(await storedProfiles())).not.toContain(KEY);
    expect(JSON.stringify(saved)).not.toContain(KEY);
  });

  it('makes the first profile the default, and leaves the default alone for later ones', async () => {
    const first = await create('Home', 'http://localhost:4001');
    expect((await storedProfiles())?.defaultProfileId).toBe(first.profile.id);
    const second = await create('Office', 'https://warest.example.com', 'other-key');
    const state = await storedProfiles();
    expect(state?.defaultProfileId).toBe(first.profile.id);
    expect(state?.profiles.map((p) => p.id)).toEqual([first.profile.id, second.profile.id]);
  });

  it('keeps the saved key when editing without a key, and keeps id and creation time', async () => {
    const saved = await create('Home', 'http://localhost:4001');
    const edited = data(await ask('profile.save', { id: saved.profile.id, name: 'Home NAS', baseUrl: 'http://localhost:4001/warest', notifications: false }));

    expect(edited.profile).toEqual({ ...saved.profile, name: 'Home NAS', baseUrl: 'http://localhost:4001/warest', notifications: false });
    expect(await storedKeys()).toEqual({ [saved.profile.id]: KEY });
    expect((await storedProfiles())?.profiles).toEqual([edited.profile]);
  });

  it('replaces the key when editing with a new one, leaving other profiles’ keys alone', async () => {
    const home = await create('Home', 'http://localhost:4001');
    const office = await create('Office', 'https://warest.example.com', 'office-key');
    data(await ask('profile.save', { id: home.profile.id, name: 'Home', baseUrl: 'http://localhost:4001', apiKey: 'rotated-key' }));
    expect(await storedKeys()).toEqual({ [home.profile.id]: 'rotated-key', [office.profile.id]: 'office-key' });
  });

  it('keeps the saved key for its own address only: moving a profile to another origin needs the key typed again', async () => {
    const home = await create('Home', 'http://localhost:4001');
    const moved = await ask('profile.save', { id: home.profile.id, name: 'Home', baseUrl: 'https://elsewhere.example.com' });
    expect(moved).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await storedKeys()).toEqual({ [home.profile.id]: KEY });
    // A new path on the same origin keeps the key; a typed key moves it.
    data(await ask('profile.save', { id: home.profile.id, name: 'Home', baseUrl: 'http://localhost:4001/warest' }));
    data(await ask('profile.save', { id: home.profile.id, name: 'Home', baseUrl: 'https://elsewhere.example.com', apiKey: 'new-key' }));
    expect(await storedKeys()).toEqual({ [home.profile.id]: 'new-key' });
  });

  it('refuses to edit a profile that does not exist', async () => {
    const reply = await ask('profile.save', { id: 'gone', name: 'X', baseUrl: 'http://localhost:4001', apiKey: KEY });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
    expect(await storedProfiles()).toBeNull();
  });

  it("reports host access as the browser's permissions say, asking for the server's host pattern", async () => {
    expect((await create('Home', 'http://192.168.1.10:4001/warest')).hostAccess).toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://192.168.1.10:4001/*'] });

    contains.mockResolvedValue(false);
    expect((await create('Office', 'https://warest.example.com')).hostAccess).toBe(false);
  });

  it('reports no host access when the permissions API fails', async () => {
    contains.mockRejectedValue(new Error('permissions unavailable'));
    expect((await create('Home', 'http://localhost:4001')).hostAccess).toBe(false);
  });

  it("updates the Origin rules to cover the saved server", async () => {
    await create('Home', 'http://192.168.1.10:4001');
    expect(updateDynamicRules).toHaveBeenCalled();
    const update = updateDynamicRules.mock.calls.at(-1)?.[0] as { addRules: Array<{ condition: { urlFilter: string } }> };
    expect(update.addRules.map((r) => r.condition.urlFilter)).toEqual(['|http://192.168.1.10:4001/']);
  });
});

describe('profile.remove', () => {
  it('deletes the profile and its key, and moves the default to a remaining profile', async () => {
    const home = await create('Home', 'http://localhost:4001', 'home-key');
    const office = await create('Office', 'https://warest.example.com', 'office-key');

    expect(data(await ask('profile.remove', { profileId: home.profile.id }))).toEqual({ removed: true });
    const state = await storedProfiles();
    expect(state?.profiles.map((p) => p.id)).toEqual([office.profile.id]);
    expect(state?.defaultProfileId).toBe(office.profile.id);
    expect(await storedKeys()).toEqual({ [office.profile.id]: 'office-key' });
  });

  it('keeps the default when another profile is removed', async () => {
    const home = await create('Home', 'http://localhost:4001');
    const office = await create('Office', 'https://warest.example.com');
    data(await ask('profile.remove', { profileId: office.profile.id }));
    expect((await storedProfiles())?.defaultProfileId).toBe(home.profile.id);
  });

  it('leaves no default when the last profile is removed', async () => {
    const home = await create('Home', 'http://localhost:4001');
    data(await ask('profile.remove', { profileId: home.profile.id }));
    expect(await storedProfiles()).toEqual({ profiles: [], defaultProfileId: null });
    expect(await storedKeys()).toEqual({});
  });

  it('refuses to remove a profile that does not exist', async () => {
    expect(await ask('profile.remove', { profileId: 'gone' })).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
  });
});

describe('profile.setDefault', () => {
  it('makes the chosen profile the default', async () => {
    await create('Home', 'http://localhost:4001');
    const office = await create('Office', 'https://warest.example.com');
    expect(data(await ask('profile.setDefault', { profileId: office.profile.id }))).toEqual({ defaultProfileId: office.profile.id });
    expect((await storedProfiles())?.defaultProfileId).toBe(office.profile.id);
  });

  it('refuses a profile that does not exist and keeps the old default', async () => {
    const home = await create('Home', 'http://localhost:4001');
    expect(await ask('profile.setDefault', { profileId: 'gone' })).toMatchObject({ ok: false, error: { kind: 'no-profile' } });
    expect((await storedProfiles())?.defaultProfileId).toBe(home.profile.id);
  });
});

describe('resolveProfile', () => {
  it('picks the asked profile, else the default, and returns its key', async () => {
    const home = await create('Home', 'http://localhost:4001', 'home-key');
    const office = await create('Office', 'https://warest.example.com', 'office-key');

    const byDefault = await resolveProfile();
    expect(byDefault.ok && byDefault.value.apiKey).toBe('home-key');
    const asked = await resolveProfile(office.profile.id);
    expect(asked.ok && asked.value.profile.id).toBe(office.profile.id);
    expect(asked.ok && asked.value.apiKey).toBe('office-key');
    expect(home.profile.id).not.toBe(office.profile.id);
  });

  it('says the asked profile no longer exists rather than silently using another', async () => {
    await create('Home', 'http://localhost:4001');
    const result = await resolveProfile('gone');
    expect(result).toMatchObject({ ok: false, error: { kind: 'no-profile', message: expect.stringMatching(/no longer exists/) } });
  });

  it('reports a profile whose key is missing as an auth problem', async () => {
    const home = await create('Home', 'http://localhost:4001');
    await storage.setItem('local:apiKeys', {});
    expect(await resolveProfile(home.profile.id)).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });
});
