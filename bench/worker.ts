/**
 * Benchmark of the service worker: (1) wake → first reply, a message sent to a stopped worker
 * until its answer arrives (the worker's script is parsed and run first); (2) the background's
 * overhead per call, `operation.call` of a read against the fake server compared with a bare
 * `fetch` of the same URL from the same page, interleaved, 200 each. Median and range. Prints
 * figures; it passes or fails nothing.
 *
 *   npm run build:e2e && npx tsx bench/worker.ts
 *   BEFORE=<another e2e build's dir> npx tsx bench/worker.ts   (an A/B: wakes of both, interleaved)
 */
import os from 'node:os';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, E2E_BUILD_DIR, loadExtension } from '../tests/e2e/support/extension';
import { stopWorker } from '../tests/e2e/support/worker';

const WAKES = Number(process.env.WAKES ?? 15);
const CALLS = Number(process.env.CALLS ?? 200);
/** Another build to time in the same run (`BEFORE=<dir>`: an older e2e build): its wakes interleaved with this one's. */
const BEFORE = process.env.BEFORE;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const summary = (values: number[]) => `median ${median(values).toFixed(1)} ms, range ${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

async function main() {
  const server = await startFakeWarest({ rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  for (let i = 0; i < 10; i += 1) server.addSession('alice', { id: `s${i}`, status: 'open' });
  const wakes: number[] = [];
  const wakesBefore: number[] = [];
  let restarted = 0;
  const overhead: { viaWorker: number[]; bare: number[] } = { viaWorker: [], bare: [] };
  try {
    // Wake → first reply: each round a fresh browser, so the stopped worker is the real one.
    // Now and then (a few in 30, classic and module worker alike) DevTools' close leaves the
    // worker running: that round is done again in a fresh browser, and the count is printed.
    const wakeOnce = async (buildDir: string): Promise<number | undefined> => {
      const extension = await loadExtension(buildDir);
      try {
        const page = await extension.openPage('options.html');
        await askFromPage(page, 'login.poll', {});
        const stopped = await stopWorker(extension).then(() => true, (error: Error) => {
          if (!/did not stop/.test(error.message) || restarted >= 5) throw error;
          return false;
        });
        if (!stopped) return undefined;
        return await page.evaluate(async () => {
          const started = performance.now();
          await chrome.runtime.sendMessage({ protocol: 'warest-companion/1', type: 'login.poll', payload: {} });
          return performance.now() - started;
        });
      } finally {
        await extension.close();
      }
    };
    const builds: Array<[string, number[]]> = [[E2E_BUILD_DIR, wakes], ...(BEFORE ? [[BEFORE, wakesBefore] as [string, number[]]] : [])];
    for (let round = 0; round < WAKES + 1; round += 1) {
      for (const [dir, into] of builds) {
        let elapsed = await wakeOnce(dir);
        while (elapsed === undefined) {
          restarted += 1;
          elapsed = await wakeOnce(dir);
        }
        if (round > 0) into.push(elapsed); // the first round warms the disk cache
      }
    }

    // Overhead per call: the same read through the worker and as a bare fetch, interleaved.
    const extension = await loadExtension();
    const page = await extension.openPage('options.html');
    const saved = await askFromPage(page, 'profile.save', { name: 'Bench', baseUrl: server.url, apiKey: 'user-key' });
    if (!saved.ok) throw new Error(saved.error.message);
    const times = await page.evaluate(async ({ url, calls }) => {
      const viaWorker: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < calls + 10; i += 1) {
        let started = performance.now();
        const reply = await chrome.runtime.sendMessage({ protocol: 'warest-companion/1', type: 'operation.call', payload: { operationId: 'getSessionList' } });
        if (!reply?.ok) throw new Error(JSON.stringify(reply));
        const worker = performance.now() - started;
        started = performance.now();
        const response = await fetch(`${url}/api/v1/session/list`, { headers: { 'X-WAREST-API-KEY': 'user-key', Accept: 'application/json' }, cache: 'no-store' });
        await response.json();
        const direct = performance.now() - started;
        if (i >= 10) {
          viaWorker.push(worker);
          bare.push(direct);
        }
      }
      return { viaWorker, bare };
    }, { url: server.url, calls: CALLS });
    overhead.viaWorker = times.viaWorker;
    overhead.bare = times.bare;
    await extension.close();
  } finally {
    await server.stop();
  }
  const differences = overhead.viaWorker.map((t, i) => t - overhead.bare[i]!);
  console.log(`Service worker (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`);
  console.log(`  wake → first reply (message to a stopped worker): ${summary(wakes)}${restarted ? `; ${restarted} round(s) redone, the worker not stopped` : ''}`);
  if (BEFORE) console.log(`  the same with ${BEFORE}, interleaved: ${summary(wakesBefore)}`);
  console.log(`  getSessionList through the worker: ${summary(overhead.viaWorker)}`);
  console.log(`  the same as a bare fetch from the page: ${summary(overhead.bare)}`);
  console.log(`  background overhead per call (paired difference): ${summary(differences)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
