import { pruneCampaigns } from '@/lib/campaigns/campaign';
import { serialised } from '@/lib/serialised';
import { campaignFilesItem, campaignsItem, readChecked, type Campaign } from '@/lib/storage';
import { updateStoredRecord } from '@/lib/storage/stored-list';
import type { FilePayload } from '@/lib/warest/file-payload';

/**
 * The stored campaigns (campaignsItem) and their files (campaignFilesItem). The runners and the
 * handlers all change the one stored list through one queue, on the value as stored, so no
 * change is lost; a change that changes nothing writes nothing.
 */

const changes = serialised();

export function readCampaigns(): Promise<Campaign[]> {
  return readChecked(campaignsItem);
}

export async function getCampaign(id: string): Promise<Campaign | undefined> {
  return (await readCampaigns()).find((campaign) => campaign.id === id);
}

export function updateCampaign(id: string, change: (campaign: Campaign) => Campaign): Promise<Campaign | undefined> {
  return updateStoredRecord(campaignsItem, changes, id, change);
}

/** Adds a campaign (its file first, so a runner never meets a campaign without its file). */
export function addCampaign(campaign: Campaign, file?: FilePayload): Promise<void> {
  return changes(async () => {
    if (file) await campaignFilesItem.item.setValue({ ...(await readChecked(campaignFilesItem)), [campaign.id]: file });
    const kept = pruneCampaigns([...(await readCampaigns()), campaign]);
    await campaignsItem.item.setValue(kept);
    await dropOrphanFiles(kept);
  });
}

async function dropOrphanFiles(campaigns: readonly Campaign[]): Promise<void> {
  const files = await readChecked(campaignFilesItem);
  const ids = new Set(campaigns.map((c) => c.id));
  const orphans = Object.keys(files).filter((id) => !ids.has(id));
  if (orphans.length === 0) return;
  const kept = { ...files };
  for (const id of orphans) delete kept[id];
  await campaignFilesItem.item.setValue(kept);
}

export async function campaignFile(id: string): Promise<FilePayload | undefined> {
  return (await readChecked(campaignFilesItem))[id];
}

/** Removes a campaign that has ended; 'active' when it still runs (or has a send to verify). */
export function removeCampaign(id: string, stillActive: (campaign: Campaign) => boolean): Promise<'removed' | 'gone' | 'active'> {
  return changes(async () => {
    const campaigns = await readCampaigns();
    const campaign = campaigns.find((c) => c.id === id);
    if (!campaign) return 'gone' as const;
    if (stillActive(campaign)) return 'active' as const;
    const kept = campaigns.filter((c) => c.id !== id);
    await campaignsItem.item.setValue(kept);
    await dropOrphanFiles(kept);
    return 'removed' as const;
  });
}
