import type { CDPSession } from 'playwright-core';
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
  if (targets.length !== 1) throw new Error(`expected one running worker, found ${targets.length}`);
  const { success } = await cdp.send('Target.closeTarget', { targetId: targets[0]! });
  if (!success) throw new Error('the worker could not be stopped');
  // (No vitest here: benchmarks stop workers too.) Waiting for a state, not for a time.
  for (const deadline = Date.now() + 20_000; untilGone && (await workerTargets(cdp, extension.extensionId)).length > 0; ) {
    if (Date.now() > deadline) throw new Error('the worker did not stop within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
