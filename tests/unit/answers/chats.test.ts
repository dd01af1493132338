import { describe, expect, it } from 'vitest';
import {
  appendChats,
  appendOlder,
  isEditable,
  jidPhone,
  messagesToMarkRead,
  myReaction,
  readChatPage,
  readMarkedCount,
  readMessagePage,
  readPinned,
  toSeconds,
  type ChatMessage,
} from '@/lib/answers/chats';
import { messageMark, withChatMarks } from '@/entrypoints/popup/chats/chat-marks';
import { chatProblem, describeKind, senderLabel, showTime } from '@/entrypoints/popup/chats/chat-words';

/** The popup's readers of WARest's chat answers (tolerant of odd fields, exact about what they say) and their words. */

const ME = '6281234567890';
const ALEX = '6281122334455@s.whatsapp.net';
/** A single-`result` answer, as the chat routes send. */
const answer = (result: unknown, message?: string) => ({ status: 200, results: [], result, latencyMs: 3, ...(message && { message }) });

const base: ChatMessage = { id: 'M1', fromMe: true, edited: false, deleted: false, reactions: [] };

describe('readChatPage', () => {
  it('reads the stock server’s chat list (result.data, result.pagination.total)', () => {
    const page = readChatPage(
      answer({
        sessionId: 'main',
        phone: ME,
        data: [
          { id: ALEX, jid: ALEX, displayName: 'Alex Marker', name: 'Alex', isGroup: false, unreadCount: 2, lastMessage: 'Ping?', lastMessageTimestamp: 1714552100, ephemeralExpiry: 0 },
          { id: '1203@g.us', jid: '1203@g.us', name: 'Core Team', isGroup: true, unreadCount: 0, lastMessage: null, lastMessageTimestamp: 0 },
        ],
        pagination: { limit: 10, offset: 0, total: 7 },
      }),
    );
    expect(page.total).toBe(7);
    expect(page.items).toEqual([
      { id: ALEX, name: 'Alex Marker', isGroup: false, unreadCount: 2, lastMessage: 'Ping?', lastMessageAt: 1714552100 },
      { id: '1203@g.us', name: 'Core Team', isGroup: true, unreadCount: 0 },
    ]);
  });

  it('skips rows without an id, drops duplicates, and falls back to the number for a missing name', () => {
    const page = readChatPage(answer({ data: [null, 'x', { name: 'no id' }, { jid: '628777@s.whatsapp.net', unreadCount: 'lots' }, { id: '628777@s.whatsapp.net' }, { jid: '1205@g.us' }] }));
    expect(page.total).toBeUndefined();
    expect(page.items).toEqual([
      { id: '628777@s.whatsapp.net', name: '+628777', isGroup: false, unreadCount: 0 },
      { id: '1205@g.us', name: '1205@g.us', isGroup: true, unreadCount: 0 },
    ]);
  });

  it('reads pinned, archived and muted when a server does report them (flags, Baileys timestamps, milliseconds)', () => {
    const [a, b, c] = readChatPage(
      answer({
        data: [
          { jid: 'a@s.whatsapp.net', pinned: 1714552100, archived: 'true', muteEndTime: 1714552100000 },
          { jid: 'b@s.whatsapp.net', isPinned: false, isArchived: false, mutedUntil: 0 },
          { jid: 'c@s.whatsapp.net', pinned: 'soon', muteEndTime: null },
        ],
      }),
    ).items;
    expect(a).toMatchObject({ pinned: true, archived: true, mutedUntil: 1714552100 });
    expect(b).toMatchObject({ pinned: false, archived: false, mutedUntil: 0 });
    expect(c).toMatchObject({ mutedUntil: 0 });
    expect(c).not.toHaveProperty('pinned');
  });

  it('answers an empty page for answers that are not chat lists', () => {
    expect(readChatPage(answer(null))).toEqual({ items: [] });
    expect(readChatPage(answer({ data: 'nope', pagination: { total: -3 } }))).toEqual({ items: [] });
    expect(readChatPage({ status: 200, results: [{ data: [{ jid: ALEX }] }], latencyMs: 1 }).items).toHaveLength(1);
  });
});

