import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { KB } from '../limits';

/** The extension's own settings (the options page). */

export const settingsSchema = z.object({
  /** How long one request may take before it counts as timed out. */
  requestTimeoutSec: z.number(),
  /** Country calling code for numbers typed without one, e.g. "62"; empty for none. */
  defaultCountryCode: z.string(),
  /** How often sessions are re-read when live updates are not available. */
  pollIntervalSec: z.number(),
  /**
   * What the toolbar badge counts: the default server's sessions (absent: the default) or every
   * server's. Optional, so settings stored before it existed stay valid without a migration.
   */
  badgeScope: z.optional(z.union([z.literal('default'), z.literal('all')])),
  /** Whether the server list (names and addresses, never keys) follows the browser's sync; absent: off. */
  syncServers: z.optional(z.boolean()),
  /** The interface language: absent or "auto" follows the browser's language. */
  language: z.optional(z.union([z.literal('auto'), z.literal('en'), z.literal('id')])),
  /** Light or dark: absent or "auto" follows the system. */
  theme: z.optional(z.union([z.literal('auto'), z.literal('light'), z.literal('dark')])),
  /** Set once the first-run guide (country code, where to find the URL and key) was seen. */
  setupSeen: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { requestTimeoutSec: 20, defaultCountryCode: '', pollIntervalSec: 30 };

export const settingsItem = defineCheckedItem<Settings>('local:settings', settingsSchema, DEFAULT_SETTINGS, 'your settings', { version: 1, maxBytes: 16 * KB });
