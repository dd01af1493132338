import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { seriousViolations, useScheme, type Scheme } from './support/axe';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { sessionRow } from './support/popup-page';

/**
 * Accessibility of every page and popup view, light and dark: axe-core finds no serious or
 * critical WCAG 2.2 AA violation (contrast, names, roles, targets). Each view is reached the way a
 * person would reach it, then checked once painted.
 */

const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: '6281234567890' } });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

async function open(file: string, scheme: Scheme): Promise<Page> {
  const page = await extension.context.newPage();
  await useScheme(page, scheme);
  await page.goto(`chrome-extension://${extension.extensionId}/${file}`);
  return page;
}

it('the check is live: a nameless button and faint text are reported', async () => {
  const page = await open('options.html', 'light');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => {
    const faint = document.createElement('p');
    faint.textContent = 'faint';
    faint.style.color = '#ddd';
    document.body.append(document.createElement('button'), faint);
  });
  const found = await seriousViolations(page);
  expect(found.some((line) => line.startsWith('button-name'))).toBe(true);
  expect(found.some((line) => line.startsWith('color-contrast'))).toBe(true);
});

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  it('the popup session list', async () => {
    const popup = await open('popup.html', scheme);
    await sessionRow(popup, 'main').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('the options page', async () => {
    const page = await open('options.html', scheme);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('All actions', async () => {
    const page = await open('actions.html', scheme);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Campaigns', async () => {
    const page = await open('campaigns.html', scheme);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
