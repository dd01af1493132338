import { browser } from 'wxt/browser';
import { computeBadge, computeBadgeAll, type BadgeState } from '@/lib/badge';
import { serialised } from '@/lib/serialised';
import { profilesItem, readChecked, settingsItem, snapshotsItem } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The toolbar badge follows the DEFAULT profile's last snapshot: how many sessions need the user,
 * "!" when the server cannot be reached, "key" when it rejects the key; nothing without a profile.
 * With the "all servers" setting it counts the sessions that need the user on every server, and
 * its tooltip names them, server by server (lib/badge.ts computeBadgeAll).
 */

const DEFAULT_TITLE = 'WARest Companion'; // i18n-exempt: the product's name

export async function badgeNow(): Promise<BadgeState> {
  const [{ profiles, defaultProfileId }, snapshots, settings] = await Promise.all([readChecked(profilesItem), readChecked(snapshotsItem), readChecked(settingsItem)]);
  if (settings.badgeScope === 'all' && profiles.length > 1) {
    return computeBadgeAll(profiles.map((p) => ({ name: p.name, server: snapshots[p.id]?.server, sessions: snapshots[p.id]?.sessions ?? [] })));
  }
  const profile = profiles.find((p) => p.id === defaultProfileId) ?? profiles[0];
  if (!profile) return { text: '', color: '#616161', title: DEFAULT_TITLE };
  const snapshot = snapshots[profile.id];
  if (!snapshot) return { text: '', color: '#616161', title: t('badgeNotRead', { product: DEFAULT_TITLE, server: profile.name }) };
  return computeBadge(snapshot.server, snapshot.sessions, profile.name);
}

const badgeUpdates = serialised();

/** Sets the badge from storage; calls are serialised so the last change wins. */
export function updateBadge(): Promise<void> {
  return badgeUpdates(async () => {
    const badge = await badgeNow();
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.color });
    await browser.action.setTitle({ title: badge.title });
    // Chrome 110+: white text reads on every badge colour used.
    if (typeof browser.action.setBadgeTextColor === 'function') {
      await browser.action.setBadgeTextColor({ color: '#ffffff' }).catch(() => undefined);
    }
  }).catch((error: unknown) => {
    console.error('WARest Companion: could not update the badge', error instanceof Error ? error.message : error);
  });
}

export function registerBadge(): void {
  snapshotsItem.item.watch(() => void updateBadge());
  profilesItem.item.watch(() => void updateBadge());
  settingsItem.item.watch(() => void updateBadge());
  void updateBadge();
}
