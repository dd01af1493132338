/**
 * Benchmark of the service worker: (1) wake → first reply, a message sent to a stopped worker
 * until its answer arrives (the worker's script is parsed and run first); (2) the background's
 * overhead per call, `operation.call` of a read against the fake server compared with a bare
 * `fetch` of the same URL from the same page, interleaved, 200 each. Median and range. Prints
 * figures; it passes or fails nothing.
 *
 *   npm run build:e2e && npx tsx bench/worker.ts
 */
import os from 'node:os';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, loadExtension } from '../tests/e2e/support/extension';
import { stopWorker } from '../tests/e2e/support/worker';

const WAKES = Number(process.env.WAKES ?? 15);
const CALLS = Number(process.env.CALLS ?? 200);

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
  const overhead: { viaWorker: number[]; bare: number[] } = { viaWorker: [], bare: [] };
  try {
    // Wake → first reply: each round a fresh browser, so the stopped worker is the real one.
    for (let round = 0; round < WAKES + 1; round += 1) {
      const extension = await loadExtension();
      const page = await extension.openPage('options.html');
      await askFromPage(page, 'login.poll', {});
      await stopWorker(extension);
      const elapsed = await page.evaluate(async () => {
        const started = performance.now();
        await chrome.runtime.sendMessage({ protocol: 'warest-companion/1', type: 'login.poll', payload: {} });
        return performance.now() - started;
      });
      if (round > 0) wakes.push(elapsed); // the first round warms the disk cache
      await extension.close();
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
  console.log(`  wake → first reply (message to a stopped worker): ${summary(wakes)}`);
  console.log(`  getSessionList through the worker: ${summary(overhead.viaWorker)}`);
  console.log(`  the same as a bare fetch from the page: ${summary(overhead.bare)}`);
  console.log(`  background overhead per call (paired difference): ${summary(differences)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
