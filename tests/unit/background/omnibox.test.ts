import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleInputChanged, handleInputEntered, registerOmnibox } from '@/entrypoints/background/omnibox';
import { handoffKey, readMenuRequest } from '@/lib/menu-handoff';
import {
  defaultSender,
  defaultSuggestion,
  displayNumber,
  escapeXml,
  parseOmniboxInput,
  RECENT_LIMIT,
  recentSuggestions,
  withRecentRecipient,
  type RecentRecipient,
} from '@/lib/omnibox';
import { DEFAULT_SETTINGS, profilesItem, recentRecipientsItem, settingsItem, snapshotsItem } from '@/lib/storage';

/** The address-bar keyword `wa <number> <message>`: parsing, suggestions, and what Enter opens. */

describe('parseOmniboxInput', () => {
  it.each([
    ['+62 812-3456-7890 Hello there', ''],
    ['+6281234567890 Hello there', ''],
    ['0062 812 3456 7890 Hello there', ''],
    ['(+62) 812.3456.7890 Hello there', ''],
    ['0812-3456-7890 Hello there', '62'],
    ['6281234567890 Hello there', ''],
    ['+62 812 3456 7890: Hello there', ''],
    ['0812 3456 7890, Hello there', '62'],
  ])('reads the number in %j (country code %j) and keeps the message', (input, country) => {
    expect(parseOmniboxInput(input, country)).toEqual({ ok: true, digits: '6281234567890', text: 'Hello there' });
  });

  it('keeps the message’s own line breaks and spacing', () => {
    expect(parseOmniboxInput('+44 7911 123456   Line one\n  Line two', '')).toEqual({ ok: true, digits: '447911123456', text: 'Line one\n  Line two' });
  });

  it('lets a message start with digits when the number ends with a colon', () => {
    expect(parseOmniboxInput('+62 812 3456 7890: 10 apples, please', '')).toEqual({ ok: true, digits: '6281234567890', text: '10 apples, please' });
  });

  it('says what is missing: everything, the number, or the message', () => {
    expect(parseOmniboxInput('   ', '')).toMatchObject({ ok: false, missing: 'everything', message: expect.stringContaining('Type a phone number, then your message') });
    expect(parseOmniboxInput('Hello there', '')).toMatchObject({ ok: false, missing: 'number', message: expect.stringContaining('Start with the phone number') });
    expect(parseOmniboxInput('+62 812 3456 7890', '')).toEqual({ ok: false, missing: 'text', digits: '6281234567890', message: 'Now type the message to send to +62 812 3456 7890.' });
    expect(parseOmniboxInput('+62 812 3456 7890:   ', '')).toMatchObject({ ok: false, missing: 'text', digits: '6281234567890' });
  });

  it('explains an invalid number in words, with how to write it', () => {
    const short = parseOmniboxInput('+62 12 Hello', '');
    expect(short).toMatchObject({ ok: false, missing: 'number' });
    expect(!short.ok && short.message).toContain('“+62 12” is not a valid international phone number.');
    const national = parseOmniboxInput('0812 3456 7890 Hello', '');
    expect(!national.ok && national.message).toContain('no default country code is set');
  });
});

describe('suggestions', () => {
  const recents: RecentRecipient[] = [
    { digits: '6281234567890', usedAt: 3 },
    { digits: '447911123456', usedAt: 2 },
    { digits: '6289876543210', usedAt: 1 },
  ];

  it('escapes the XML Chrome reads descriptions as', () => {
    expect(escapeXml(`<b>Tom & "Jerry"</b> it's`)).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; it&apos;s');
    const line = defaultSuggestion(parseOmniboxInput('+62 812 3456 7890 <script> & co', ''));
    expect(line).toBe('Send “<match>&lt;script&gt; &amp; co</match>” to +62 812 3456 7890 <dim>— press Enter to review</dim>');
  });

  it('the first line says what Enter does, or what is wrong', () => {
    expect(defaultSuggestion(parseOmniboxInput('Hello', ''))).toContain('Start with the phone number');
    expect(defaultSuggestion(parseOmniboxInput('+62 812 3456 7890 ' + 'x'.repeat(200), ''))).toMatch(/x…<\/match>/);
  });

  it('names the sender Enter will preselect: the default server’s first open session', () => {
    const profiles = { profiles: [{ id: 'a', name: 'Office' }, { id: 'b', name: 'Home <1>' }], defaultProfileId: 'b' };
    const snapshots = { a: { sessions: [{ id: 'main', status: 'open' }] }, b: { sessions: [{ id: 'old', status: 'logged_out' }, { id: 'phone', status: 'open' }] } };
    const sender = defaultSender(profiles, snapshots);
    expect(sender).toEqual({ profileName: 'Home <1>', sessionId: 'phone' });
    expect(defaultSuggestion(parseOmniboxInput('+62 812 3456 7890 Hi', ''), sender)).toBe('Send “<match>Hi</match>” to +62 812 3456 7890 <dim>from “phone” of Home &lt;1&gt; — press Enter to review</dim>');
    expect(defaultSender({ ...profiles, defaultProfileId: null }, snapshots)).toEqual({ profileName: 'Office', sessionId: 'main' });
    expect(defaultSender(profiles, { b: { sessions: [{ id: 'old', status: 'logged_out' }] } })).toBeUndefined();
    expect(defaultSender({ profiles: [], defaultProfileId: null }, {})).toBeUndefined();
  });

  it('offers every recent recipient before a number is typed, then those that fit the digits', () => {
    expect(recentSuggestions('', recents, '').map((s) => s.content)).toEqual(['+6281234567890 ', '+447911123456 ', '+6289876543210 ']);
    expect(recentSuggestions('+62 8', recents, '').map((s) => s.content)).toEqual(['+6281234567890 ', '+6289876543210 ']);
    // A national number is compared with the default country code put in front.
    expect(recentSuggestions('0812', recents, '62').map((s) => s.content)).toEqual(['+6281234567890 ']);
  });

  it('keeps the message typed so far when a recent recipient is chosen', () => {
    const [only] = recentSuggestions('+62 812 3456 7890 See you & bye', recents, '');
    expect(only).toEqual({ content: '+6281234567890 See you & bye', description: '<match>+62 812 3456 7890</match> — send “See you &amp; bye”' });
  });

  it('remembers a recipient at the front, once, and forgets the oldest beyond the cap', () => {
    expect(withRecentRecipient(recents, '447911123456', 9).map((r) => r.digits)).toEqual(['447911123456', '6281234567890', '6289876543210']);
    let list: RecentRecipient[] = [];
    for (let i = 0; i < RECENT_LIMIT + 3; i += 1) list = withRecentRecipient(list, `62812000000${String(i).padStart(2, '0')}`, i);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.digits).toBe(`62812000000${String(RECENT_LIMIT + 2).padStart(2, '0')}`);
    expect(displayNumber('6281234567890')).toBe('+62 812 3456 7890');
  });
});

