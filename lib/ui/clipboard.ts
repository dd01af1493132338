/** Puts text on the clipboard. Never throws: false when the browser refuses (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const CLIPBOARD_REFUSED = 'Could not copy: the browser refused clipboard access.';
