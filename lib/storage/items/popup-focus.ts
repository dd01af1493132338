import * as v from 'valibot';
import { defineCheckedItem } from '../define';
import { KB } from '../limits';

/** A session the popup should show first, e.g. after a notification click. */
export const focusItem = defineCheckedItem<{ profileId: string; sessionId: string } | null>(
  'local:popupFocus',
  v.nullable(v.object({ profileId: v.string(), sessionId: v.string() })),
  null,
  'itemPopupFocus',
  { version: 1, maxBytes: 16 * KB },
);
