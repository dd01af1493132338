import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus, handleMenuClick, jobSummary, noticeMenuJob, registerMenus } from '@/entrypoints/background/menus';
import { handoffKey, HANDOFF_TTL_MS, imageProblem, MAX_SELECTION, MENU_IDS, MENU_JOB_PREFIX, readMenuRequest, sendCallFor, TEXT_LIMIT, type MenuRequest } from '@/lib/menu-handoff';
import { amAdmin, readAddResults, readCheckResults, readGroupList, readInvitePreview, readSentMessageId, summarize } from '@/lib/answers/menu-results';
import type { Job } from '@/lib/storage';

/**
 * The right-click menus: which menus exist and where they show, what a click stores and opens,
 * and the notification when a job started from a menu window finishes. The fake browser has no
 * contextMenus API: a small registry stands in for Chrome's (it refuses a duplicate id, as Chrome does).
 */

interface CreateProps {
  id: string;
  title: string;
  contexts: string[];
  parentId?: string;
  targetUrlPatterns?: string[];
}

let menus: Map<string, CreateProps>;
let clickListeners: Array<(info: unknown, tab?: unknown) => void>;
let createErrors: string[];

beforeEach(() => {
  fakeBrowser.reset();
  menus = new Map();
  clickListeners = [];
  createErrors = [];
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: vi.fn(async () => menus.clear()),
    create: vi.fn((props: CreateProps, callback?: () => void) => {
      if (menus.has(props.id)) createErrors.push(`duplicate id ${props.id}`);
      else menus.set(props.id, props);
      callback?.();
      return props.id;
    }),
    onClicked: { addListener: (listener: (info: unknown, tab?: unknown) => void) => clickListeners.push(listener) },
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const tab = { id: 7, url: 'https://example.org/contacts', title: 'Our contacts' };

async function stored(id: string): Promise<MenuRequest | undefined> {
  const key = handoffKey(id)!;
  return readMenuRequest((await fakeBrowser.storage.session.get(key))[key]);
}

describe('the menus', () => {
  it('shows each menu only for what it acts on: invite links, selections, web images', async () => {
    await createMenus();
    const join = menus.get(MENU_IDS.joinGroup)!;
    expect(join).toMatchObject({ title: 'Preview and join group…', contexts: ['link'], targetUrlPatterns: ['*://chat.whatsapp.com/*'] });
    expect(menus.get(MENU_IDS.selection)).toMatchObject({ title: 'WARest', contexts: ['selection'] });
    for (const [id, title] of [
      [MENU_IDS.checkNumbers, 'Check on WhatsApp'],
      [MENU_IDS.addToGroup, 'Add to group…'],
      [MENU_IDS.sendMessage, 'Send a message…'],
    ] as const) {
      expect(menus.get(id)).toMatchObject({ title, contexts: ['selection'], parentId: MENU_IDS.selection });
    }
    expect(menus.get(MENU_IDS.groupPicture)).toMatchObject({ title: 'Set as group picture…', contexts: ['image'], targetUrlPatterns: ['http://*/*', 'https://*/*'] });
    // The "Send … to" menus: under WARest for a selection; on every link and every image (a data:
    // image gets a reason in the window rather than a menu that silently is not there).
    expect(menus.get(MENU_IDS.sendSelection)).toEqual({ id: MENU_IDS.sendSelection, parentId: MENU_IDS.selection, title: 'Send selection to…', contexts: ['selection'] });
    expect(menus.get(MENU_IDS.sendLink)).toEqual({ id: MENU_IDS.sendLink, title: 'Send link to…', contexts: ['link'] });
    expect(menus.get(MENU_IDS.sendImage)).toEqual({ id: MENU_IDS.sendImage, title: 'Send image to…', contexts: ['image'] });
    expect(menus.size).toBe(9);
    // Nothing shows on the page itself or on editable fields.
    expect([...menus.values()].flatMap((m) => m.contexts).sort()).toEqual(['image', 'image', 'link', 'link', 'selection', 'selection', 'selection', 'selection', 'selection']);
  });

  it('creates the menus on install and update, removing its own first so that twice is harmless', async () => {
    registerMenus();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(menus.size).toBe(9));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(() => expect(fakeBrowser.contextMenus.create).toHaveBeenCalledTimes(18));
    expect(fakeBrowser.contextMenus.removeAll).toHaveBeenCalledTimes(2);
    expect(createErrors).toEqual([]);
    expect(menus.size).toBe(9);
  });
});

describe('a click', () => {
  it('on an invite link: stores the link under a random id and opens the window with only that id', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const link = 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv';
    const opened = await handleMenuClick({ menuItemId: MENU_IDS.joinGroup, linkUrl: link, pageUrl: tab.url, editable: false } as never, tab);
    expect(opened?.id).toMatch(UUID);
    expect(create).toHaveBeenCalledWith({ type: 'popup', width: 420, height: 600, focused: true, url: `chrome-extension://test-extension-id/menu-action.html?id=${opened!.id}` });
    expect(await stored(opened!.id)).toEqual({ action: 'join-group', url: link, pageUrl: tab.url, pageTitle: 'Our contacts', createdAt: expect.any(Number) });
  });

  it.each([
    [MENU_IDS.checkNumbers, 'check-numbers'],
    [MENU_IDS.addToGroup, 'add-to-group'],
    [MENU_IDS.sendMessage, 'send-message'],
  ] as const)('on selected text (%s): the text goes to session storage, never into the address', async (menuItemId, action) => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const text = 'Call Budi on +62 812-3456-7890 or Sari on +62 813 9876 5432';
    const opened = await handleMenuClick({ menuItemId, selectionText: text, pageUrl: tab.url }, tab);
    const url = create.mock.calls[0]![0]!.url as string;
    expect(url).toBe(`chrome-extension://test-extension-id/menu-action.html?id=${opened!.id}`);
    expect(url).not.toContain('812');
    expect(await stored(opened!.id)).toMatchObject({ action, text });
  });

  it('on an image: stores the image address', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const src = 'https://cdn.example.org/team.png';
    const opened = await handleMenuClick({ menuItemId: MENU_IDS.groupPicture, srcUrl: src, pageUrl: tab.url }, tab);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await stored(opened!.id)).toMatchObject({ action: 'group-picture', url: src });
  });

  it('“Send selection to…”, “Send link to…”, “Send image to…”: store what was clicked, never in the address', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const selection = await handleMenuClick({ menuItemId: MENU_IDS.sendSelection, selectionText: 'Meet at 10, gate B', pageUrl: tab.url }, tab);
    expect(await stored(selection!.id)).toEqual({ action: 'send-selection', text: 'Meet at 10, gate B', pageUrl: tab.url, pageTitle: 'Our contacts', createdAt: expect.any(Number) });
    const link = await handleMenuClick({ menuItemId: MENU_IDS.sendLink, linkUrl: 'https://example.org/offer?id=7', linkText: '  Our offer ', pageUrl: tab.url }, tab);
    expect(await stored(link!.id)).toMatchObject({ action: 'send-link', url: 'https://example.org/offer?id=7', text: 'Our offer' });
    const image = await handleMenuClick({ menuItemId: MENU_IDS.sendImage, srcUrl: 'https://cdn.example.org/cat.jpg', pageUrl: tab.url }, tab);
    expect(await stored(image!.id)).toMatchObject({ action: 'send-image', url: 'https://cdn.example.org/cat.jpg' });
    // A data: image is megabytes of page content: only its start is kept, for the window to say why it cannot go.
    const embedded = await handleMenuClick({ menuItemId: MENU_IDS.sendImage, srcUrl: `data:image/png;base64,${'A'.repeat(50_000)}` }, tab);
    expect((await stored(embedded!.id))!.url).toHaveLength(100);
    for (const call of create.mock.calls) expect(call[0]!.url).toMatch(/menu-action\.html\?id=[0-9a-f-]{36}$/);
    // Nothing clicked, nothing opened.
    expect(await handleMenuClick({ menuItemId: MENU_IDS.sendLink }, tab)).toBeUndefined();
    expect(await handleMenuClick({ menuItemId: MENU_IDS.sendImage }, tab)).toBeUndefined();
    expect(create).toHaveBeenCalledTimes(4);
  });

  it('comes through the browser’s onClicked event', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    registerMenus();
    expect(clickListeners).toHaveLength(1);
    clickListeners[0]!({ menuItemId: MENU_IDS.checkNumbers, selectionText: '+44 7911 123456' }, tab);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    // Nothing else reaches it: no hook on the worker's global scope (end-to-end tests dispatch the event itself).
    expect(Object.keys(globalThis).filter((name) => /^warest/i.test(name))).toEqual([]);
  });

  it('keeps a very long selection out of the address, and caps it', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const text = '+62 812 3456 7890, '.repeat(20_000);
    const opened = await handleMenuClick({ menuItemId: MENU_IDS.checkNumbers, selectionText: text }, undefined);
    expect((create.mock.calls[0]![0]!.url as string).length).toBeLessThan(100);
    expect((await stored(opened!.id))!.text).toHaveLength(MAX_SELECTION);
  });

  it('ignores menus that are not ours and clicks without their data', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    expect(await handleMenuClick({ menuItemId: 'someone-else' }, tab)).toBeUndefined();
    expect(await handleMenuClick({ menuItemId: MENU_IDS.joinGroup }, tab)).toBeUndefined();
    expect(await handleMenuClick({ menuItemId: MENU_IDS.groupPicture }, tab)).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('gives each click its own id, and drops handoffs older than a day', async () => {
    vi.spyOn(fakeBrowser.windows, 'create');
    const old = handoffKey('00000000-0000-4000-8000-000000000000')!;
    await fakeBrowser.storage.session.set({ [old]: { action: 'check-numbers', createdAt: Date.now() - HANDOFF_TTL_MS - 1, text: 'x' }, other: 1 });
    const first = await handleMenuClick({ menuItemId: MENU_IDS.checkNumbers, selectionText: 'a' }, tab);
    const second = await handleMenuClick({ menuItemId: MENU_IDS.checkNumbers, selectionText: 'b' }, tab);
    expect(first!.id).not.toBe(second!.id);
    const keys = Object.keys(await fakeBrowser.storage.session.get(null)).sort();
    expect(keys).toEqual(['other', handoffKey(first!.id), handoffKey(second!.id)].sort());
  });

  it('falls back to a tab when no window can be opened', async () => {
    vi.spyOn(fakeBrowser.windows, 'create').mockRejectedValue(new Error('No current window'));
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    const opened = await handleMenuClick({ menuItemId: MENU_IDS.sendMessage, selectionText: '+62 812 3456 7890' }, tab);
    expect(createTab).toHaveBeenCalledWith({ url: `chrome-extension://test-extension-id/menu-action.html?id=${opened!.id}` });
  });
});

