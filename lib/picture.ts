/**
 * Checks for a picture before it is sent as a profile or group picture, shared by both views:
 * WhatsApp takes JPEG or PNG, and a few MB is more than any such picture needs.
 */

import { textsOf } from './i18n';

const t = textsOf('work');

export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** Why a picked file cannot be a profile or group picture, or null when it can. */
export function checkPictureFile(file: { name: string; type: string; size: number }): string | null {
  const name = file.name;
  if (!/^image\/(jpeg|png)$/.test(file.type)) return t('picType', { name });
  if (file.size > MAX_PICTURE_BYTES) return t('picBig', { name });
  if (file.size === 0) return t('picEmpty', { name });
  return null;
}

/** Why a typed picture address cannot be used, or null when it can. */
export function checkPictureUrl(value: string): string | null {
  if (!value.trim()) return t('picUrl');
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : t('picHttp');
  } catch {
    return t('picBadUrl');
  }
}