describe('readMessagePage', () => {
  const stock = {
    sessionId: 'main',
    phone: ME,
    data: [
      {
        id: 'AABB', toJid: ALEX, senderJid: `${ME}@s.whatsapp.net`, fromMe: true, messageType: 'extendedtextmessage', body: 'Ping?', timestamp: 1714552000,
        isMedia: false, mediaType: null, mediaMetadata: null, messageTypeDetails: { starredAt: 1714552050, edit: { lastEditedAt: 1714552040 } },
        reactions: [{ from: ALEX, emoji: '👍', timestamp: 1714552060 }, { from: ALEX }], isEdited: true, isDeleted: false, deletedAt: null, poll: null,
      },
      {
        id: 'CCDD', senderJid: ALEX, fromMe: false, messageType: 'image', body: 'New office', timestamp: 1714551000, isMedia: true, mediaType: 'image',
        mediaMetadata: { url: null, mimeType: 'image/png', fileName: 'office.png', fileSize: 1200 }, messageTypeDetails: {}, reactions: [], isEdited: false, isDeleted: false,
      },
      { id: 'EEFF', senderJid: ALEX, fromMe: false, messageType: 'text', body: '', timestamp: 1714550000, isDeleted: true, deletedAt: 1714550100, reactions: [] },
    ],
    pagination: { limit: 20, offset: 0, total: 31 },
    chatInfo: { jid: ALEX, name: 'Alex Marker', unreadCount: 1 },
  };

  it('reads the stock server’s answer: text, media, star (messageTypeDetails.starredAt), edit, deletion, reactions', () => {
    const page = readMessagePage(answer(stock));
    expect(page).toMatchObject({ total: 31, chatName: 'Alex Marker', unreadCount: 1, me: ME });
    expect(page.items).toEqual([
      { id: 'AABB', fromMe: true, sender: `${ME}@s.whatsapp.net`, time: 1714552000, text: 'Ping?', messageType: 'extendedtextmessage', starred: true, edited: true, deleted: false, reactions: [{ from: ALEX, emoji: '👍' }] },
      { id: 'CCDD', fromMe: false, sender: ALEX, time: 1714551000, text: 'New office', mediaType: 'image', fileName: 'office.png', messageType: 'image', edited: false, deleted: false, reactions: [] },
      { id: 'EEFF', fromMe: false, sender: ALEX, time: 1714550000, messageType: 'text', edited: false, deleted: true, reactions: [] },
    ]);
  });

  it('reads a poll’s options, as strings or objects with their votes', () => {
    const page = readMessagePage({
      results: [{
        data: [
          { id: 'P1', fromMe: false, timestamp: 1714552000, body: 'Lunch?', poll: { question: 'Lunch?', options: ['Rice', ' ', 'Soup'], maxSelection: 1 } },
          { id: 'P2', fromMe: true, timestamp: 1714552001, poll: { creation: { question: 'Day?', options: [{ name: 'Tue', votes: 2 }, { optionName: 'Wed', voters: ['a', 'b', 'c'] }, { nothing: 1 }] } } },
          { id: 'P3', fromMe: true, timestamp: 1714552002, poll: { question: 'Empty?', options: 'none' } },
        ],
      }],
    });
    expect(page.items.map((m) => m.pollOptions)).toEqual([[{ name: 'Rice' }, { name: 'Soup' }], [{ name: 'Tue', votes: 2 }, { name: 'Wed', votes: 3 }], undefined]);
  });

  it('tolerates odd rows and fields: no id, wrong types, millisecond times, a poll, a missing chatInfo', () => {
    const page = readMessagePage(
      answer({
        data: [{ body: 'no id' }, 7, { key: { id: 'K1' }, fromMe: 'yes', timestamp: 1714552000123, reactions: 'many', poll: { creation: { question: 'Release day?' } }, body: 'Release day?' }],
        pagination: null,
        chatInfo: 'x',
      }),
    );
    expect(page).toEqual({ items: [{ id: 'K1', fromMe: false, time: 1714552000, text: 'Release day?', pollQuestion: 'Release day?', edited: false, deleted: false, reactions: [] }] });
  });
});

