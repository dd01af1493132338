import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, KB } from '../limits';

/** Numbers recently sent to from the address bar or a menu window, newest first (see lib/omnibox.ts). */
export const recentRecipientsItem = defineCheckedItem<Array<{ digits: string; usedAt: number }>>(
  'local:recentRecipients',
  // RECENT_LIMIT (lib/omnibox.ts) are kept.
  boundedArray(v.object({ digits: v.string(), usedAt: num() }), 100),
  [],
  'itemRecipients',
  { version: 1, maxBytes: 64 * KB },
);
