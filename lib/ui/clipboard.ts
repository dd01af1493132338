import { textsOf } from '../i18n';

const t = textsOf('work');

/** Puts text on the clipboard. Never throws: false when the browser refuses (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What to say when copyText answered false. */
export const clipboardRefused = (): string => t('clipRefused');
