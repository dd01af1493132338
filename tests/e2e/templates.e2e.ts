import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { dispatchMenuClick, enterInAddressBar, typeInAddressBar } from './support/browser-events';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { sessionRow } from './support/popup-page';

/**
 * Message templates, as a person uses them: made on the options page (add, edit, rename, delete
 * after a question), put into the composer with its variables filled in (a variable without a
 * value or fallback stops the send), and sent from the address bar as `wa <number> /<name>`.
 * Every send is checked in the fake server's chat store.
 */

const ME = '6281234567890';
const BUDI = '6281111111111';
const BUDI_JID = `${BUDI}@s.whatsapp.net`;
const WELCOME = 'Hello {{name}}, your order {{order|is}} ready!';

const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME } });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

const sendRequests = () => server.requests.filter((entry) => entry.operationId === 'postMessagesSendText');
const messagesToBudi = () => server.state.sessions.get('main')!.chats.get(BUDI_JID)?.messages ?? [];
const storedTemplates = () => extension.background.evaluate(async () => ((await chrome.storage.local.get('templates')).templates ?? []) as Array<{ name: string; text: string }>);

/** Adds a template on the options page, as a person does. */
async function addTemplate(options: Page, name: string, text: string): Promise<void> {
  const section = options.getByRole('region', { name: 'Message templates' });
  await section.getByRole('button', { name: 'Add template' }).click();
  const form = section.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Message').fill(text);
  await form.getByRole('button', { name: 'Save template' }).click();
  await section.getByRole('status').filter({ hasText: `Template “${name}” saved.` }).waitFor();
}

describe('the templates section of the options page', () => {
  it('adds, refuses a duplicate name and a broken variable, edits, renames, and deletes after a question', async () => {
    const options = await extension.openPage('options.html#templates');
    const section = options.getByRole('region', { name: 'Message templates' });
    await addTemplate(options, 'welcome', WELCOME);

    await section.getByRole('button', { name: 'Add template' }).click();
    const form = section.getByRole('form', { name: 'New template' });
    await form.getByLabel('Name').fill('WELCOME');
    await form.getByLabel('Message').fill('Hi {{name');
    await form.getByRole('button', { name: 'Save template' }).click();
    expect(await form.innerText()).toContain('A template named “WELCOME” already exists; choose another name.');
    expect(await form.innerText()).toContain('A variable is not written right');
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedTemplates()).toEqual([expect.objectContaining({ name: 'welcome', text: WELCOME })]);

    await section.getByRole('button', { name: 'Rename welcome' }).click();
    await section.getByRole('form', { name: 'Edit template welcome' }).getByLabel('Name').fill('Order ready');
    await section.getByRole('button', { name: 'Save template' }).click();
    await section.getByRole('listitem', { name: 'Order ready' }).waitFor();
    expect(await storedTemplates()).toEqual([expect.objectContaining({ name: 'Order ready', text: WELCOME })]);

    await section.getByRole('button', { name: 'Delete Order ready' }).click();
    const question = options.getByRole('alertdialog', { name: 'Delete the template “Order ready”?' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedTemplates()).toHaveLength(1);
    await section.getByRole('button', { name: 'Delete Order ready' }).click();
    await question.getByRole('button', { name: 'Delete template' }).click();
    await expect.poll(storedTemplates).toEqual([]);
    await section.getByText('No templates yet.').waitFor();
  });
});

describe('a template in the composer', () => {
  it('is inserted, its variable without a value stops the send, and once filled the message reads with its value and fallback', async () => {
    const options = await extension.openPage('options.html');
    await addTemplate(options, 'welcome', WELCOME);
    await options.close();

    const popup = await extension.openPage('popup.html');
    await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).click();
    const form = popup.getByRole('form', { name: 'Send from main' });
    await form.waitFor();
    await popup.getByLabel('Phone number or WhatsApp id').fill(`+${BUDI}`);
    await popup.getByLabel('Template', { exact: true }).selectOption({ label: 'welcome' });
    await popup.getByRole('button', { name: 'Insert template' }).click();
    expect(await popup.getByLabel('Message', { exact: true }).inputValue()).toBe(WELCOME);
    const variables = popup.getByRole('group', { name: 'Variables' });
    await variables.getByLabel('Value for {{name}}').waitFor();
    expect(await variables.getByLabel('Value for {{order}}').getAttribute('placeholder')).toBe('empty: “is”');

    await popup.getByRole('button', { name: 'Send text' }).click();
    const nothing = popup.getByRole('alert').filter({ hasText: 'Nothing was sent' });
    await nothing.waitFor();
    expect(await form.innerText()).toContain('Fill in {{name}} below, or give it a fallback in the text, e.g. {{name|friend}}.');
    expect(await variables.getByLabel('Value for {{name}}').getAttribute('aria-invalid')).toBe('true');
    expect(sendRequests()).toHaveLength(0);

    await variables.getByLabel('Value for {{name}}').fill('Budi');
    await popup.getByRole('button', { name: 'Send text' }).click();
    await popup.getByRole('status', { name: 'Sent' }).waitFor();
    expect(messagesToBudi().map((m) => m.body)).toEqual(['Hello Budi, your order is ready!']);
    expect(sendRequests()).toHaveLength(1);
  });
});

