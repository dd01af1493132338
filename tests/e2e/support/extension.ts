import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Loads the built extension into Debian's Chromium, headless, the way ../shared/TESTING.md
 * says works here. The build is `npm run build:e2e`: the shipped build plus host access to
 * 127.0.0.1, since a headless browser cannot answer a permission prompt.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_BUILD_DIR = path.join(ROOT, '.output', 'chrome-mv3-e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  /** The options page the extension opened on install (first-run guide), when kept open. */
  installPage?: Page;
  /** Opens an extension page (e.g. 'options.html') in a new tab. */
  openPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LoadOptions {
  /** More Chromium switches, e.g. `--js-flags=--expose-gc` for a benchmark that forces GC in the worker. */
  extraArgs?: string[];
  /** Keep the options tab the install opens (the first-run guide) instead of closing it. */
  keepInstallPage?: boolean;
}

/**
 * `buildDir`: another unpacked build (a benchmark adds a page of its own to a copy).
 * `userDataDir`: a profile directory to keep between launches (a browser restart: close, then
 * load again with the same directory); by default a fresh one that is thrown away.
 */
export async function loadExtension(buildDir = E2E_BUILD_DIR, userDataDir = '', options: LoadOptions = {}): Promise<LoadedExtension> {
  const { keepInstallPage = false } = options;
  // A new profile installs the extension, which opens its options page (the first-run guide).
  const installs = !userDataDir || !fs.existsSync(userDataDir) || fs.readdirSync(userDataDir).length === 0;
  const manifestPath = path.join(buildDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`No e2e build at ${E2E_BUILD_DIR}. Run \`npm run build:e2e\` first (npm test does it for you).`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      `--disable-extensions-except=${buildDir}`,
      `--load-extension=${buildDir}`,
      ...(options.extraArgs ?? []),
    ],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(background.url()).host;
  // Wait for that page here, so a test waiting for a window or tab never takes it for its own.
  let installPage: Page | undefined;
  if (installs) {
    const isOptions = (page: Page) => page.url().includes(`${extensionId}/options.html`);
    // (A new tab's address can still be blank when its page event fires: look until it is there.)
    for (const deadline = Date.now() + 20_000; !(installPage = context.pages().find(isOptions)); ) {
      if (Date.now() > deadline) throw new Error('the extension did not open its options page on install');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await installPage.waitForLoadState();
    if (!keepInstallPage) {
      await installPage.close();
      installPage = undefined;
    }
  }
  return {
    context,
    extensionId,
    background,
    ...(installPage && { installPage }),
    async openPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    close: () => context.close(),
  };
}

/**
 * Sends one protocol message to the background from an extension page, exactly as the
 * extension's own UI does (see README, "Calling operations").
 */
export async function askFromPage(page: Page, type: string, payload: unknown): Promise<any> {
  return page.evaluate(
    ([messageType, messagePayload]) => chrome.runtime.sendMessage({ protocol: 'warest-companion/1', type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}
