import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/** The configured WARest servers (profiles), which every page reads to paint itself. They never hold a key (api-keys.ts). */

export const serverProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  /** Desktop notifications for this server's sessions. */
  notifications: z.boolean(),
  createdAt: z.number(),
});
export type ServerProfile = z.infer<typeof serverProfileSchema>;

export const profilesStateSchema = z.object({
  profiles: boundedArray(serverProfileSchema, 500),
  defaultProfileId: z.nullable(z.string()),
});
export type ProfilesState = z.infer<typeof profilesStateSchema>;

export const profilesItem = defineCheckedItem<ProfilesState>(
  'local:profiles',
  profilesStateSchema,
  { profiles: [], defaultProfileId: null },
  'your server profiles',
  { version: 1, maxBytes: 1 * MB },
);