describe('a template from the address bar: wa <number> /<name>', () => {
  it('suggests templates after the slash, opens the window on Enter, asks for the variable, and sends the filled text', async () => {
    await extension.background.evaluate(
      (text) => chrome.storage.local.set({ templates: [
        { id: 't1', name: 'welcome', text, createdAt: 1, updatedAt: 1 },
        { id: 't2', name: 'Weekend hours', text: 'We are open 9–15 on Saturdays.', createdAt: 1, updatedAt: 1 },
      ] }),
      WELCOME,
    );
    const shown = await typeInAddressBar(extension, `+${BUDI} /we`);
    expect(shown.suggestions.map((s) => s.content)).toEqual([`+${BUDI} /Weekend hours`, `+${BUDI} /welcome`]);
    expect(shown.defaultDescription).toContain('More than one template starts with “we”');
    await expect.poll(async () => (await typeInAddressBar(extension, `+${BUDI} /welcome`)).defaultDescription).toContain('Send the template <match>welcome</match> to +62 811 1111 1111');

    const opened = extension.context.waitForEvent('page', { timeout: 10_000 });
    await enterInAddressBar(extension, `+${BUDI} /welcome`);
    const window = await opened;
    await window.waitForLoadState('domcontentloaded');
    const question = window.getByRole('region', { name: 'Confirm sending' });
    await question.waitFor();
    expect(await question.innerText()).toContain('Template “welcome”');
    const send = question.getByRole('button', { name: 'Send', exact: true });
    expect(await send.isDisabled()).toBe(true);
    expect(await question.getByRole('alert').innerText()).toContain('Fill in {{name}}');

    await question.getByLabel('Value for {{name}}').fill('Budi');
    await question.getByLabel('Value for {{order}}').fill('#42 is');
    expect(await question.innerText()).toContain('Send “Hello Budi, your order #42 is ready!” to +62 811 1111 1111');
    await send.click();
    await window.getByRole('status').filter({ hasText: 'Sent to +62 811 1111 1111' }).waitFor();
    expect(messagesToBudi().map((m) => m.body)).toEqual(['Hello Budi, your order #42 is ready!']);
    expect(sendRequests()).toHaveLength(1);
  });

  it('says which templates there are when the name matches none, and sends nothing', async () => {
    await extension.background.evaluate(() => chrome.storage.local.set({ templates: [{ id: 't1', name: 'welcome', text: 'Hi', createdAt: 1, updatedAt: 1 }] }));
    const opened = extension.context.waitForEvent('page', { timeout: 10_000 });
    await enterInAddressBar(extension, `+${BUDI} /bye`);
    const window = await opened;
    const alert = window.getByRole('alert').filter({ hasText: 'Nothing was sent.' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('No template is named “bye”. Yours: welcome.');
    expect(sendRequests()).toHaveLength(0);
  });
});

describe('a template in a right-click send window', () => {
  it('“Send link to…”: the template as the comment, Send off until its variable is filled', async () => {
    await extension.background.evaluate(() => chrome.storage.local.set({ templates: [{ id: 't1', name: 'offer', text: 'Hi {{name}}, have a look:', createdAt: 1, updatedAt: 1 }] }));
    const link = 'https://example.org/offer';
    const opened = extension.context.waitForEvent('page', { timeout: 10_000 });
    await dispatchMenuClick(extension, { menuItemId: 'warest-send-link', linkUrl: link, frameId: 0, editable: false, pageUrl: 'https://example.org/' }, { id: 41, index: 0, windowId: 1, active: true, url: 'https://example.org/', title: 'Example' });
    const window = await opened;
    await window.waitForLoadState('domcontentloaded');
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    await window.getByLabel('Phone number or WhatsApp id').fill(`+${BUDI}`);
    await window.getByRole('button', { name: 'Use template' }).click();
    expect(await window.getByLabel('Comment (optional)').inputValue()).toBe('Hi {{name}}, have a look:');
    const send = window.getByRole('button', { name: 'Send', exact: true });
    expect(await send.isDisabled()).toBe(true);
    await window.getByLabel('Value for {{name}}').fill('Budi');
    expect(await window.getByRole('region', { name: 'Preview' }).innerText()).toContain(`Hi Budi, have a look:\n${link}`);
    await send.click();
    await window.getByRole('status').filter({ hasText: 'The link was sent to' }).waitFor();
    expect(messagesToBudi().map((m) => m.body)).toEqual([`Hi Budi, have a look:\n${link}`]);
  });
});

describe('a template in a campaign', () => {
  it('becomes the campaign’s message, to edit there', async () => {
    const options = await extension.openPage('options.html');
    await addTemplate(options, 'welcome', WELCOME);
    await options.close();
    const page = await extension.openPage('campaigns.html');
    const message = page.getByRole('region', { name: '2. Message' });
    await message.getByLabel('Template', { exact: true }).selectOption({ label: 'welcome' });
    await message.getByRole('button', { name: 'Use template' }).click();
    expect(await message.getByLabel('Message', { exact: true }).inputValue()).toBe(WELCOME);
    // Nothing is sent by picking a template.
    expect(sendRequests()).toHaveLength(0);
  });
});
