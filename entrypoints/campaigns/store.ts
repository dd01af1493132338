import { create } from 'zustand';
import { askBackground } from '@/lib/messaging/ask-background';
import type { MessageType, Reply, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { campaignsItem, optOutItem, readChecked, settingsItem, snapshotsItem, watchChecked, type Campaign, type ProfileSnapshot } from '@/lib/storage';
import { useProfileChoice } from '@/lib/ui/profile-choice';

/**
 * The Campaigns page: the stored campaigns (the background's runners change them; the page
 * follows the stored value), the opt-out list, the servers' sessions, and which campaign is shown.
 * The page never sends a message itself: it asks the background to start, pause, resume… and
 * shows what storage then says.
 */

export type Selection = { kind: 'new'; from?: undefined } | { kind: 'campaign'; id: string };

interface CampaignsState {
  loaded: boolean;
  campaigns: Campaign[];
  optOut: string[];
  snapshots: Record<string, ProfileSnapshot>;
  defaultCountryCode: string;
  /** The shortest delay the chosen server allows (3 s for a stock WARest), from the background. */
  floorSec: number;
  selection: Selection;
  /** The outcome of the last action, in words. */
  banner: { tone: 'ok' | 'error'; text: string } | null;
  load(): Promise<void>;
  select(selection: Selection): void;
  say(banner: CampaignsState['banner']): void;
  saveOptOut(numbers: string[]): Promise<void>;
  /** Asks the background; the outcome is said in the banner, and answered. */
  act<T extends MessageType>(type: T, payload: RequestOf<T>, done?: string): Promise<Reply<ResponseOf<T>>>;
}

export const useCampaignsStore = create<CampaignsState>((set) => ({
  loaded: false,
  campaigns: [],
  optOut: [],
  snapshots: {},
  defaultCountryCode: '',
  floorSec: 3,
  selection: { kind: 'new' },
  banner: null,

  async load() {
    const params = new URLSearchParams(location.search);
    const [campaigns, optOut, snapshots, settings] = await Promise.all([
      readChecked(campaignsItem),
      readChecked(optOutItem),
      readChecked(snapshotsItem),
      readChecked(settingsItem),
      useProfileChoice.getState().load([params.get('profile')]),
    ]);
    const first = campaigns.at(-1);
    set({ loaded: true, campaigns, optOut: optOut.numbers, snapshots, defaultCountryCode: settings.defaultCountryCode, selection: first ? { kind: 'campaign', id: first.id } : { kind: 'new' } });
    watchChecked(campaignsItem, (next) => set({ campaigns: next }));
    watchChecked(optOutItem, (next) => set({ optOut: next.numbers }));
    watchChecked(snapshotsItem, (next) => set({ snapshots: next }));
    watchChecked(settingsItem, (next) => set({ defaultCountryCode: next.defaultCountryCode }));
    const follow = (profileId: string | null) => {
      if (!profileId) return;
      void askBackground('sessions.refresh', { profileId });
      void askBackground('campaigns.floor', { profileId }).then((reply) => {
        if (reply.ok && useProfileChoice.getState().activeProfileId === profileId) set({ floorSec: reply.data.floorSec });
      });
    };
    follow(useProfileChoice.getState().activeProfileId);
    useProfileChoice.subscribe((state, previous) => {
      if (state.activeProfileId !== previous.activeProfileId) {
        set({ floorSec: 3 });
        follow(state.activeProfileId);
      }
    });
  },

  select: (selection) => set({ selection, banner: null }),
  say: (banner) => set({ banner }),

  async saveOptOut(numbers) {
    await optOutItem.item.setValue({ numbers: [...new Set(numbers)] });
  },

  async act(type, payload, done) {
    const reply = await askBackground(type, payload);
    set({ banner: reply.ok ? (done ? { tone: 'ok', text: done } : null) : { tone: 'error', text: reply.error.message } });
    return reply;
  },
}));
