import * as v from 'valibot';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/** Numbers never to message from a campaign (international digits), kept across campaigns. */
export const optOutItem = defineCheckedItem<{ numbers: string[] }>(
  'local:optOut',
  v.object({ numbers: boundedArray(v.string(), 100_000) }),
  { numbers: [] },
  'itemOptOut',
  { version: 1, maxBytes: 2 * MB },
);
