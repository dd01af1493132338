import * as v from 'valibot';
import { defineCheckedItem } from '../define';
import { boundedRecord, KB } from '../limits';

/**
 * The API keys, by profile id, in their own item: only the background reads and writes it
 * (tests/unit/layers.test.ts holds every other file to that), and no page ever receives a key.
 */

export const apiKeysSchema = boundedRecord(v.string(), 500);
export type ApiKeys = v.InferOutput<typeof apiKeysSchema>;

export const apiKeysItem = defineCheckedItem<ApiKeys>('local:apiKeys', apiKeysSchema, {}, 'itemApiKeys', { version: 1, maxBytes: 256 * KB });
