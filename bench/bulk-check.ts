/**
 * Benchmark: a bulk "check numbers on WhatsApp" job of ITEMS numbers (default 1,000) against the
 * fake server with the stock limits (120 requests per 60 s per key; the recipient cooldown and
 * the double-counted routes as on a stock server), the server answering in SERVER_MS. It prints
 * the job's time against the least time the limits and the server allow: the requests it needs
 * (chunks of 20 numbers), each counted as the server counts it, spread over the rate window, or
 * one after the other at the server's time, whichever is longer. Also items lost (not settled)
 * and 429s the server sent. RUNS runs; prints figures, passes or fails nothing.
 *
 *   npm run build:e2e && npm run bench:bulk
 */
import os from 'node:os';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, loadExtension } from '../tests/e2e/support/extension';

const ITEMS = Number(process.env.ITEMS ?? 1_000);
const RUNS = Number(process.env.RUNS ?? 3);
const SERVER_MS = Number(process.env.SERVER_MS ?? 20);
const CHUNK = 20;
const WINDOW = { limit: 120, windowMs: 60_000 };

interface JobView {
  id: string;
  state: string;
  items: Array<{ state: string }>;
}

async function runOnce(): Promise<{ ms: number; requests: number; weight: number; lost: number; rateLimited: number }> {
  const server = await startFakeWarest({ latencyMs: SERVER_MS, rateLimit: WINDOW });
  server.addSession('alice', { id: 'main', status: 'open' });
  const extension = await loadExtension();
  try {
    const page = await extension.openPage('options.html');
    const saved = await askFromPage(page, 'profile.save', { name: 'Bench', baseUrl: server.url, apiKey: 'user-key' });
    if (!saved.ok) throw new Error(saved.error.message);
    // Let the save's own reads land, then count only the job's requests.
    await page.waitForTimeout(500);
    const before = server.requests.length;
    const rateLimitedBefore = server.stats.rateLimited;
    const items = Array.from({ length: ITEMS }, (_, i) => ({ input: `${i}`, value: `62812${String(10_000_000 + i)}` }));
    // The end is seen in the page, the moment the finished job is written: no polling, and
    // nothing read in the worker being measured.
    await page.evaluate(() => {
      (window as unknown as { benchDone: Promise<{ at: number; job: JobView }> }).benchDone = new Promise((resolve) => {
        chrome.storage.onChanged.addListener((changes, area) => {
          const jobs = changes['jobs']?.newValue as JobView[] | undefined;
          const ended = area === 'local' && Array.isArray(jobs) ? jobs.find((j) => j.state !== 'running' && j.state !== 'waiting') : undefined;
          if (ended) resolve({ at: Date.now(), job: ended });
        });
      });
    });
    const started = Date.now();
    const job = (await askFromPage(page, 'jobs.start', { kind: 'numbers.check', profileId: saved.data.id, sessionId: 'main', items })) as { ok: boolean; data: JobView; error?: { message: string } };
    if (!job.ok) throw new Error(job.error?.message);
    const end = await page.evaluate(() => (window as unknown as { benchDone: Promise<{ at: number; job: JobView }> }).benchDone);
    const finished = end.job;
    if (finished.id !== job.data.id) throw new Error('another job ended');
    const ms = end.at - started;
    const jobRequests = server.requests.slice(before).filter((r) => r.operationId === 'getProfileOnWhatsapp');
    return {
      ms,
      requests: jobRequests.length,
      weight: jobRequests.length, // Profiles routes count once (only Misc, Messages and Chats count twice)
      lost: finished.items.filter((item) => item.state !== 'done' && item.state !== 'failed').length,
      rateLimited: server.stats.rateLimited - rateLimitedBefore,
    };
  } finally {
    await extension.close();
    await server.stop();
  }
}

async function main() {
  const results = [];
  for (let run = 0; run < RUNS; run += 1) results.push(await runOnce());
  const requests = Math.ceil(ITEMS / CHUNK);
  // The window lets `limit` weighted requests through per windowMs; the first window is free.
  const byWindow = Math.max(0, Math.ceil(requests / WINDOW.limit) - 1) * WINDOW.windowMs;
  const byServer = requests * SERVER_MS;
  const least = Math.max(byWindow, byServer);
  console.log(`Bulk check of ${ITEMS} numbers (${requests} requests of ${CHUNK}), stock limits ${WINDOW.limit}/${WINDOW.windowMs / 1000} s, server ${SERVER_MS} ms`);
  console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`least the limits and the server allow: ${least} ms (window ${byWindow} ms, server ${byServer} ms)`);
  for (const r of results) {
    console.log(`run: ${r.ms} ms (${((r.ms / least - 1) * 100).toFixed(0)} % over), ${r.requests} requests, ${r.lost} items lost, ${r.rateLimited} answered 429`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
