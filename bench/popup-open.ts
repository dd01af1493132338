/**
 * Benchmark: time from opening popup.html to the session list painted, with 10, 100 and 1,000
 * sessions on the fake server; cold (nothing stored: the popup must ask the server) and warm
 * (the last known state in storage). Warm runs are interleaved with the floor: a bare extension
 * page (no framework, built into a copy of the extension for the benchmark only) that reads the
 * same stored snapshot and writes the same rows. Median (and spread) of RUNS runs each. Also the
 * popup's initial JavaScript, gzipped. Prints figures; it passes or fails nothing.
 *
 *   npm run build:e2e && npm run bench
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, E2E_BUILD_DIR, loadExtension } from '../tests/e2e/support/extension';

const RUNS = Number(process.env.RUNS ?? 15);

/** The floor: what any page must do to show the rows — read storage, write list items. */
const FLOOR_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Floor</title></head><body><ul id="list"></ul><script src="floor.js"></script></body></html>';
const FLOOR_JS = `
chrome.storage.local.get(['profiles', 'sessionSnapshots']).then(({ profiles, sessionSnapshots }) => {
  const id = profiles.defaultProfileId || profiles.profiles[0].id;
  const list = document.getElementById('list');
  const rows = document.createDocumentFragment();
  for (const session of sessionSnapshots[id].sessions.slice(0, 20)) {
    const row = document.createElement('li');
    row.className = 'session-row';
    row.textContent = session.id + ' ' + session.status;
    rows.appendChild(row);
  }
  list.appendChild(rows);
});
`;

/** A copy of the e2e build with the floor page added (the shipped build never has it). */
function buildWithFloor(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warest-bench-'));
  fs.cpSync(E2E_BUILD_DIR, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'floor.html'), FLOOR_HTML);
  fs.writeFileSync(path.join(dir, 'floor.js'), FLOOR_JS);
  return dir;
}
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
  const extension = await loadExtension(buildWithFloor());
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
        const floor: number[] = [];
        const paintTime = async (file: string) => {
          const page = await extension.openPage(file);
          await page.waitForFunction(() => (window as unknown as { __listPaintedAt?: number }).__listPaintedAt !== undefined, null, { timeout: 30_000 });
          const paintedAt = await page.evaluate(() => (window as unknown as { __listPaintedAt: number }).__listPaintedAt);
          for (const other of extension.context.pages()) await other.close();
          return paintedAt;
        };
        for (let run = 0; run < RUNS + 1; run += 1) {
          if (mode === 'cold') await extension.background.evaluate(() => chrome.storage.local.remove('sessionSnapshots'));
          const popupTime = await paintTime('popup.html');
          // Interleaved, so both meet the same load on the machine.
          const floorTime = mode === 'warm' ? await paintTime('floor.html') : undefined;
          if (run > 0) {
            // the first run warms the browser's caches
            times.push(popupTime);
            if (floorTime !== undefined) floor.push(floorTime);
          }
        }
        const ratio = floor.length ? ` | ${median(floor).toFixed(0)} ms | ${(median(times) / median(floor)).toFixed(2)}× |` : ' | — | — |';
        rows.push(`| ${size} | ${mode} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms${ratio}`);
        console.error(rows.at(-1));
      }
      await server.stop();
    }
  } finally {
    await extension.close();
  }
  const js = popupInitialJsGzip();
  console.log(`\nPopup open → session list painted (median of ${RUNS} runs; ${process.env.CPU_LABEL ?? `${(await import('node:os')).cpus().length} cores`})\n`);
  console.log('| sessions | storage | popup median | popup range | floor median | popup ÷ floor |\n| --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  console.log(`\nPopup initial JS: ${(js.bytes / 1024).toFixed(1)} KB gzipped (${js.files.join(', ')})`);
}

await main();
