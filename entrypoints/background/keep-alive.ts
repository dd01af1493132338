import { browser } from 'wxt/browser';

/** Chrome's shortest alarm period (30 s). */
const PERIOD_MINUTES = 0.5;

/**
 * A keep-alive alarm for long work (bulk jobs, campaigns): present while `isActive()` says there
 * is work, so a worker stopped during a long wait is woken to carry on; gone otherwise. A failure
 * is only logged: the next change syncs it again.
 */
export async function syncKeepAlive(name: string, isActive: () => Promise<boolean>): Promise<void> {
  try {
    const active = await isActive();
    const existing = await browser.alarms.get(name);
    if (active && !existing) await browser.alarms.create(name, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
    if (!active && existing) await browser.alarms.clear(name);
  } catch (error) {
    console.warn(`WARest Companion: ${name}`, error instanceof Error ? error.message : error);
  }
}
