/**
 * Benchmark of the campaign runner: 1,000 recipients at the shortest safe delay (3 s, no random
 * spread), sent by the runner's own loop (lib/campaigns/engine.ts) through the extension's real
 * client (lib/warest/client.ts, with its rate-limit pacer) to the fake WARest server over HTTP,
 * with stock limits (120 requests per 60 s, sends counted twice, 3 s recipient cooldown).
 *
 * A real run takes 50 minutes, so time is simulated: one clock drives the runner's delays, the
 * client's pacer and the fake server's rate limit and cooldown; every send also advances it by a
 * round trip (LATENCY_MS, default 150 ms), as a real server's answer takes time. The campaign is
 * kept as JSON text and parsed and written back on every change, as chrome.storage does.
 *
 * Prints: the simulated finish time against the pacing's expected time (lib/campaigns/pacing.ts
 * expectedDurationMs), the gaps between messages as the server saw them, storage writes, and the
 * heap of the runner's thread after each 100 messages (after a forced GC; the fake server runs in
 * a worker thread of its own, bench/campaign-server.ts, so its growing chats are not counted). It does not
 * measure the browser's own service worker. Exits non-zero when the finish is off by more than
 * 10 % or the heap grows by more than 20 % from the first 100 messages to the last.
 *
 *   npm run bench:campaign     (RECIPIENTS=1000 LATENCY_MS=150 by default)
 */
import { buildCampaign, sendRequest, attemptFromError } from '../lib/campaigns/campaign';
import { runCampaign } from '../lib/campaigns/engine';
import { expectedDurationMs, MIN_DELAY_SEC } from '../lib/campaigns/pacing';
import { checkDelivery } from '../lib/delivery-check';
import { readSentMessageId } from '../lib/answers/menu-results';
import { createClient } from '../lib/warest/client';
import type { PacerClock } from '../lib/warest/rate-pacer';
import type { Campaign } from '../lib/storage';
import { Worker } from 'node:worker_threads';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 1000);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 150);

/** Simulated time, shared with the server's thread. */
class SimClock implements PacerClock {
  readonly shared = new SharedArrayBuffer(8);
  private cell = new BigInt64Array(this.shared);
  constructor(start: number) {
    this.time = start;
  }
  get time() {
    return Number(Atomics.load(this.cell, 0));
  }
  set time(ms: number) {
    Atomics.store(this.cell, 0, BigInt(Math.round(ms)));
  }
  now() {
    return this.time;
  }
  async sleep(ms: number, signal?: AbortSignal) {
    if (signal?.aborted) throw signal.reason;
    this.time += Math.max(0, ms);
    // Let other promise work run, as a real wait would.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function main() {
  const clock = new SimClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  // A worker thread does not get tsx's loader from the command line: it registers it, then loads the server.
  const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./campaign-server.ts', import.meta.url).href)}); })`;
  const serverThread = new Worker(entry, { eval: true, workerData: { clock: clock.shared } });
  const url = await new Promise<string>((resolve, reject) => {
    serverThread.once('message', (message: { url: string }) => resolve(message.url));
    serverThread.once('error', reject);
  });
  const client = createClient({ clock });
  const credentials = { baseUrl: url, apiKey: 'user-key' };

  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => ({ digits: `62815${String(10_000_000 + i)}`, text: `Hello Person ${i + 1}, your code is C-${100_000 + i}.`, row: i + 1 }));
  const built = buildCampaign(
    { name: 'Bench', profileId: 'bench', sessionId: 'main', message: { kind: 'text', template: 'Hello {{name}}, your code is {{code}}.' }, recipients, unusable: [], duplicates: 0, columns: ['name', 'code'], pacing: { minDelaySec: MIN_DELAY_SEC, maxDelaySec: MIN_DELAY_SEC, timeZone: 'UTC' }, typing: false, checkNumbers: false },
    new Set(),
    'bench',
    clock.now(),
  );
  if (!built.ok) throw new Error(built.message);

  let stored = JSON.stringify(built.campaign);
  const initialKb = stored.length / 1024;
  let writes = 0;
  let bytesWritten = 0;
  const heap: number[] = [];
  let sends = 0;
  const started = clock.now();
  const wallStart = performance.now();

