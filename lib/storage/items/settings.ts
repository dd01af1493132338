import * as v from 'valibot';
import { num } from '../../schema';
import { readChecked } from '../checked';
import { defineCheckedItem } from '../define';
import { KB } from '../limits';

/** The extension's own settings (the options page). */

export const settingsSchema = v.object({
  /** How long one request may take before it counts as timed out. */
  requestTimeoutSec: num(),
  /** Country calling code for numbers typed without one, e.g. "62"; empty for none. */
  defaultCountryCode: v.string(),
  /** How often sessions are re-read when live updates are not available. */
  pollIntervalSec: num(),
  /**
   * What the toolbar badge counts: the default server's sessions (absent: the default) or every
   * server's. Optional, so settings stored before it existed stay valid without a migration.
   */
  badgeScope: v.optional(v.picklist(['default', 'all'])),
  /** Whether the server list (names and addresses, never keys) follows the browser's sync; absent: off. */
  syncServers: v.optional(v.boolean()),
  /** The interface language: absent or "auto" follows the browser's language. */
  language: v.optional(v.picklist(['auto', 'en', 'id'])),
  /** Light or dark: absent or "auto" follows the system. */
  theme: v.optional(v.picklist(['auto', 'light', 'dark'])),
  /** Set once the first-run guide (country code, where to find the URL and key) was seen. */
  setupSeen: v.optional(v.boolean()),
});
export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { requestTimeoutSec: 20, defaultCountryCode: '', pollIntervalSec: 30 };

export const settingsItem = defineCheckedItem<Settings>('local:settings', settingsSchema, DEFAULT_SETTINGS, 'itemSettings', { version: 1, maxBytes: 16 * KB });

/** Changes some settings, keeping the others as stored now (another page or an import may have changed them). */
export async function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  const settings = { ...(await readChecked(settingsItem)), ...changes };
  await settingsItem.item.setValue(settings);
  return settings;
}