describe('the handoff as the window reads it', () => {
  it('only accepts a random id, so the address cannot name another stored value', () => {
    expect(handoffKey('0b9c7c1e-6d0a-4a43-9b4e-2f0f3c2b1a00')).toBe('menuAction:0b9c7c1e-6d0a-4a43-9b4e-2f0f3c2b1a00');
    for (const bad of [null, '', 'apiKeys', '../profiles', '0b9c7c1e-6d0a-4a43-9b4e-2f0f3c2b1a00&x=1']) expect(handoffKey(bad)).toBeUndefined();
  });

  it('checks what it reads and keeps only known fields', () => {
    expect(readMenuRequest({ action: 'delete-everything', createdAt: 1 })).toBeUndefined();
    expect(readMenuRequest({ action: 'join-group' })).toBeUndefined();
    expect(readMenuRequest('join-group')).toBeUndefined();
    expect(readMenuRequest({ action: 'join-group', createdAt: 1, url: 'https://chat.whatsapp.com/x', apiKey: 'k', text: 5 })).toEqual({ action: 'join-group', createdAt: 1, url: 'https://chat.whatsapp.com/x' });
  });
});

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1', kind: 'numbers.check', profileId: 'home', sessionId: 'main', createdAt: 1, updatedAt: 2, state: 'done',
    items: [
      { input: '+62 812 1111 1111', value: '6281211111111', state: 'done', outcome: 'on-whatsapp', attempts: 1 },
      { input: '+62 812 2222 2222', value: '6281222222222', state: 'done', outcome: 'on-whatsapp', attempts: 1 },
      { input: '+62 812 0000 0000', value: '6281200000000', state: 'done', outcome: 'not-on-whatsapp', attempts: 1 },
    ],
    ...overrides,
  };
}