  await runCampaign({
    now: () => clock.now(),
    sleep: async (ms) => {
      await clock.sleep(ms);
      return true;
    },
    random: Math.random,
    read: async () => JSON.parse(stored) as Campaign,
    update: async (change) => {
      const before = JSON.parse(stored) as Campaign;
      const next = change(before);
      if (next !== before) {
        stored = JSON.stringify(next);
        writes += 1;
        bytesWritten += stored.length;
      }
      return next;
    },
    async send(campaign, entry) {
      const { operationId, inputs } = sendRequest(campaign, entry);
      const answer = await client.call(credentials, operationId, inputs);
      clock.time += LATENCY_MS;
      sends += 1;
      if (sends % 100 === 0) {
        serverThread.postMessage('clear');
        heap.push(heapMb());
      }
      if (answer.ok) return { kind: 'sent', messageId: readSentMessageId(answer.results) };
      return attemptFromError(answer.error, clock.now());
    },
    verify: (campaign, entry, since) =>
      checkDelivery(async (inputs) => {
        const answer = await client.call(credentials, 'getChatsChatIdMessages', inputs);
        return answer.ok ? { ok: true, data: answer } : { ok: false, error: answer.error };
      }, { sessionId: campaign.sessionId, to: entry.digits, since, text: entry.text }),
    checkNumbers: async () => ({ ok: true, onWhatsApp: new Map() }),
  });

  const finished = clock.now() - started;
  const expected = expectedDurationMs(RECIPIENTS, { minDelaySec: MIN_DELAY_SEC, maxDelaySec: MIN_DELAY_SEC });
  const report = await new Promise<{ sent: Array<{ to: string; at: number }>; stats: { rateLimited: number; recipientCooldowns: number }; violations: string[]; errors: string[] }>((resolve) => {
    serverThread.once('message', resolve);
    serverThread.postMessage('report');
  });
  const { sent } = report;
  const gaps = sent.slice(1).map((m, i) => m.at - sent[i]!.at);
  const final = JSON.parse(stored) as Campaign;
  const everyoneOnce = new Set(sent.map((m) => m.to)).size === RECIPIENTS && sent.length === RECIPIENTS;

  const off = (finished - expected) / expected;
  const growth = heap.length > 1 ? (heap.at(-1)! - heap[0]!) / heap[0]! : 0;
  const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  console.log(`campaign bench: ${RECIPIENTS} recipients, delay ${MIN_DELAY_SEC}–${MIN_DELAY_SEC} s, simulated round trip ${LATENCY_MS} ms, stock rate limit and cooldown`);
  console.log(`  finished (simulated): ${minutes(finished)}; pacing's expected time ${minutes(expected)}; off by ${(off * 100).toFixed(1)} % (budget 10 %)`);
  console.log(`  campaign state ${final.state}; ${final.entries.filter((e) => e.status.state === 'sent').length} sent; each recipient exactly once on the server: ${everyoneOnce}`);
  console.log(`  gaps between messages on the server: min ${Math.min(...gaps)} ms, max ${Math.max(...gaps)} ms; 429s: ${report.stats.rateLimited} rate limit, ${report.stats.recipientCooldowns} cooldown; contract violations ${report.violations.length}, server errors ${report.errors.length}`);
  console.log(`  storage: ${writes} writes (${(writes / RECIPIENTS).toFixed(1)} per message), ${(bytesWritten / 1024 / 1024).toFixed(1)} MB written; the campaign grew from ${initialKb.toFixed(0)} KB to ${(stored.length / 1024).toFixed(0)} KB (each result adds its time and message id)`);
  console.log(`  heap after each 100 messages${gc ? ' (after GC)' : ' (no --expose-gc: without GC, noisy)'}: ${heap.map((mb) => mb.toFixed(1)).join(', ')} MB; growth first→last ${(growth * 100).toFixed(1)} %`);
  console.log(`  wall time ${((performance.now() - wallStart) / 1000).toFixed(1)} s`);
  if (Math.abs(off) > 0.1 || !everyoneOnce || (gc && growth > 0.2) || report.violations.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
