import { browser } from 'wxt/browser';
import type { MenuAction } from '@/lib/menu-handoff';

/**
 * The outcome as a desktop notification too, since the window may be behind the page by now.
 * The id names the action and whether it worked (`warest-menu:<action>:<ok|failed>:<random>`).
 */
export async function notify(action: MenuAction, ok: boolean, title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create(`warest-menu:${action}:${ok ? 'ok' : 'failed'}:${crypto.randomUUID()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: ok ? 0 : 1,
    });
  } catch (error) {
    console.error('WARest Companion: could not show a notification', error instanceof Error ? error.message : error);
  }
}
