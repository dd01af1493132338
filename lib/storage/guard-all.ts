import type { CheckedItem } from './define';
import { guardCheckedItems } from './guard';
import { profilesItem } from './items/profiles';
import { apiKeysItem } from './items/api-keys';
import { settingsItem } from './items/settings';
import { storageNoticesItem } from './items/storage-notices';
import { snapshotsItem } from './items/session-snapshots';
import { loginItem } from './items/login-in-progress';
import { focusItem } from './items/popup-focus';
import { versionChecksItem } from './items/version-checks';
import { jobsItem } from './items/jobs';
import { recentRecipientsItem } from './items/recent-recipients';
import { composeDraftsItem } from './items/compose-drafts';
import { templatesItem } from './items/templates';
import { scheduledMessagesItem } from './items/scheduled-messages';
import { campaignsItem } from './items/campaigns';
import { campaignFilesItem } from './items/campaign-files';
import { optOutItem } from './items/opt-out';
import { historyItem } from './items/history';

/**
 * The service worker's watch over every stored item (guard.ts), apart from the barrel (index.ts):
 * only the worker and the tests import this, so the pages do not load every item's check.
 */

/** Every checked item, for the service worker's watch (and the tests that damage each one). */
export const checkedItems: ReadonlyArray<CheckedItem<any>> = [
  profilesItem,
  apiKeysItem,
  settingsItem,
  storageNoticesItem,
  snapshotsItem,
  loginItem,
  focusItem,
  versionChecksItem,
  jobsItem,
  recentRecipientsItem,
  composeDraftsItem,
  templatesItem,
  scheduledMessagesItem,
  campaignsItem,
  campaignFilesItem,
  optOutItem,
  historyItem,
];

/**
 * Checks every item now and whenever it (or its version marker) changes, repairing damage at
 * once: the service worker calls this at start, so an item no page reads is reported too.
 */
export function guardStoredState(): () => void {
  return guardCheckedItems(checkedItems);
}
