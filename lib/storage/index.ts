
/**
 * Everything the extension keeps in chrome.storage.local, as typed items with a schema version:
 * one file per item in lib/storage/items/ (its schema, fallback, description, version and size),
 * its migrations one file per version step in lib/storage/migrations/<item>/v<N>.ts (none yet:
 * every item is at version 1). Each is validated when read or seen changing (checked.ts): a
 * damaged value is reported once, kept aside (bounded) for recovery, and reset, so a page never
 * goes blank on it and nothing ever iterates it. Each item also has a size it never legitimately
 * exceeds: the whole extension has 10 MB (chrome.storage.local without `unlimitedStorage`).
 *
 * Only re-exports: code here would be loaded by every page that imports from here, so the service
 * worker's watch over every item (guard-all.ts) and its stored-record update (stored-list.ts) are
 * imported from their own files.
 *
 * API keys live in their own item, which only the background reads and writes; profiles (which
 * every page reads to paint itself) never hold a key. Import from here (`@/lib/storage`).
 */

export { defineCheckedItem, migrationProblem, type CheckedItem, type CheckedItemOptions, type MigrationStep } from './define';
export { inspectValue, readChecked, watchChecked, type StorageProblem } from './checked';
export { isQuotaError, storageFullMessage, StorageFullError, STORAGE_QUOTA_BYTES } from './limits';

export { apiKeysItem, apiKeysSchema, type ApiKeys } from './items/api-keys';
export { campaignFilesItem } from './items/campaign-files';
export { CAMPAIGN_MESSAGE_KINDS, CAMPAIGN_STATES, campaignsItem, type Campaign, type CampaignEntry, type CampaignState } from './items/campaigns';
export { optOutItem } from './items/opt-out';
export { COMPOSE_TYPES, composeDraftKey, composeDraftsItem, type ComposeDraft, type ComposeType } from './items/compose-drafts';
export { JOB_KINDS, jobsItem, type Job, type JobItem, type JobKind } from './items/jobs';
export { loginItem, type LoginInProgress } from './items/login-in-progress';
export { focusItem } from './items/popup-focus';
export { historyItem } from './items/history';
export { profilesItem, profilesStateSchema, serverProfileSchema, type ProfilesState, type ServerProfile } from './items/profiles';
export { recentRecipientsItem } from './items/recent-recipients';
export { scheduledMessagesItem, type ScheduledMessage, type ScheduledMessages, type ScheduledState } from './items/scheduled-messages';
export { snapshotsItem, type ProfileSnapshot, type ServerHealth, type UpdateMode } from './items/session-snapshots';
export { DEFAULT_SETTINGS, settingsItem, settingsSchema, updateSettings, type Settings } from './items/settings';
export { MAX_NOTICES, storageNoticeSchema, storageNoticesItem, type StorageNotice } from './items/storage-notices';
export { templatesItem, type MessageTemplate } from './items/templates';
export { versionChecksItem } from './items/version-checks';
