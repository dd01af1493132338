import * as v from 'valibot';
import { record } from '../../schema';
import { defineCheckedItem } from '../define';
import { MB } from '../limits';

/** Written once when a campaign starts; the campaign's frequent ledger writes (campaigns.ts) never carry it. */
const fileSchema = v.object({ kind: v.literal('file'), name: v.string(), type: v.string(), base64: v.string() });

/** The file each campaign sends (image, video or document), by campaign id. */
export const campaignFilesItem = defineCheckedItem<Record<string, v.InferOutput<typeof fileSchema>>>(
  'local:campaignFiles',
  record(v.string(), fileSchema),
  {},
  'itemCampaignFiles',
  { version: 1, maxBytes: 8 * MB },
);
