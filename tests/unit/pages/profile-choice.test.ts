import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { profilesItem, type ServerProfile } from '@/lib/storage';
import { pickProfileId, useProfileChoice } from '@/lib/ui/profile-choice';

/**
 * The profile choice the popup, All actions and the menu window share: one rule for which
 * server a page shows, on opening and when the profiles change under it.
 */

const profile = (id: string): ServerProfile => ({ id, name: `Server ${id}`, baseUrl: `https://${id}.example.com`, notifications: true, createdAt: 1 });
const three = { profiles: [profile('a'), profile('b'), profile('c')], defaultProfileId: 'b' };

describe('pickProfileId', () => {
  it('takes the first asked-for profile that exists, else the default, else the first', () => {
    expect(pickProfileId(three, ['c'])).toBe('c');
    expect(pickProfileId(three, [undefined, 'gone', null, 'a'])).toBe('a');
    expect(pickProfileId(three, ['gone'])).toBe('b');
    expect(pickProfileId(three)).toBe('b');
    expect(pickProfileId({ ...three, defaultProfileId: 'gone' })).toBe('a');
    expect(pickProfileId({ ...three, defaultProfileId: null }, [''])).toBe('a');
    expect(pickProfileId({ profiles: [], defaultProfileId: null }, ['a'])).toBeNull();
  });
});

describe('useProfileChoice', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useProfileChoice.setState({ loaded: false, profiles: [], defaultProfileId: null, activeProfileId: null });
  });

  it('loads the profiles and the asked-for one, also when what decides it is still being read', async () => {
    await profilesItem.item.setValue(three);
    await useProfileChoice.getState().load(Promise.resolve(['c']));
    expect(useProfileChoice.getState()).toMatchObject({ loaded: true, activeProfileId: 'c', defaultProfileId: 'b' });
    expect(useProfileChoice.getState().profiles.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the chosen profile while it exists, and falls back to the default when it is removed', async () => {
    await profilesItem.item.setValue(three);
    await useProfileChoice.getState().load();
    useProfileChoice.getState().choose('c');
    await profilesItem.item.setValue({ ...three, profiles: [...three.profiles, profile('d')] });
    await vi.waitFor(() => expect(useProfileChoice.getState().profiles).toHaveLength(4));
    expect(useProfileChoice.getState().activeProfileId).toBe('c');
    await profilesItem.item.setValue({ ...three, profiles: [profile('a'), profile('b')] });
    await vi.waitFor(() => expect(useProfileChoice.getState().activeProfileId).toBe('b'));
    await profilesItem.item.setValue({ profiles: [], defaultProfileId: null });
    await vi.waitFor(() => expect(useProfileChoice.getState().activeProfileId).toBeNull());
  });
});
