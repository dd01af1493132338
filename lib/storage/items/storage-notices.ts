import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, KB } from '../limits';

/** The storage problems found and repaired (lib/storage/checked.ts), for the options page and the popup's line. */

export const storageNoticeSchema = v.object({ key: v.string(), at: num(), message: v.string() });
export type StorageNotice = v.InferOutput<typeof storageNoticeSchema>;

/** At most this many notices are kept (newest last); one per item. */
export const MAX_NOTICES = 20;

/** The notices shown on the options page. Reading it never adds to it recursively. */
export const storageNoticesItem = defineCheckedItem<StorageNotice[]>(
  'local:storageNotices',
  boundedArray(storageNoticeSchema, 100),
  [],
  'itemNotices',
  { version: 1, maxBytes: 256 * KB },
);