describe('what the send windows send', () => {
  it('a selection as a text message, edited or not', () => {
    const request = { text: '  Meet at 10  ' };
    expect(sendCallFor('send-selection', request, {}, 'main', '6281234567890')).toEqual({
      ok: true, operationId: 'postMessagesSendText', inputs: { sessionId: 'main', to: '6281234567890', message: 'Meet at 10' }, preview: 'Meet at 10',
    });
    expect(sendCallFor('send-selection', request, { message: 'Meet at 11' }, 'main', '1203630@g.us')).toMatchObject({ inputs: { to: '1203630@g.us', message: 'Meet at 11' } });
    expect(sendCallFor('send-selection', request, { message: '   ' }, 'main', '1')).toEqual({ ok: false, reason: 'The message is empty. Type the text to send.' });
    expect(sendCallFor('send-selection', { text: 'x'.repeat(TEXT_LIMIT + 1) }, {}, 'main', '1')).toMatchObject({ ok: false, reason: expect.stringContaining('Shorten it') });
  });

  it('a link as a text message, after an optional comment', () => {
    const request = { url: 'https://example.org/offer' };
    expect(sendCallFor('send-link', request, {}, 'main', '62811')).toMatchObject({ ok: true, operationId: 'postMessagesSendText', inputs: { sessionId: 'main', to: '62811', message: 'https://example.org/offer' } });
    expect(sendCallFor('send-link', request, { comment: ' Look at this ' }, 'main', '62811')).toMatchObject({ inputs: { message: 'Look at this\nhttps://example.org/offer' } });
    expect(sendCallFor('send-link', { url: 'javascript:alert(1)' }, {}, 'main', '62811')).toEqual({ ok: false, reason: 'Only web links (http or https) can be sent.' });
  });

  it('an image by its address (the server downloads it), with an optional caption; never a data: or blob: image', () => {
    const request = { url: 'https://cdn.example.org/cat.jpg' };
    expect(sendCallFor('send-image', request, {}, 'main', '62811')).toEqual({ ok: true, operationId: 'postMessagesSendMedia', inputs: { sessionId: 'main', to: '62811', media: 'https://cdn.example.org/cat.jpg' }, preview: '' });
    expect(sendCallFor('send-image', request, { caption: 'Our cat' }, 'main', '62811')).toMatchObject({ inputs: { caption: 'Our cat' }, preview: 'Our cat' });
    expect(sendCallFor('send-image', request, { caption: 'c'.repeat(1025) }, 'main', '62811')).toMatchObject({ ok: false });
    expect(imageProblem('data:image/png;base64,AAAA')).toContain('embedded in the page (a data: address)');
    expect(imageProblem('blob:https://example.org/1234')).toContain('only exists inside the page (a blob: address)');
    expect(sendCallFor('send-image', { url: 'blob:https://example.org/1234' }, {}, 'main', '62811')).toEqual({ ok: false, reason: imageProblem('blob:https://example.org/1234') });
    expect(imageProblem('https://cdn.example.org/cat.jpg')).toBeUndefined();
  });
});

