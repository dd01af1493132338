import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedRecord, KB } from '../limits';

/** When each profile's server version was last asked for (epoch ms), so it is asked at most every 10 min. */
export const versionChecksItem = defineCheckedItem<Record<string, number>>(
  'local:versionChecks',
  boundedRecord(num(), 500),
  {},
  'itemVersionChecks',
  { version: 1, maxBytes: 256 * KB },
);
