import { browser } from 'wxt/browser';
import { apiKeysItem, loginItem, profilesItem } from '@/lib/storage';
import { registerHandler } from './handler-registry';
import { joinLoginRooms, syncLiveConnections } from './live-connections';

/**
 * Live events (the sockets: live-connections.ts) follow the profiles, the keys, the browser's
 * access and the login in progress; `updates.retry` tries refused handshakes again at once.
 */

export function registerLiveUpdates(): void {
  registerHandler('updates.retry', async () => {
    await syncLiveConnections({ resetBackoff: true });
    return { ok: true, data: { retried: true } };
  });
  profilesItem.item.watch(() => void syncLiveConnections({ resetBackoff: true }));
  apiKeysItem.item.watch(() => void syncLiveConnections({ resetBackoff: true }));
  loginItem.item.watch(() => joinLoginRooms());
  try {
    // Access granted or taken away on the options page: connect or disconnect at once.
    browser.permissions.onAdded.addListener(() => void syncLiveConnections({ resetBackoff: true }));
    browser.permissions.onRemoved.addListener(() => void syncLiveConnections());
  } catch {
    // Not available here (unit tests): profile changes and the poll alarm still reconcile.
  }
  void syncLiveConnections();
}
