import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, KB } from '../limits';

/** The storage problems found and repaired (lib/storage/checked.ts), for the options page and the popup's line. */

export const storageNoticeSchema = z.object({ key: z.string(), at: z.number(), message: z.string() });
export type StorageNotice = z.infer<typeof storageNoticeSchema>;

/** At most this many notices are kept (newest last); one per item. */
export const MAX_NOTICES = 20;

/** The notices shown on the options page. Reading it never adds to it recursively. */
export const storageNoticesItem = defineCheckedItem<StorageNotice[]>(
  'local:storageNotices',
  boundedArray(storageNoticeSchema, 100),
  [],
  'the list of storage problems',
  { version: 1, maxBytes: 256 * KB },
);
