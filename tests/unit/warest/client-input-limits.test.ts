import { describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/warest/api-result';
import { findOperation, type Operation } from '@/lib/warest/catalog';
import { MAX_FILE_BASE64_CHARS, type FilePayload } from '@/lib/warest/file-payload';
import { buildRequest, coerceInput, type BuiltRequest, type OperationInputs } from '@/lib/warest/request-builder';

/**
 * Inputs that do not fit an operation are refused before anything is sent (kind invalid-input,
 * naming the field and what is wrong), using the limits the catalog carries: the server's own
 * (openapi.yaml) and the ones a running server is known to enforce. Nothing a caller gives may
 * make the builder throw instead.
 */

const BASE = 'http://warest.local:4001';

function op(id: string): Operation {
  const operation = findOperation(id);
  if (!operation) throw new Error(`no operation ${id}`);
  return operation;
}

function outcome(id: string, inputs: OperationInputs) {
  return buildRequest(BASE, op(id), inputs);
}

function built(id: string, inputs: OperationInputs): BuiltRequest {
  const result = outcome(id, inputs);
  if (!result.ok) throw new Error(`expected ${id} to build, got: ${result.error.message}`);
  return result.request;
}

function refused(id: string, inputs: OperationInputs): ApiError {
  const result = outcome(id, inputs);
  if (result.ok) throw new Error(`expected ${id} to be refused, got ${result.request.url}`);
  expect(result.error.kind).toBe('invalid-input');
  return result.error;
}

const text = { sessionId: 's1', to: '6281', message: 'hi' };

describe('session ids', () => {
  it.each(['my session/1', 'a&b=c', 'x'.repeat(65), 'ses\u00e9', 'tab\there'])('refuses %j, saying what a session id may hold', (sessionId) => {
    const error = refused('getGroups', { sessionId });
    expect(error.message).toMatch(/^Session /);
    expect(error.message).toMatch(/1 to 64 characters: letters, digits/);
  });

  it('refuses a bad session id in a path and in a body too', () => {
    expect(refused('postSessionSessionIdConfig', { sessionId: 'a/b', webhookUrl: 'https://h.example', webhookSecret: 's' }).message).toMatch(/^Session /);
    expect(refused('postMessagesSendText', { ...text, sessionId: 'main one' }).message).toMatch(/^Session /);
  });

  it('accepts every character the server allows, up to 64 of them, and trims stray spaces', () => {
    expect(new URL(built('getGroups', { sessionId: 'Shop.main_1-X' }).url).searchParams.get('sessionId')).toBe('Shop.main_1-X');
    expect(built('getGroups', { sessionId: 'x'.repeat(64) }).url).toContain('x'.repeat(64));
    expect(JSON.parse(built('postMessagesSendText', { ...text, sessionId: ' s1 ' }).body as string).sessionId).toBe('s1');
  });
});

describe('numbers out of range', () => {
  it.each<[string, OperationInputs, RegExp]>([
    ['getChats', { sessionId: 's1', offset: -1 }, /^Offset must be at least 0\.$/],
    ['getChats', { sessionId: 's1', limit: '0' }, /^Limit must be from 1 to 200\.$/],
    ['getChats', { sessionId: 's1', limit: 201 }, /^Limit must be from 1 to 200\.$/],
    ['getChatsChatIdMessages', { chatId: 'c', sessionId: 's1', limit: -5 }, /^Limit must be from 1 to 200\.$/],
    ['getChatsChatIdMessages', { chatId: 'c', sessionId: 's1', offset: '-10' }, /^Offset must be at least 0\.$/],
    ['getProfileListContacts', { sessionId: 's1', limit: 1001 }, /^Limit must be from 1 to 1,000\.$/],
    ['postMessagesActionMute', { sessionId: 's1', to: '1', duration: 0 }, /^Duration \(minutes\) must be from 1 to 43,200\.$/],
    ['postMessagesActionMute', { sessionId: 's1', to: '1', duration: 43_201 }, /must be from 1 to 43,200/],
    ['postMiscUuidGenerate', { count: 0 }, /^How many must be from 1 to 1,000\.$/],
    ['postMessagesSendPoll', { sessionId: 's1', to: '1', question: 'Q', options: ['a'], maxSelection: 0 }, /^Answers allowed must be at least 1\.$/],
    ['getChats', { sessionId: 's1', limit: 1e20 }, /^Limit is too large a number\.$/],
  ])('%s %j is refused', (id, inputs, message) => {
    expect(refused(id, inputs).message).toMatch(message);
  });

  it('accepts the limits themselves', () => {
    expect(new URL(built('getChats', { sessionId: 's1', limit: 200, offset: 0 }).url).searchParams.get('limit')).toBe('200');
    expect(new URL(built('getChats', { sessionId: 's1', limit: '1' }).url).searchParams.get('limit')).toBe('1');
    expect(JSON.parse(built('postMessagesActionMute', { sessionId: 's1', to: '1', duration: 43_200 }).body as string).duration).toBe(43_200);
  });
});

describe('choices and types', () => {
  it('refuses a number or boolean given for a choice that is not among the options', () => {
    expect(refused('getChats', { sessionId: 's1', sortBy: 5 }).message).toContain('Sort by must be one of lastMessage, unreadCount, name');
    expect(refused('getServerCpuHistory', { period: true }).message).toContain('Period must be one of');
  });

  it.each<[string, OperationInputs, RegExp]>([
    ['postMessagesSendButton', { sessionId: 's1', to: '1', text: 't', buttons: { id: 'a' } }, /^Buttons must be a JSON list/],
    ['postMessagesSendButton', { sessionId: 's1', to: '1', text: 't', buttons: '[]' }, /^Buttons needs at least 1 item/],
    ['postMessagesSendLocation', { sessionId: 's1', to: '1', location: 5 }, /^Location must be a JSON object or list/],
    ['postMessagesSendLocation', { sessionId: 's1', to: '1', location: '"here"' }, /^Location must be a JSON object or list/],
    ['postMessagesSendContact', { sessionId: 's1', to: '1', contact: ['a'] }, /^Contact must be a JSON object/],
    ['postMiscMediaImage', { file: 'https://x.example/a.png', actions: '[1]' }, /^Actions \(JSON\) must be a JSON object/],
    ['postGroupParticipantsAdd', { sessionId: 's1', groupId: 'g', participants: [1, 2] }, /^Participants must be a list of text items/],
    ['postGroupParticipantsAdd', { sessionId: 's1', groupId: 'g', participants: { a: '1' } }, /^Participants must be a list of text items/],
    ['postMessagesSendText', { ...text, to: [6281] }, /^Recipient must be a phone number/],
  ])('%s with a value of the wrong shape is refused (%j)', (id, inputs, message) => {
    expect(refused(id, inputs).message).toMatch(message);
  });

  it('refuses inputs that are not named values at all', () => {
    expect(refused('getSessionList', null as unknown as OperationInputs).message).toMatch(/named values/);
    expect(refused('getSessionList', ['x'] as unknown as OperationInputs).message).toMatch(/named values/);
  });
});

describe('the scheduled restart', () => {
  it('refuses a cron string before sending, giving the format', () => {
    const error = refused('postServerRestartScheduled', { schedule: '0 3 * * *' });
    expect(error.message).toBe('Daily restart time must be a time of day as HH:MM on a 24-hour clock (e.g. 02:30), or 0 to cancel the schedule.');
    expect(refused('postServerRestartScheduled', { schedule: '25:00' }).message).toContain('HH:MM');
  });

  it('sends a time of day, or 0 to cancel', () => {
    expect(JSON.parse(built('postServerRestartScheduled', { schedule: '02:30', timezone: 'Asia/Jakarta' }).body as string)).toEqual({ schedule: '02:30', timezone: 'Asia/Jakarta' });
    expect(JSON.parse(built('postServerRestartScheduled', { schedule: ' 0 ' }).body as string)).toEqual({ schedule: '0' });
  });

  it('refuses a QR target the server does not make', () => {
    expect(refused('postMiscConvertStringTarget', { target: 'gif', string: 'x' }).message).toMatch(/^Output format must be one of base64, svg/);
    expect(built('postMiscConvertStringTarget', { target: 'png', string: 'x' }).url).toMatch(/convert-string-toqr\/png$/);
  });
});

describe('values that used to make the builder throw', () => {
  it('refuses a picked file whose data is not base64, instead of failing inside', () => {
    const broken: FilePayload = { kind: 'file', name: 'a.jpg', type: 'image/jpeg', base64: 'not*base64!' };
    expect(refused('postMessagesSendMedia', { sessionId: 's1', to: '1', media: broken }).message).toMatch(/^Media is not a readable file \(its data is not valid base64\)/);
    // The JSON route (a data URL) is checked the same way.
    expect(refused('postGroupPicture', { sessionId: 's1', groupId: 'g', picture: broken }).message).toMatch(/^Picture is not a readable file/);
    expect(refused('postMessagesSendFiles', { sessionId: 's1', to: '1', files: [broken] }).message).toMatch(/^Files is not a readable file/);
  });

  it('accepts base64 with line breaks or without padding, as atob does', () => {
    const wrapped: FilePayload = { kind: 'file', name: 'a.bin', type: '', base64: 'AAEC\nAwQ' };
    expect(built('postMessagesSendDocument', { sessionId: 's1', to: '1', document: wrapped }).body).toBeInstanceOf(FormData);
  });

  it('refuses a lone surrogate in a path input (encodeURIComponent would throw) and in text', () => {
    const error = refused('postMessagesMessageIdActionStar', { messageId: 'ABC\uD800', sessionId: 's1', to: '1' });
    expect(error.message).toMatch(/^Message ID contains a broken character/);
    expect(refused('postMessagesSendText', { ...text, message: 'hi \uDE00' }).message).toMatch(/^Message contains a broken character/);
    expect(refused('getChats', { sessionId: 's1', search: '\uD83D' }).message).toMatch(/^Search contains a broken character/);
    // A whole emoji is fine.
    expect(JSON.parse(built('postMessagesSendText', { ...text, message: 'hi \uD83D\uDE00' }).body as string).message).toBe('hi 😀');
  });

  it('refuses a 16 MB text, saying how long it may be', () => {
    const error = refused('postMessagesSendText', { ...text, message: 'x'.repeat(16 * 1024 * 1024) });
    expect(error.message).toMatch(/^Message is too long: at most 65,536 characters, this has 16,777,216\.$/);
    expect(refused('getChats', { sessionId: 's1', search: 'y'.repeat(5000) }).message).toMatch(/^Search is too long/);
  });

  it('refuses a file larger than a call may carry', () => {
    const huge: FilePayload = { kind: 'file', name: 'big.bin', type: 'application/octet-stream', base64: 'A'.repeat(MAX_FILE_BASE64_CHARS + 1024) };
    expect(refused('postMessagesSendDocument', { sessionId: 's1', to: '1', document: huge }).message).toMatch(/^Document is too large: at most 40 MB/);
  });
});

describe('prototype keys', () => {
  it('treats a "__proto__" input as an unknown name, and reads nothing from a prototype', () => {
    const sneaky = JSON.parse('{"__proto__": {"sessionId": "s1"}, "groupId": "g"}') as OperationInputs;
    expect(refused('getGroupInfo', sneaky).message).toContain('has no input named __proto__');
    const inherited = Object.create({ sessionId: 's1' }) as OperationInputs;
    expect(refused('getGroups', inherited).message).toBe('Fill in: Session.');
    expect(({} as Record<string, unknown>).sessionId).toBeUndefined();
  });

  it('refuses "__proto__" or "constructor" keys inside a structured value, at any depth', () => {
    const location = JSON.parse('{"latitude": 1, "longitude": 2, "__proto__": {"polluted": true}}') as unknown;
    expect(refused('postMessagesSendLocation', { sessionId: 's1', to: '1', location }).message).toBe('Location has a key named “__proto__”, which is not allowed.');
    expect(refused('postMessagesSendLocation', { sessionId: 's1', to: '1', location: '[{"a": {"constructor": 1}}]' }).message).toContain('“constructor”');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('coerceInput (shared with the explorer form)', () => {
  it('judges a field by the same limits', () => {
    const limit = op('getChats').inputs.find((input) => input.name === 'limit')!;
    expect(coerceInput(limit, '500')).toEqual({ ok: false, reason: 'must be from 1 to 200' });
    expect(coerceInput(limit, '50')).toEqual({ ok: true, value: 50 });
  });
});
