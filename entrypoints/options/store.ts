import { create } from 'zustand';
import type { Outcome } from './server-actions';
import { askBackground } from '@/lib/messaging/ask-background';
import {
  DEFAULT_SETTINGS,
  profilesItem,
  readChecked,
  settingsItem,
  snapshotsItem,
  storageNoticesItem,
  type ProfileSnapshot,
  type ProfilesState,
  type Settings,
  type StorageNotice,
  updateSettings,
} from '@/lib/storage';

/** What the options page shows, read from storage and kept current as storage changes. */
interface OptionsState {
  loaded: boolean;
  profiles: ProfilesState;
  settings: Settings;
  notices: StorageNotice[];
  /** Each profile's last known state, for its live-or-polling line. */
  snapshots: Record<string, ProfileSnapshot>;
  /** The profile open in the form; 'new' for an unsaved one. */
  selected: string | 'new' | null;
  /** The outcome of the last save, shown on the profile's form (which remounts on selection). */
  lastSave: { profileId: string; outcome: Outcome } | null;
  /** Profiles without a saved key (e.g. they came through sync): ids only, from the background. */
  withoutKey: string[];
  /** Asks the background again which profiles have no key. */
  refreshKeyStatus(): Promise<void>;
  select(id: string | 'new' | null): void;
  showSaved(profileId: string, outcome: Outcome): void;
  load(): Promise<void>;
  dismissNotices(): Promise<void>;
  /** Saves these settings; the ones not given stay as they are. */
  saveSettings(settings: Partial<Settings>): Promise<void>;
}

let watching = false;

export const useOptionsStore = create<OptionsState>((set, get) => ({
  loaded: false,
  profiles: { profiles: [], defaultProfileId: null },
  settings: DEFAULT_SETTINGS,
  notices: [],
  snapshots: {},
  selected: null,
  lastSave: null,
  withoutKey: [],
  async refreshKeyStatus() {
    const reply = await askBackground('profiles.keyStatus', {});
    if (reply.ok) set({ withoutKey: reply.data.withoutKey });
  },
  select: (selected) => set({ selected, lastSave: null }),
  showSaved: (profileId, outcome) => {
    set({ selected: profileId, lastSave: { profileId, outcome } });
    void get().refreshKeyStatus();
  },
  async load() {
    const [profiles, settings, snapshots] = await Promise.all([readChecked(profilesItem), readChecked(settingsItem), readChecked(snapshotsItem)]);
    // Read notices last: reading a damaged item above is what adds one.
    const notices = await readChecked(storageNoticesItem);
    const selected = get().selected ?? (profiles.profiles.length ? (profiles.defaultProfileId ?? profiles.profiles[0]!.id) : 'new');
    set({ loaded: true, profiles, settings, notices, selected, snapshots });
    void get().refreshKeyStatus();
    if (watching) return;
    watching = true;
    profilesItem.item.watch(async () => {
      const next = await readChecked(profilesItem);
      const current = get().selected;
      const stillThere = current === 'new' || next.profiles.some((p) => p.id === current);
      set({ profiles: next, selected: stillThere ? current : (next.profiles[0]?.id ?? 'new') });
      void get().refreshKeyStatus();
    });
    settingsItem.item.watch(async () => set({ settings: await readChecked(settingsItem) }));
    snapshotsItem.item.watch(async () => set({ snapshots: await readChecked(snapshotsItem) }));
    storageNoticesItem.item.watch(async () => set({ notices: await readChecked(storageNoticesItem) }));
  },
  async dismissNotices() {
    await storageNoticesItem.item.setValue([]);
    set({ notices: [] });
  },
  async saveSettings(changes) {
    set({ settings: await updateSettings(changes) });
  },
}));
