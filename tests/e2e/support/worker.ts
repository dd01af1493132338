import type { CDPSession } from 'playwright-core';
import { expect } from 'vitest';
import type { LoadedExtension } from './extension';

/**
 * Stopping the extension's service worker the way the browser does when it is idle: its
 * JavaScript ends wherever it is, in-flight fetches are cancelled, pages waiting for a reply get
 * none. (A page's ServiceWorker.stopAllWorkers does not reach an extension's worker here; closing
 * its DevTools target does.) A later message from a page starts a new worker.
 */

async function workerTargets(cdp: CDPSession, extensionId: string): Promise<string[]> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`)).map((target) => target.targetId);
}

/**
 * Stops the running worker. With `untilGone` (the default) it waits until the worker is gone. A
 * test whose page is waiting for an answer passes false: that page starts a new worker at once,
 * under the same target id, and the test proves the stop by what the page then says.
 */
export async function stopWorker(extension: LoadedExtension, { untilGone = true } = {}): Promise<void> {
  const browser = extension.context.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp = await browser.newBrowserCDPSession();
  const targets = await workerTargets(cdp, extension.extensionId);
  expect(targets).toHaveLength(1);
  expect(await cdp.send('Target.closeTarget', { targetId: targets[0]! })).toEqual({ success: true });
  if (untilGone) await expect.poll(() => workerTargets(cdp, extension.extensionId)).toEqual([]);
  await cdp.detach();
}

/** The worker now running (started again by a page's message after a stop). */
export async function runningWorkers(extension: LoadedExtension): Promise<number> {
  const browser = extension.context.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp = await browser.newBrowserCDPSession();
  const count = (await workerTargets(cdp, extension.extensionId)).length;
  await cdp.detach();
  return count;
}
