import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { MB } from '../limits';

/** Written once when a campaign starts; the campaign's frequent ledger writes (campaigns.ts) never carry it. */
const fileSchema = z.object({ kind: z.literal('file'), name: z.string(), type: z.string(), base64: z.string() });

/** The file each campaign sends (image, video or document), by campaign id. */
export const campaignFilesItem = defineCheckedItem<Record<string, z.infer<typeof fileSchema>>>(
  'local:campaignFiles',
  z.record(z.string(), fileSchema),
  {},
  'the files of your campaigns',
  { version: 1, maxBytes: 8 * MB },
);
