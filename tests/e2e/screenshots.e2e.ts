import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { useScheme, type Scheme } from './support/axe';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { sessionRow } from './support/popup-page';

/**
 * The README's pictures, taken from the real build: the popup in light and dark. Each run writes
 * them to .test-results/screenshots/; `UPDATE_SCREENSHOTS=1` also replaces the ones in
 * assets/screenshots/. The test checks what the pictures are meant to show: the theme the
 * system asks for, a page the width of the popup with nothing cut off sideways.
 */

const OUT = path.resolve('.test-results/screenshots');
const README_DIR = path.resolve('assets/screenshots');
const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: '6281234567890' } });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  server.addSession('alice', { id: 'support', status: 'connecting' });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url, name: 'Demo server' });
});
afterEach(async () => {
  await endServer(extension, server);
});

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

async function save(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(README_DIR, `${name}.png`));
}

describe.each(['light', 'dark'] as const)('the popup, %s', (scheme: Scheme) => {
  it('is drawn in that theme, the width of the popup, and pictured', async () => {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await useScheme(page, scheme);
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await sessionRow(page, 'main').waitFor();
    await sessionRow(page, 'support').waitFor();
    const background = luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    if (scheme === 'dark') expect(background).toBeLessThan(0.1);
    else expect(background).toBeGreaterThan(0.8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await save(page, scheme === 'light' ? 'popup' : 'popup-dark');
  });
});
