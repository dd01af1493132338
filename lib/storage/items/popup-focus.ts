import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { KB } from '../limits';

/** A session the popup should show first, e.g. after a notification click. */
export const focusItem = defineCheckedItem<{ profileId: string; sessionId: string } | null>(
  'local:popupFocus',
  z.nullable(z.object({ profileId: z.string(), sessionId: z.string() })),
  null,
  'the session to show',
  { version: 1, maxBytes: 16 * KB },
);
