/**
 * Benchmark: the service worker's JS heap across an hour of polling. One server with SESSIONS
 * (default 10) sessions; the poll alarm is fired POLLS times (default 120, an hour at the default
 * 30 s), each as soon as the previous poll's requests are over (an unpacked extension's alarms
 * may fire that often). The heap is read over the DevTools protocol on the worker's own
 * target (Runtime.getHeapUsage, after HeapProfiler.collectGarbage and the worker's own gc(),
 * which needs --js-flags=--expose-gc), after a warm-up of WARMUP polls and every STEP polls
 * after it. ALARM=bench-control runs the harness alone (an alarm nothing listens to), to tell
 * its own cost from the worker's. Prints figures; it passes or fails nothing.
 *
 *   npm run build:e2e && npm run bench:memory
 */
import os from 'node:os';
import type { CDPSession } from 'playwright-core';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, loadExtension, type LoadedExtension } from '../tests/e2e/support/extension';

const SESSIONS = Number(process.env.SESSIONS ?? 10);
const POLLS = Number(process.env.POLLS ?? 120);
const WARMUP = Number(process.env.WARMUP ?? 10);
const STEP = Number(process.env.STEP ?? 20);
/** ALARM=another-name is the control: the same harness (alarms, evaluates, waits) with no poll behind it. */
const POLL_ALARM = process.env.ALARM ?? 'warest-sessions-poll';
const QUIET_MS = Number(process.env.QUIET_MS ?? 300);

/** A DevTools session on the worker's own target (Playwright opens none for workers). */
async function workerSession(extension: LoadedExtension): Promise<{ send(method: string, params?: object): Promise<any>; close(): Promise<void> }> {
  const browser = extension.context.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extension.extensionId}/`));
  if (!target) throw new Error('no running worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let lastId = 0;
  const waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  return {
    send(method, params = {}) {
      const id = ++lastId;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    close: () => cdp.detach(),
  };
}

async function main() {
  const server = await startFakeWarest({ rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  for (let i = 0; i < SESSIONS; i += 1) server.addSession('alice', { id: `s${i}`, status: 'open' });
  const extension = await loadExtension(undefined, '', { extraArgs: ['--js-flags=--expose-gc'] });
  const samples: Array<{ polls: number; usedKB: number }> = [];
  try {
    const page = await extension.openPage('options.html');
    const saved = await askFromPage(page, 'profile.save', { name: 'Bench', baseUrl: server.url, apiKey: 'user-key' });
    if (!saved.ok) throw new Error(saved.error.message);
    const worker = await workerSession(extension);
    const heapKB = async () => {
      // Both collectors: DevTools' full GC, then the worker's own (weak references, finalizers).
      await worker.send('HeapProfiler.collectGarbage');
      await extension.background.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
      const usage = (await worker.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usage.usedSize / 1024;
    };

    /**
     * Fires the poll alarm, then waits for that poll's work: the alarm seen in the worker, and no
     * new request to the server for QUIET_MS (a poll's requests take a few ms each here).
     */
    const poll = async () => {
      await extension.background.evaluate(
        (name) =>
          new Promise<void>((resolve) => {
            // (A property, not a named const: tsx would wrap a named function in a helper the worker lacks.)
            const box: { on?: (alarm: chrome.alarms.Alarm) => void } = {};
            box.on = (alarm) => {
              if (alarm.name !== name) return;
              chrome.alarms.onAlarm.removeListener(box.on!);
              resolve();
            };
            chrome.alarms.onAlarm.addListener(box.on);
            void chrome.alarms.create(name, { when: Date.now() });
          }),
        POLL_ALARM,
      );
      for (let seen = -1; seen !== server.requests.length; ) {
        seen = server.requests.length;
        await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      }
    };

    for (let i = 0; i < WARMUP; i += 1) await poll();
    const started = Date.now();
    samples.push({ polls: 0, usedKB: await heapKB() });
    for (let done = 1; done <= POLLS; done += 1) {
      await poll();
      if (done % STEP === 0 || done === POLLS) samples.push({ polls: done, usedKB: await heapKB() });
    }
    const seconds = (Date.now() - started) / 1000;
    await worker.close();
    const start = samples[0]!.usedKB;
    const end = samples[samples.length - 1]!.usedKB;
    console.log(`Worker heap over ${POLLS} polls of ${SESSIONS} sessions (an hour at 30 s), after ${WARMUP} warm-up polls, in ${seconds.toFixed(0)} s`);
    console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
    console.log(`heap used after GC, by polls: ${samples.map((s) => `${s.polls}: ${s.usedKB.toFixed(0)} KB`).join(', ')}`);
    console.log(`start ${start.toFixed(0)} KB, end ${end.toFixed(0)} KB, growth ${(end - start).toFixed(0)} KB (${(((end - start) / start) * 100).toFixed(1)} %), ${(((end - start) * 1024) / POLLS).toFixed(0)} bytes per poll`);
    const paths = new Map<string, number>();
    for (const request of server.requests) paths.set(request.path, (paths.get(request.path) ?? 0) + 1);
    console.log(`server requests: ${[...paths].map(([path, count]) => `${path} ×${count}`).join(', ')}`);
  } finally {
    await extension.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
