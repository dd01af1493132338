/**
 * Benchmark: from a click on a session's Send, Chats, Groups, Profile or Devices, or on the
 * header's Server details, to the view's content on screen (its heading there and nothing in it
 * still loading), in a freshly opened popup each time, as a user opening the popup and going
 * somewhere does. The fake server answers in SERVER_MS (default 20 ms, a demo server's time), so
 * the budget is that plus 50 ms. Views are interleaved; median and range of RUNS runs each.
 * Prints figures; it passes or fails nothing.
 *
 *   npm run build:e2e && npm run bench:views
 */
import os from 'node:os';
import { startFakeWarest } from '../tests/fake-server/index';
import { askFromPage, loadExtension } from '../tests/e2e/support/extension';

const RUNS = Number(process.env.RUNS ?? 15);
const SERVER_MS = Number(process.env.SERVER_MS ?? 20);

/** The button that opens each view, and the start of the heading it shows. */
const VIEWS: Array<{ name: string; button: string; inRow: boolean; heading: string }> = [
  { name: 'Send', button: 'Send', inRow: true, heading: 'Send from' },
  { name: 'Chats', button: 'Chats', inRow: true, heading: 'Chats of' },
  { name: 'Groups', button: 'Groups', inRow: true, heading: 'Groups of' },
  { name: 'Profile', button: 'Profile', inRow: true, heading: 'Profile of' },
  { name: 'Devices', button: 'Devices', inRow: true, heading: 'Linked devices of' },
  { name: 'Server', button: 'Server details', inRow: false, heading: 'Server' },
];

/**
 * Installed in every popup (as text: the bench's own compiled helpers do not exist in the page):
 * clicks, then resolves with the time until the view's heading is there and nothing in the popup
 * is still loading, measured at the next frame (when it is on screen).
 */
const CLICK_PROBE = `
window.__clickToContent = (element, heading) => new Promise((resolve) => {
  const started = performance.now();
  const check = () => {
    const title = [...document.querySelectorAll('main h2')].some((h) => (h.textContent || '').startsWith(heading));
    if (title && !document.querySelector('main [aria-busy="true"]')) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  element.click();
  check();
});
`;
interface Probe {
  __clickToContent(element: HTMLElement, heading: string): Promise<number>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main() {
  const server = await startFakeWarest({ latencyMs: SERVER_MS, rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Shop', phone: '6281234567890' } });
  for (let i = 0; i < 3; i += 1) server.addGroup('alice', 'main', { subject: `Group ${i}` });
  const extension = await loadExtension();
  const times = new Map<string, number[]>(VIEWS.map((v) => [v.name, []]));
  try {
    const setup = await extension.openPage('options.html');
    // A user key (Server details then says its routes are admin-only: still a view to show).
    const saved = await askFromPage(setup, 'profile.save', { name: 'Bench', baseUrl: server.url, apiKey: 'user-key' });
    if (!saved.ok) throw new Error(saved.error.message);
    await setup.close();
    await extension.context.addInitScript(CLICK_PROBE);

    for (let round = 0; round <= RUNS; round += 1) {
      for (const view of VIEWS) {
        const popup = await extension.openPage('popup.html');
        const row = popup.getByRole('listitem', { name: /^main, / });
        await row.waitFor();
        // Let the popup's own refresh settle, so the click is what is measured.
        await popup.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'));
        const button = view.inRow ? row.getByRole('button', { name: view.button, exact: true }) : popup.getByRole('button', { name: view.button });
        await button.waitFor();
        const handle = await button.elementHandle();
        const elapsed = await popup.evaluate(([element, heading]) => (window as unknown as Probe).__clickToContent(element as HTMLElement, heading), [handle, view.heading] as const);
        if (round > 0) times.get(view.name)!.push(elapsed); // the first round warms the caches
        await popup.close();
      }
    }
  } finally {
    await extension.close();
    await server.stop();
  }
  console.log(`Click → content in a fresh popup, ${RUNS} runs each, the server answering in ${SERVER_MS} ms (budget: ${SERVER_MS + 50} ms)`);
  console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
  for (const [name, values] of times) {
    console.log(`${name.padEnd(8)} median ${median(values).toFixed(0).padStart(4)} ms, range ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