describe('paging', () => {
  it('adds an older page below, without repeating messages the shifted offset brings back', () => {
    const loaded = [{ ...base, id: 'A' }, { ...base, id: 'B' }];
    expect(appendOlder(loaded, [{ ...base, id: 'B' }, { ...base, id: 'C' }]).map((m) => m.id)).toEqual(['A', 'B', 'C']);
    const chats = [{ id: 'x', name: 'X', isGroup: false, unreadCount: 0 }];
    expect(appendChats(chats, [chats[0]!, { id: 'y', name: 'Y', isGroup: false, unreadCount: 1 }]).map((c) => c.id)).toEqual(['x', 'y']);
  });
});

describe('action answers', () => {
  it('reads the pin state the server confirms, else the one asked for', () => {
    expect(readPinned(answer({ pinned: false }), true)).toBe(false);
    expect(readPinned(answer({ chatId: ALEX }), true)).toBe(true);
    expect(readPinned(answer(null), false)).toBe(false);
  });

  it('reads how many messages were marked read', () => {
    expect(readMarkedCount(answer({ totalMarked: 3, marked: [{}] }))).toBe(3);
    expect(readMarkedCount(answer({ marked: [{}, {}] }))).toBe(2);
    expect(readMarkedCount(answer({}))).toBeUndefined();
  });

  it('asks read receipts for the unread messages, at least one, at most the server’s 500', () => {
    expect([messagesToMarkRead(0), messagesToMarkRead(4), messagesToMarkRead(9000)]).toEqual([1, 4, 500]);
  });
});

describe('what a message allows and how it reads', () => {
  it('edits only own, undeleted plain text', () => {
    expect(isEditable({ ...base, text: 'hi', messageType: 'conversation' })).toBe(true);
    expect(isEditable({ ...base, text: 'hi' })).toBe(true);
    expect(isEditable({ ...base, text: 'hi', fromMe: false })).toBe(false);
    expect(isEditable({ ...base, text: 'caption', mediaType: 'image', messageType: 'image' })).toBe(false);
    expect(isEditable({ ...base, text: 'hi', deleted: true })).toBe(false);
    expect(isEditable({ ...base, text: 'Q?', pollQuestion: 'Q?', messageType: 'pollcreationmessage' })).toBe(false);
    expect(isEditable({ ...base })).toBe(false);
  });

  it('describes media and polls in words', () => {
    expect(describeKind({ ...base, mediaType: 'image', fileName: 'a.png' })).toBe('Photo a.png');
    expect(describeKind({ ...base, mediaType: 'documentMessage' })).toBe('Document');
    expect(describeKind({ ...base, mediaType: 'hologram' })).toBe('hologram');
    expect(describeKind({ ...base, pollQuestion: 'Q?' })).toBe('Poll');
    expect(describeKind(base)).toBeUndefined();
  });

  it('names the sender: you, the chat, or a group member’s number', () => {
    const chat = { id: ALEX, name: 'Alex Marker' };
    expect(senderLabel(base, chat)).toBe('You');
    expect(senderLabel({ ...base, fromMe: false, sender: ALEX }, chat)).toBe('Alex Marker');
    expect(senderLabel({ ...base, fromMe: false }, { id: ALEX })).toBe('+6281122334455');
    expect(senderLabel({ ...base, fromMe: false, sender: '628999:3@s.whatsapp.net' }, { id: '1203@g.us', name: 'Core' })).toBe('+628999');
  });

  it('names a group member from the contacts when known, from any device or JID form', () => {
    const names = { '6289990001@s.whatsapp.net': 'Dewi' };
    const group = { id: '1203@g.us', name: 'Core' };
    expect(senderLabel({ ...base, fromMe: false, sender: '6289990001@s.whatsapp.net' }, group, names)).toBe('Dewi');
    expect(senderLabel({ ...base, fromMe: false, sender: '6289990001:3@s.whatsapp.net' }, group, names)).toBe('Dewi');
    expect(senderLabel({ ...base, fromMe: false, sender: '6289990001@c.us' }, group, names)).toBe('Dewi');
    expect(senderLabel({ ...base, fromMe: false, sender: '6289990002@s.whatsapp.net' }, group, names)).toBe('+6289990002');
    expect(senderLabel(base, group, names)).toBe('You');
  });

  it('finds this account’s reaction by its phone', () => {
    const message = { ...base, reactions: [{ from: ALEX, emoji: '👍' }, { from: `${ME}@s.whatsapp.net`, emoji: '❤️' }] };
    expect(myReaction(message, ME)?.emoji).toBe('❤️');
    expect(myReaction(message, undefined)).toBeUndefined();
    expect(myReaction({ ...base }, ME)).toBeUndefined();
  });
});

