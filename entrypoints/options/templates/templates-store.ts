import { readChecked, templatesItem, isQuotaError, storageFullMessage, type MessageTemplate } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

/**
 * Changing the stored templates from a page: read, change, write under one Web Lock, so two open
 * pages (this one and a composer inserting) never lose each other's change.
 */
export async function changeTemplates(change: (templates: MessageTemplate[]) => MessageTemplate[]): Promise<{ ok: true } | { ok: false; message: string }> {
  const run = async () => {
    try {
      await templatesItem.item.setValue(change(await readChecked(templatesItem)));
      return { ok: true as const };
    } catch (error) {
      return { ok: false as const, message: isQuotaError(error) ? storageFullMessage(t('theTemplate')) : t('templateNotSaved') };
    }
  };
  return navigator.locks ? navigator.locks.request('warest-companion:templates', run) : run();
}
