import { browser } from 'wxt/browser';
import { HANDOFF_PREFIX, HANDOFF_TTL_MS, handoffKey, windowPath, type MenuRequest } from '@/lib/menu-handoff';

/**
 * The small window (menu-action.html) where a right-click menu or the address-bar keyword asks
 * before doing anything: what to do is handed over in storage.session, never in the address.
 */

/** Removes handoffs of earlier clicks that their windows have long read. */
async function pruneHandoffs(now: number): Promise<void> {
  const stored = await browser.storage.session.get(null);
  const stale = Object.entries(stored)
    .filter(([key, value]) => key.startsWith(HANDOFF_PREFIX) && !(now - ((value as { createdAt?: number } | null)?.createdAt ?? 0) < HANDOFF_TTL_MS))
    .map(([key]) => key);
  if (stale.length > 0) await browser.storage.session.remove(stale);
}

export const WINDOW_SIZE = { width: 420, height: 600 } as const;

/**
 * Hands a request to a new window: stored in storage.session under a random id, and only the id
 * in the window's address. Used by the menus and by the address-bar keyword.
 */
export async function openActionWindow(request: MenuRequest): Promise<{ id: string; windowId?: number }> {
  const id = crypto.randomUUID();
  await pruneHandoffs(request.createdAt).catch(() => undefined);
  await browser.storage.session.set({ [handoffKey(id)!]: request });
  const url = browser.runtime.getURL(windowPath(id) as '/menu-action.html');
  try {
    const created = await browser.windows.create({ type: 'popup', url, focused: true, ...WINDOW_SIZE });
    return { id, ...(created?.id !== undefined && { windowId: created.id }) };
  } catch {
    // A browser without window support (or none open): a tab shows the same page.
    await browser.tabs.create({ url });
    return { id };
  }
}
