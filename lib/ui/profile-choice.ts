import { create } from 'zustand';
import { profilesItem, readChecked, type ProfilesState, type ServerProfile } from '../storage';

/**
 * Which server (profile) a page acts on, shared by the popup, All actions and the menu window:
 * the profiles, kept current as they change, and the active one. One rule picks it, on opening
 * and whenever the profiles change: the one asked for (the page's address, a notification, a
 * login in progress, the person's choice) if it still exists, else the default, else the first.
 */

/** A profile a page was asked to show; absent or unknown ones are passed over. */
type Asked = string | null | undefined;

/** The rule: the first asked-for profile that exists, else the default, else the first; null with none. */
export function pickProfileId(state: ProfilesState, asked: readonly Asked[] = []): string | null {
  const known = (id: Asked) => (id && state.profiles.some((p) => p.id === id) ? id : null);
  for (const id of asked) if (known(id)) return id!;
  return known(state.defaultProfileId) ?? state.profiles[0]?.id ?? null;
}

interface ProfileChoiceState {
  loaded: boolean;
  profiles: readonly ServerProfile[];
  defaultProfileId: string | null;
  /** The profile the page acts on; null while none is set up. */
  activeProfileId: string | null;
  /**
   * Reads the profiles, picks the active one and follows later changes. `asked` may be a promise,
   * so a page can read what decides it (its stored focus, a login) alongside the profiles.
   */
  load(asked?: readonly Asked[] | Promise<readonly Asked[]>): Promise<void>;
  /** The person chose another server. */
  choose(profileId: string): void;
}

/** The watch of the current load; a later load (a test, a second call) replaces it. */
let unwatch: (() => void) | undefined;

export const useProfileChoice = create<ProfileChoiceState>((set, get) => ({
  loaded: false,
  profiles: [],
  defaultProfileId: null,
  activeProfileId: null,

  async load(asked = []) {
    const [state, wanted] = await Promise.all([readChecked(profilesItem), asked]);
    set({ loaded: true, profiles: state.profiles, defaultProfileId: state.defaultProfileId, activeProfileId: pickProfileId(state, wanted) });
    unwatch?.();
    unwatch = profilesItem.item.watch(async () => {
      const next = await readChecked(profilesItem);
      // The profile in use stays while it exists (a rename, another server added).
      set({ profiles: next.profiles, defaultProfileId: next.defaultProfileId, activeProfileId: pickProfileId(next, [get().activeProfileId]) });
    });
  },

  choose: (profileId) => set({ activeProfileId: profileId }),
}));

/** The active profile, or undefined. */
export function activeProfile(state: Pick<ProfileChoiceState, 'profiles' | 'activeProfileId'>): ServerProfile | undefined {
  return state.profiles.find((p) => p.id === state.activeProfileId);
}
