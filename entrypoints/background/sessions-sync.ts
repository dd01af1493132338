import { browser } from 'wxt/browser';
import { apiKeysItem, profilesItem, watchChecked } from '@/lib/storage';
import { registerHandler } from './handler-registry';
import { refreshAll, refreshChanged, refreshProfile } from './sessions-refresh';

/**
 * Keeping each profile's sessions current (the refreshes themselves: sessions-refresh.ts): the
 * popup's `sessions.refresh`, and a refresh whenever a profile, a key or the browser's access
 * changes.
 */

export function registerSessionsSync(): void {
  registerHandler('sessions.refresh', ({ profileId }) => refreshProfile(profileId));

  // Checked values only: a damaged value is repaired once (one notice) and never walked.
  watchChecked(profilesItem, (next, previous) => {
    void refreshChanged(previous.profiles, next.profiles).catch(() => undefined);
  });
  watchChecked(apiKeysItem, (next, previous) => {
    for (const [id, key] of Object.entries(next)) {
      if (previous[id] !== key) void refreshProfile(id).catch(() => undefined);
    }
  });
  try {
    // Access granted on the options page: read the servers it opens up at once.
    browser.permissions.onAdded.addListener(() => void refreshAll().catch(() => undefined));
  } catch {
    // Not available here (unit tests): saving the profile again refreshes it too.
  }
}
