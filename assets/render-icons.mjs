// Regenerates the extension toolbar/store icons from the SVG sources.
// Usage (from the project root): node assets/render-icons.mjs
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'public', 'icon');

// size -> source SVG (16 px uses the simplified, pixel-fitted artwork)
const targets = [
  { size: 16, src: 'icon-small.svg' },
  { size: 32, src: 'icon.svg' },
  { size: 48, src: 'icon.svg' },
  // Chrome Web Store guideline: 128 px icon = 96x96 artwork + 16 px transparent
  // padding per side. The tile spans 4..124 in icon.svg, so a -16 -16 160 160
  // viewBox puts it at exactly 16..112 px.
  { size: 128, src: 'icon.svg', viewBox: '-16 -16 160 160' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

try {
  await mkdir(outDir, { recursive: true });
  for (const { size, src, viewBox } of targets) {
    const svg = await readFile(join(here, src), 'utf8');
    const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    let sized = svg.replace(/<svg\b([^>]*?)\swidth="[^"]*"\s+height="[^"]*"/, `<svg$1 width="${size}" height="${size}"`);
    if (viewBox) sized = sized.replace(/(<svg\b[^>]*?\sviewBox=")[^"]*"/, `$1${viewBox}"`);
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}svg{display:block}</style></head><body>${sized}</body></html>`,
    );
    const file = join(outDir, `${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await context.close();
    console.log(`wrote ${file} (${size}x${size} from ${src})`);
  }
} finally {
  await browser.close();
}
