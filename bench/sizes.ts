/**
 * Bundle sizes of the built extension (`npm run build` first), gzipped as a store download is:
 * each page's initial JavaScript (its entry script and the chunks it preloads), the service
 * worker, each lazily loaded chunk, and the store zip when there is one. With `--check` it exits
 * non-zero when an enforced budget is exceeded; the test command runs it on the e2e build, so a
 * change that grows the popup fails CI. Budgets come from the speed issue: the popup's initial
 * JS at most 90 KB (the layout issue's restructuring itself left it at 88.6 KB, under the 88.9 it
 * had before; the stored items of templates, scheduled messages and the new settings added the
 * rest), each lazy view at most 20 KB. The service worker's 60 KB and the store zip's 200 KB are reported, not yet
 * enforced: they are 81 KB and 311 KB today, and shrinking them is the speed issue's work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = path.resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? '.output/chrome-mv3');
const CHECK = process.argv.includes('--check');
const BUDGET_KB = { popupInitial: 90, background: 60, lazyChunk: 20, storeZip: 200 };

const gz = (file: string) => gzipSync(fs.readFileSync(path.join(DIR, file)), { level: 9 }).length;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** A page's initial JS: its module script and modulepreloads. */
function initialScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIR, page), 'utf8');
  const found = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]!);
  return [...new Set(found)];
}

const pages = fs.readdirSync(DIR).filter((f) => f.endsWith('.html'));
const rows: Array<[string, number]> = [];
const initial: Record<string, number> = {};
for (const page of pages) {
  const total = initialScripts(page).reduce((sum, file) => sum + gz(file), 0);
  initial[page] = total;
  rows.push([`${page} initial JS`, total]);
}
const background = gz('background.js');
rows.push(['background.js', background]);
const preloaded = new Set(pages.flatMap(initialScripts));
const lazy: Array<[string, number]> = [];
for (const chunk of fs.readdirSync(path.join(DIR, 'chunks')).filter((f) => f.endsWith('.js')).sort()) {
  if (!preloaded.has(`chunks/${chunk}`)) lazy.push([`chunks/${chunk}`, gz(`chunks/${chunk}`)]);
}
for (const [name, bytes] of lazy) rows.push([`${name} (on demand)`, bytes]);
// The store zip (`npm run zip` makes it next to the build): its size on disk, as uploaded.
const zipFile = fs.readdirSync(path.dirname(DIR)).find((f) => f.endsWith('-chrome.zip'));
const zipBytes = zipFile ? fs.statSync(path.join(path.dirname(DIR), zipFile)).size : undefined;
if (zipBytes !== undefined) rows.push([`${zipFile} (the store zip itself)`, zipBytes]);
for (const [name, bytes] of rows) console.log(`${kb(bytes).toFixed(1).padStart(7)} KB gz  ${name}`);

const problems: string[] = [];
if (!initial['popup.html']) problems.push('no popup.html in the build');
if (kb(initial['popup.html'] ?? 0) > BUDGET_KB.popupInitial) problems.push(`popup initial JS ${kb(initial['popup.html']!)} KB > ${BUDGET_KB.popupInitial} KB`);
for (const [name, bytes] of lazy) if (kb(bytes) > BUDGET_KB.lazyChunk) problems.push(`${name} ${kb(bytes)} KB > ${BUDGET_KB.lazyChunk} KB`);
const reported = [
  ...(kb(background) > BUDGET_KB.background ? [`background ${kb(background)} KB > ${BUDGET_KB.background} KB (not enforced yet)`] : []),
  ...(zipBytes !== undefined && kb(zipBytes) > BUDGET_KB.storeZip ? [`store zip ${kb(zipBytes)} KB > ${BUDGET_KB.storeZip} KB (not enforced yet)`] : []),
];
if (problems.length || reported.length) console.log(`over budget: ${[...problems, ...reported].join('; ')}`);
else console.log('every size is within its budget');
if (CHECK && problems.length) process.exit(1);
