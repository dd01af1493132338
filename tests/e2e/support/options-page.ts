import type { Page } from 'playwright-core';

/** What a person does on the options page, found by role and label. */
export async function addServer(page: Page, server: { name: string; url: string; key: string }): Promise<void> {
  const form = page.getByRole('form', { name: /add a server/i });
  await form.getByLabel('Name').fill(server.name);
  await form.getByLabel('Server URL').fill(server.url);
  await form.getByLabel('API key').fill(server.key);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: `Saved “${server.name}”` }).waitFor();
}

/** Runs "Test connection" and returns the four result lines as text. */
export async function testConnection(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Test connection' }).click();
  const results = page.getByRole('list', { name: 'Connection test results' });
  await results.waitFor({ timeout: 30_000 });
  return results.getByRole('listitem').allInnerTexts();
}
