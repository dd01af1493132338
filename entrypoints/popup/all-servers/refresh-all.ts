import { askBackground } from '@/lib/messaging/ask-background';
import { usePopupStore } from '../shared/store';

/**
 * Asks the background to re-read every server at once: one `sessions.refresh` per server, in
 * parallel. The background paces each key to its server's rate limit and never waits out a spent
 * window on a refresh (it says when to try again), so a slow or down server holds no other one.
 * Each answer is painted as it comes; the stored snapshots' watch paints the rest.
 */
export async function refreshAll(profileIds: readonly string[]): Promise<void> {
  await Promise.all(
    profileIds.map(async (profileId) => {
      const reply = await askBackground('sessions.refresh', { profileId });
      if (!reply.ok) return;
      const { profileId: _id, ...snapshot } = reply.data;
      usePopupStore.setState((state) => ({ snapshots: { ...state.snapshots, [profileId]: snapshot } }));
    }),
  );
}
