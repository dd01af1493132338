import { browser } from 'wxt/browser';
import { hostPermissionPattern } from '@/lib/warest/server-url';

/**
 * The browser's host access to one server's address (scheme, host and port), asked for or
 * checked. Never throws: an address the browser cannot grant, or a prompt that fails, is "no".
 * `ask` must be the first thing a click does: Chrome shows its prompt only for a user gesture.
 */
export async function hostAccess(baseUrl: string, mode: 'check' | 'ask'): Promise<boolean> {
  try {
    const origins = [hostPermissionPattern(baseUrl)];
    return await (mode === 'ask' ? browser.permissions.request({ origins }) : browser.permissions.contains({ origins }));
  } catch {
    return false;
  }
}
