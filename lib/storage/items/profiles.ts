import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/** The configured WARest servers (profiles), which every page reads to paint itself. They never hold a key (api-keys.ts). */

export const serverProfileSchema = v.object({
  id: v.string(),
  name: v.string(),
  baseUrl: v.string(),
  /** Desktop notifications for this server's sessions. */
  notifications: v.boolean(),
  createdAt: num(),
});
export type ServerProfile = v.InferOutput<typeof serverProfileSchema>;

export const profilesStateSchema = v.object({
  profiles: boundedArray(serverProfileSchema, 500),
  defaultProfileId: v.nullable(v.string()),
});
export type ProfilesState = v.InferOutput<typeof profilesStateSchema>;

export const profilesItem = defineCheckedItem<ProfilesState>(
  'local:profiles',
  profilesStateSchema,
  { profiles: [], defaultProfileId: null },
  'itemProfiles',
  { version: 1, maxBytes: 1 * MB },
);