describe('jobs started from a menu window', () => {
  it('notify once when they finish, with the counts', async () => {
    await fakeBrowser.storage.session.set({ [`${MENU_JOB_PREFIX}job-1`]: { at: 1 } });
    await noticeMenuJob(job());
    await noticeMenuJob(job());
    const shown = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string }>;
    expect(Object.values(shown)).toEqual([expect.objectContaining({ title: 'Check numbers on WhatsApp: done', message: '2 On WhatsApp, 1 Not on WhatsApp.' })]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('stay quiet for jobs the popup started, and for jobs still running', async () => {
    await noticeMenuJob(job({ id: 'popup-job' }));
    await fakeBrowser.storage.session.set({ [`${MENU_JOB_PREFIX}job-2`]: { at: 1 } });
    await noticeMenuJob(job({ id: 'job-2', state: 'running' }));
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('say why items failed', () => {
    const failed = job({ kind: 'group.add', groupName: 'Team', items: [{ input: '+1', value: '1', state: 'failed', outcome: 'failed', reason: 'Not allowed.', attempts: 1 }] });
    expect(jobSummary(failed)).toBe('1 Failed. Not allowed.');
  });
});

describe('reading the server’s answers', () => {
  it('numbers on WhatsApp: one object for one number, a list for several', () => {
    expect(readCheckResults(['6281211111111'], [{ data: { jid: '6281211111111@s.whatsapp.net', phone: '6281211111111', isOnWhatsApp: true } }])).toEqual([{ digits: '6281211111111', outcome: 'on-whatsapp' }]);
    const two = readCheckResults(['6281211111111', '6281200000000', '447911123456'], [{ data: [{ phone: '6281211111111', isOnWhatsApp: true }, { jid: '6281200000000@s.whatsapp.net', isOnWhatsApp: false }] }]);
    expect(two.map((r) => r.outcome)).toEqual(['on-whatsapp', 'not-on-whatsapp', 'unknown']);
    expect(summarize(two)).toBe('1 on WhatsApp, 1 not on WhatsApp, 1 unknown');
  });

  it('participants added, with the reasons of those that were not', () => {
    const results = readAddResults(['111111', '222222', '333333', '444444'], [{ addedParticipants: ['111111'], failedToAdd: ['222222: already a participant', '333333: not on WhatsApp', '444444: privacy settings'] }]);
    expect(results).toEqual([
      { digits: '111111', outcome: 'added' },
      { digits: '222222', outcome: 'already-in-group', reason: 'already a participant' },
      { digits: '333333', outcome: 'not-on-whatsapp', reason: 'not on WhatsApp' },
      { digits: '444444', outcome: 'failed', reason: 'privacy settings' },
    ]);
  });

  it('an invite preview, with whatever the server tells', () => {
    expect(readInvitePreview([{ groupName: 'Core Team', participantsCount: 8, groupDescription: 'Daily standup', isAnnouncement: true, owner: '628199999999@s.whatsapp.net' }])).toEqual({
      subject: 'Core Team', size: 8, description: 'Daily standup', creator: '+628199999999', locked: false, announcement: true,
    });
    expect(readInvitePreview([])).toBeUndefined();
  });

  it('the group list and my admin rights', () => {
    expect(readGroupList([{ sessionId: 'main', data: [{ id: 'g1@g.us', subject: 'A', participantsCount: 3, restrict: true }, { jid: 'g2@g.us', memberAddMode: true }, { nothing: 1 }] }])).toEqual([
      { id: 'g1@g.us', subject: 'A', size: 3, locked: true, membersMayAdd: false },
      { id: 'g2@g.us', subject: 'g2@g.us', locked: false, membersMayAdd: true },
    ]);
    expect(amAdmin([{ participants: [{ jid: 'x', isMe: false, isAdmin: true }, { jid: 'y', isMe: true, isAdmin: false, isSuperAdmin: true }] }])).toBe(true);
    expect(amAdmin([{ participants: [{ jid: 'y', isMe: true, isAdmin: false }] }])).toBe(false);
    expect(amAdmin([{ participants: [{ jid: 'y' }] }])).toBeUndefined();
  });

  it('the id of a sent message, whatever shape it comes in', () => {
    expect(readSentMessageId([{ to: '62811', messageId: '3EB0ABC', status: 'text success' }])).toBe('3EB0ABC');
    expect(readSentMessageId([{ key: { id: 'BAE5' } }])).toBe('BAE5');
    expect(readSentMessageId([])).toBeUndefined();
    expect(readSentMessageId([{ messageId: 42 }])).toBeUndefined();
  });
});