describe('the background side', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser, {
      omnibox: {
        setDefaultSuggestion: vi.fn(async () => undefined),
        onInputStarted: { addListener: vi.fn() },
        onInputChanged: { addListener: vi.fn() },
        onInputEntered: { addListener: vi.fn() },
      },
    });
  });

  it('says first that a server is needed when none is set up', async () => {
    expect((await handleInputChanged('+62 812 3456 7890 Hi')).defaultDescription).toBe('No WARest server is set up yet: add yours in the extension’s options first.');
  });

  it('suggests recent recipients with the settings’ country code and sets the first line', async () => {
    await profilesItem.item.setValue({ profiles: [{ id: 'p1', name: 'Office', baseUrl: 'http://192.168.1.10:4001', notifications: true, createdAt: 1 }], defaultProfileId: 'p1' });
    await snapshotsItem.item.setValue({ p1: { fetchedAt: 1, sessions: [{ id: 'main', status: 'open' }], server: { state: 'ok' } } });
    await settingsItem.item.setValue({ ...DEFAULT_SETTINGS, defaultCountryCode: '62' });
    await recentRecipientsItem.item.setValue([{ digits: '6281234567890', usedAt: 1 }]);
    const suggest = vi.fn();
    const shown = await handleInputChanged('0812-3456-7890 Hi', suggest);
    expect(suggest).toHaveBeenCalledWith([{ content: '+6281234567890 Hi', description: '<match>+62 812 3456 7890</match> — send “Hi”' }]);
    expect(shown.defaultDescription).toBe('Send “<match>Hi</match>” to +62 812 3456 7890 <dim>from “main” of Office — press Enter to review</dim>');
    expect((fakeBrowser as unknown as { omnibox: { setDefaultSuggestion: ReturnType<typeof vi.fn> } }).omnibox.setDefaultSuggestion).toHaveBeenCalledWith({ description: shown.defaultDescription });
  });

  it('survives a damaged list of recent recipients: it is reset and reported, and typing still works', async () => {
    await fakeBrowser.storage.local.set({ recentRecipients: [{ digits: 62812, usedAt: 'yesterday' }] });
    const shown = await handleInputChanged('+62 812 3456 7890 Hi');
    expect(shown.suggestions).toEqual([]);
    expect((await fakeBrowser.storage.local.get('recentRecipients')).recentRecipients).toEqual([]);
    const { storageNotices } = await fakeBrowser.storage.local.get('storageNotices');
    expect(storageNotices).toEqual([expect.objectContaining({ key: 'local:recentRecipients', message: expect.stringContaining('your recent recipients') })]);
  });

  it('on Enter, hands what was typed to the asking window through session storage, not the address', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const opened = await handleInputEntered(' +62 812 3456 7890 Secret plans ');
    const url = create.mock.calls[0]![0]!.url as string;
    expect(url).toBe(`chrome-extension://test-extension-id/menu-action.html?id=${opened.id}`);
    expect(url).not.toContain('Secret');
    const key = handoffKey(opened.id)!;
    expect(readMenuRequest((await fakeBrowser.storage.session.get(key))[key])).toEqual({ action: 'send-text', text: '+62 812 3456 7890 Secret plans', createdAt: expect.any(Number) });
  });

  it('registers the three listeners and no hook on the global scope', () => {
    registerOmnibox();
    const omnibox = (fakeBrowser as unknown as { omnibox: Record<string, { addListener: ReturnType<typeof vi.fn> }> }).omnibox;
    for (const event of ['onInputStarted', 'onInputChanged', 'onInputEntered']) expect(omnibox[event]!.addListener).toHaveBeenCalledTimes(1);
    expect(Object.keys(globalThis).filter((name) => /^warest/i.test(name))).toEqual([]);
  });
});
