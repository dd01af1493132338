/**
 * Benchmark: time from opening popup.html to the session list painted, with 10, 100 and 1,000
 * sessions on the fake server; cold (nothing stored: the popup must ask the server) and warm
 * (the last known state in storage). Median (and spread) of RUNS runs each. Also the popup's
 * initial JavaScript, gzipped. Prints figures; it passes or fails nothing.
 *
 *   npm run build:e2e && npm run bench
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, E2E_BUILD_DIR, loadExtension } from '../tests/e2e/support/extension';

const RUNS = Number(process.env.RUNS ?? 10);
const SIZES = [10, 100, 1000];

/** Records, at document start, when the first session row is in the DOM. */
const PAINT_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('li.session-row')) {
      window.__listPaintedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function popupInitialJsGzip(): { files: string[]; bytes: number } {
  const html = fs.readFileSync(path.join(E2E_BUILD_DIR, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(E2E_BUILD_DIR, file)), { level: 9 }).length, 0);
  return { files, bytes };
}

async function main() {
  const extension = await loadExtension();
  await extension.context.addInitScript(PAINT_PROBE);
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const server = await startFakeWarest({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
      for (let i = 0; i < size; i += 1) server.addSession('alice', { id: `session-${String(i).padStart(4, '0')}`, status: i % 7 === 0 ? 'logged_out' : 'open' });
      await extension.background.evaluate(() => chrome.storage.local.clear());
      const setup = await extension.openPage('options.html');
      const saved = await askFromPage(setup, 'profile.save', { name: 'Bench', baseUrl: server.url, apiKey: 'user-key' });
      if (!saved.ok) throw new Error(saved.error.message);
      await setup.close();

      for (const mode of ['cold', 'warm'] as const) {
        const times: number[] = [];
        if (mode === 'warm') {
          // Store the last known state once; every warm run then opens on it (and refreshes after).
          const page = await extension.openPage('options.html');
          await askFromPage(page, 'sessions.refresh', {});
          await page.close();
        }
        for (let run = 0; run < RUNS + 1; run += 1) {
          if (mode === 'cold') await extension.background.evaluate(() => chrome.storage.local.remove('sessionSnapshots'));
          const page = await extension.openPage('popup.html');
          await page.waitForFunction(() => (window as unknown as { __listPaintedAt?: number }).__listPaintedAt !== undefined, null, { timeout: 30_000 });
          const paintedAt = await page.evaluate(() => (window as unknown as { __listPaintedAt: number }).__listPaintedAt);
          if (run > 0) times.push(paintedAt); // the first run warms the browser's caches
          for (const other of extension.context.pages()) await other.close();
        }
        rows.push(`| ${size} | ${mode} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms |`);
        console.error(rows.at(-1));
      }
      await server.stop();
    }
  } finally {
    await extension.close();
  }
  const js = popupInitialJsGzip();
  console.log(`\nPopup open → session list painted (median of ${RUNS} runs; ${process.env.CPU_LABEL ?? `${(await import('node:os')).cpus().length} cores`})\n`);
  console.log('| sessions | storage | median | range |\n| --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  console.log(`\nPopup initial JS: ${(js.bytes / 1024).toFixed(1)} KB gzipped (${js.files.join(', ')})`);
}

await main();
