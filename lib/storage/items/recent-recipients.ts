import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedArray, KB } from '../limits';

/** Numbers recently sent to from the address bar or a menu window, newest first (see lib/omnibox.ts). */
export const recentRecipientsItem = defineCheckedItem<Array<{ digits: string; usedAt: number }>>(
  'local:recentRecipients',
  // RECENT_LIMIT (lib/omnibox.ts) are kept.
  boundedArray(z.object({ digits: z.string(), usedAt: z.number() }), 100),
  [],
  'your recent recipients',
  { version: 1, maxBytes: 64 * KB },
);
