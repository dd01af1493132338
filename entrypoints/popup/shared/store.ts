import { create } from 'zustand';
import type { ApiError } from '@/lib/warest/api-result';
import type { SessionSummary } from '@/lib/sessions';
import { focusItem, loginItem, readChecked, storageNoticesItem, snapshotsItem, type LoginInProgress, type ProfileSnapshot } from '@/lib/storage';
import { askBackground } from '@/lib/messaging/ask-background';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import type { View } from '../features';

/**
 * The popup's state. It paints from what is stored (the last known sessions, with their age)
 * the moment it opens, then asks the background for fresh data and follows storage changes.
 * Which server it shows is the shared profile choice (useProfileChoice): a notification's or the
 * address's server, else the one logging in, else the default, else the first.
 */

export interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

interface PopupState {
  loaded: boolean;
  snapshots: Record<string, ProfileSnapshot>;
  login: LoginInProgress | null;
  refreshing: boolean;
  /** The last refresh error that the snapshot does not already describe. */
  refreshError: ApiError | null;
  filter: string;
  /** What the popup shows: one of its features' views (../features.ts). */
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
  /** Shows a login the background just started, with its state as it answered: the view is drawn with it, not before it. */
  showLogin(login: LoginInProgress): void;
  say(notice: Notice | null): void;
}

let watching = false;

function initialFocus(): { profileId?: string; sessionId?: string } {
  const params = new URLSearchParams(location.search);
  return { profileId: params.get('profile') ?? undefined, sessionId: params.get('session') ?? undefined };
}

export const usePopupStore = create<PopupState>((set, get) => ({
  loaded: false,
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
    const fromUrl = initialFocus();
    const reading = Promise.all([readChecked(loginItem), readChecked(focusItem)]).then(([login, storedFocus]) => {
      const focus = storedFocus ?? (fromUrl.profileId && fromUrl.sessionId ? { profileId: fromUrl.profileId, sessionId: fromUrl.sessionId } : null);
      return { login, storedFocus, focus };
    });
    // The profiles are read alongside; the server to show is asked for by the focus, then the login.
    const asked = reading.then(({ login, focus }) => [focus?.profileId, login?.profileId]);
    const [snapshots, { login, storedFocus, focus }, notices] = await Promise.all([
      readChecked(snapshotsItem),
      reading,
      readChecked(storageNoticesItem),
      useProfileChoice.getState().load(asked),
    ]);
    if (storedFocus) void focusItem.item.setValue(null);
    const { activeProfileId } = useProfileChoice.getState();
    set({
      loaded: true,
      snapshots,
      login,
      focusSessionId: focus?.sessionId ?? null,
      storageNotices: notices.length,
      view: login && login.profileId === activeProfileId ? { name: 'login' } : { name: 'list' },
    });
    if (!watching) {
      watching = true;
      snapshotsItem.item.watch(async () => set({ snapshots: await readChecked(snapshotsItem) }));
      loginItem.item.watch(async () => set({ login: await readChecked(loginItem) }));
      storageNoticesItem.item.watch(async () => set({ storageNotices: (await readChecked(storageNoticesItem)).length }));
    }
    if (activeProfileId) void get().refresh();
  },

  async refresh() {
    const profileId = useProfileChoice.getState().activeProfileId;
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
    useProfileChoice.getState().choose(profileId);
    set({ filter: '', view: { name: 'list' }, notice: null, refreshError: null, focusSessionId: null });
    void get().refresh();
  },
  setFilter: (filter) => set({ filter }),
  // Navigating keeps the last outcome on screen: "Saved" must survive going back to the list.
  show: (view) => set({ view }),
  showLogin: (login) => set({ login, view: { name: 'login' } }),
  say: (notice) => set({ notice }),
}));

/** The active profile's sessions, filtered by the search box. */
export function visibleSessions(sessions: readonly SessionSummary[], filter: string): SessionSummary[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...sessions];
  return sessions.filter((s) => [s.id, s.name, s.phone, s.status].some((field) => field?.toLowerCase().includes(needle)));
}
