import { create } from 'zustand';
import type { ApiError } from '@/lib/warest/api-result';
import type { SessionSummary } from '@/lib/sessions';
import {
  focusItem,
  loginItem,
  profilesItem,
  readChecked,
  storageNoticesItem,
  snapshotsItem,
  type LoginInProgress,
  type ProfileSnapshot,
  type ProfilesState,
} from '@/lib/storage';
import { askBackground } from '@/lib/messaging/ask-background';

/**
 * The popup's state. It paints from what is stored (the last known sessions, with their age)
 * the moment it opens, then asks the background for fresh data and follows storage changes.
 */

export type View =
  | { name: 'list' }
  | { name: 'new-session' }
  | { name: 'login' }
  | { name: 'devices'; sessionId: string }
  | { name: 'webhook'; sessionId: string }
  | { name: 'logout-by-id' }
  | { name: 'groups'; sessionId: string }
  | { name: 'group'; sessionId: string; groupId: string }
  | { name: 'group-participants'; sessionId: string; groupId: string }
  | { name: 'group-requests'; sessionId: string; groupId: string }
  | { name: 'group-create'; sessionId: string }
  | { name: 'group-join'; sessionId: string }
  | { name: 'compose'; sessionId: string; to?: string }
  | { name: 'chats'; sessionId: string }
  | { name: 'chat'; sessionId: string; chatId: string; chatName?: string }
  | { name: 'profile'; sessionId: string }
  | { name: 'server' };

/** The views of one session's groups; their code is loaded only when one is opened. */
export type GroupsViewState = Extract<View, { name: 'groups' | 'group' | 'group-participants' | 'group-requests' | 'group-create' | 'group-join' }>;

export interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

interface PopupState {
  loaded: boolean;
  profiles: ProfilesState;
  activeProfileId: string | null;
  snapshots: Record<string, ProfileSnapshot>;
  login: LoginInProgress | null;
  refreshing: boolean;
  /** The last refresh error that the snapshot does not already describe. */
  refreshError: ApiError | null;
  filter: string;
  view: View;
  notice: Notice | null;
  /** A session to scroll to and highlight (from a notification). */
  focusSessionId: string | null;
  /** How many stored items were found damaged and reset (the options page lists them). */
  storageNotices: number;
  load(): Promise<void>;
  refresh(): Promise<void>;
  switchProfile(profileId: string): void;
  setFilter(filter: string): void;
  show(view: View): void;
  say(notice: Notice | null): void;
}

let watching = false;

function initialFocus(): { profileId?: string; sessionId?: string } {
  const params = new URLSearchParams(location.search);
  return { profileId: params.get('profile') ?? undefined, sessionId: params.get('session') ?? undefined };
}

export const usePopupStore = create<PopupState>((set, get) => ({
  loaded: false,
  profiles: { profiles: [], defaultProfileId: null },
  activeProfileId: null,
  snapshots: {},
  login: null,
  refreshing: false,
  refreshError: null,
  filter: '',
  view: { name: 'list' },
  notice: null,
  focusSessionId: null,
  storageNotices: 0,

  async load() {
    const [profiles, snapshots, login, storedFocus, notices] = await Promise.all([
      readChecked(profilesItem),
      readChecked(snapshotsItem),
      readChecked(loginItem),
      readChecked(focusItem),
      readChecked(storageNoticesItem),
    ]);
    const fromUrl = initialFocus();
    const focus = storedFocus ?? (fromUrl.profileId && fromUrl.sessionId ? { profileId: fromUrl.profileId, sessionId: fromUrl.sessionId } : null);
    if (storedFocus) void focusItem.item.setValue(null);
    const known = (id: string | null | undefined) => (id && profiles.profiles.some((p) => p.id === id) ? id : null);
    const activeProfileId = known(focus?.profileId) ?? known(login?.profileId) ?? known(profiles.defaultProfileId) ?? profiles.profiles[0]?.id ?? null;
    set({
      loaded: true,
      profiles,
      snapshots,
      login,
      activeProfileId,
      focusSessionId: focus?.sessionId ?? null,
      storageNotices: notices.length,
      view: login && login.profileId === activeProfileId ? { name: 'login' } : { name: 'list' },
    });
    if (!watching) {
      watching = true;
      profilesItem.item.watch(async () => {
        const next = await readChecked(profilesItem);
        const active = get().activeProfileId;
        set({ profiles: next, activeProfileId: next.profiles.some((p) => p.id === active) ? active : (next.defaultProfileId ?? next.profiles[0]?.id ?? null) });
      });
      snapshotsItem.item.watch(async () => set({ snapshots: await readChecked(snapshotsItem) }));
      loginItem.item.watch(async () => set({ login: await readChecked(loginItem) }));
      storageNoticesItem.item.watch(async () => set({ storageNotices: (await readChecked(storageNoticesItem)).length }));
    }
    if (activeProfileId) void get().refresh();
  },

  async refresh() {
    const profileId = get().activeProfileId;
    if (!profileId || get().refreshing) return;
    set({ refreshing: true });
    const reply = await askBackground('sessions.refresh', { profileId });
    if (reply.ok) {
      const { profileId: _id, ...snapshot } = reply.data;
      set((state) => ({ refreshing: false, refreshError: null, snapshots: { ...state.snapshots, [profileId]: snapshot } }));
    } else {
      set({ refreshing: false, refreshError: reply.error });
    }
  },

  switchProfile(profileId) {
    set({ activeProfileId: profileId, filter: '', view: { name: 'list' }, notice: null, refreshError: null, focusSessionId: null });
    void get().refresh();
  },
  setFilter: (filter) => set({ filter }),
  // Navigating keeps the last outcome on screen: "Saved" must survive going back to the list.
  show: (view) => set({ view }),
  say: (notice) => set({ notice }),
}));

/** The active profile's sessions, filtered by the search box. */
export function visibleSessions(sessions: readonly SessionSummary[], filter: string): SessionSummary[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...sessions];
  return sessions.filter((s) => [s.id, s.name, s.phone, s.status].some((field) => field?.toLowerCase().includes(needle)));
}