describe('small readers', () => {
  it('converts times to Unix seconds', () => {
    expect(toSeconds(1714552000)).toBe(1714552000);
    expect(toSeconds(1714552000999)).toBe(1714552000);
    expect(toSeconds('1714552000')).toBe(1714552000);
    expect(toSeconds('2024-05-01T08:26:40Z')).toBe(1714552000);
    expect([toSeconds(0), toSeconds(-5), toSeconds('soon'), toSeconds(null)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads phone digits from user JIDs only', () => {
    expect(jidPhone('6281122334455@s.whatsapp.net')).toBe('6281122334455');
    expect(jidPhone('6281122334455:12@s.whatsapp.net')).toBe('6281122334455');
    expect(jidPhone('1203630@g.us')).toBeUndefined();
    expect(jidPhone(undefined)).toBeUndefined();
  });

  it('shows the hour today and the date before', () => {
    const now = new Date(2026, 10, 24, 15, 0).getTime();
    expect(showTime(new Date(2026, 10, 24, 9, 5).getTime() / 1000, now)).toBe('09:05');
    expect(showTime(new Date(2026, 10, 20, 9, 5).getTime() / 1000, now)).toBe('20 Nov');
    expect(showTime(new Date(2025, 0, 2).getTime() / 1000, now)).toBe('2 Jan 2025');
    expect(showTime(undefined, now)).toBe('');
  });
});

describe('chatProblem', () => {
  const error = (code: number | undefined, serverMessage?: string) => ({ kind: 'forbidden' as const, message: 'This API key isn’t allowed to do that.', status: 403, ...(code !== undefined && { code }), ...(serverMessage && { serverMessage }) });

  it('explains WhatsApp’s refusals instead of blaming the key', () => {
    expect(chatProblem(error(2601, 'Message not found'))).toMatch(/^This message is no longer on the server.*Reload the chat/);
    expect(chatProblem(error(2004))).toMatch(/nothing to mark as read/);
  });

  it('keeps the client’s sentence for everything else', () => {
    expect(chatProblem(error(undefined))).toBe('This API key isn’t allowed to do that.');
    expect(chatProblem({ kind: 'network', message: 'The server cannot be reached.' })).toBe('The server cannot be reached.');
  });
});

describe('marks from this popup’s own actions', () => {
  it('fill in what the server did not say, and never override what it did', () => {
    const chat = { id: ALEX, name: 'Alex', isGroup: false, unreadCount: 0 };
    expect(withChatMarks(chat, { pinned: true, archived: false })).toMatchObject({ pinned: true, archived: false });
    expect(withChatMarks({ ...chat, pinned: false }, { pinned: true }).pinned).toBe(false);
    expect(withChatMarks(chat, undefined)).toEqual(chat);
    const marks = { [`main\n${ALEX}\nM1`]: { pinned: true } };
    expect(messageMark(marks, 'main', ALEX, base).pinned).toBe(true);
    expect(messageMark(marks, 'main', ALEX, { ...base, pinned: false }).pinned).toBe(false);
    expect(messageMark(marks, 'other', ALEX, base).pinned).toBeUndefined();
  });
});
