import { describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/warest/api-result';
import { findOperation, type Operation } from '@/lib/warest/catalog';
import type { FilePayload } from '@/lib/warest/file-payload';
import { buildRequest, type BuiltRequest, type OperationInputs } from '@/lib/warest/request-builder';

const BASE = 'https://warest.example.com/proxy';

function op(id: string): Operation {
  const operation = findOperation(id);
  if (!operation) throw new Error(`no operation ${id} in the catalog`);
  return operation;
}

function built(id: string, inputs: OperationInputs): BuiltRequest {
  const result = buildRequest(BASE, op(id), inputs);
  if (!result.ok) throw new Error(`expected ${id} to build, got: ${result.error.message}`);
  return result.request;
}

function refused(id: string, inputs: OperationInputs): ApiError {
  const result = buildRequest(BASE, op(id), inputs);
  if (result.ok) throw new Error(`expected ${id} to be refused, got ${result.request.url}`);
  return result.error;
}

function jsonBody(request: BuiltRequest): Record<string, unknown> {
  expect(request.contentType).toBe('application/json');
  expect(typeof request.body).toBe('string');
  return JSON.parse(request.body as string) as Record<string, unknown>;
}

function query(request: BuiltRequest): URLSearchParams {
  return new URL(request.url).searchParams;
}

/** "PNG\0\xff" — includes a zero byte and a byte above 0x7f, to catch text mangling. */
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff];
const picture: FilePayload = { kind: 'file', name: 'logo.png', type: 'image/png', base64: Buffer.from(PNG_BYTES).toString('base64') };

describe('buildRequest: URL', () => {
  it('puts the API prefix after the base URL with its proxy prefix', () => {
    expect(built('getServerPing', {}).url).toBe('https://warest.example.com/proxy/api/v1/server/ping');
  });

  it('fills query inputs, encoded', () => {
    const request = built('getSessionCreate', { sessionId: 'shop.main_1-x' });
    expect(request.url).toBe('https://warest.example.com/proxy/api/v1/session/create?sessionId=shop.main_1-x');

    const odd = built('getGroupInfo', { sessionId: 'shop.main', groupId: 'a&b=c#d@g.us' });
    expect(query(odd).get('sessionId')).toBe('shop.main');
    expect(query(odd).get('groupId')).toBe('a&b=c#d@g.us');
    expect([...query(odd).keys()]).toEqual(['sessionId', 'groupId']);
  });

  it('fills a path input with a session id containing dots', () => {
    const request = built('postSessionSessionIdConfig', { sessionId: 'shop.main', webhookUrl: 'https://hook.example', webhookSecret: 's' });
    expect(new URL(request.url).pathname).toBe('/proxy/api/v1/session/shop.main/config');
  });

  it.each(['.', '..'])('refuses a path value of only dots (%j), which URL parsing would resolve into another route', (sessionId) => {
    const error = refused('postSessionSessionIdConfig', { sessionId, webhookUrl: 'https://hook.example', webhookSecret: 's' });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('Session cannot be “.” or “..”');
  });

  it('still sends dots in a query value, where they are harmless', () => {
    expect(query(built('getSessionCreate', { sessionId: '..' })).get('sessionId')).toBe('..');
  });

  it('sends a path value that merely contains dots', () => {
    const request = built('postSessionSessionIdConfig', { sessionId: '...', webhookUrl: 'https://hook.example', webhookSecret: 's' });
    expect(new URL(request.url).pathname).toBe('/proxy/api/v1/session/.../config');
  });

  it('encodes message ids with special characters as one path segment', () => {
    const messageId = 'ABC/12+3?x=#y %';
    const request = built('postMessagesMessageIdActionStar', { messageId, sessionId: 's1', to: '628123' });
    const pathname = new URL(request.url).pathname;
    expect(pathname).toBe(`/proxy/api/v1/messages/${encodeURIComponent(messageId)}/action/star`);
    expect(new URL(request.url).search).toBe('');
    expect(new URL(request.url).hash).toBe('');
  });

  it('fills two path inputs', () => {
    const request = built('postChatsChatIdMessagesMessageIdPin', { chatId: '628123@s.whatsapp.net', messageId: '3EB0ABC', sessionId: 's1', pin: true });
    expect(new URL(request.url).pathname).toBe('/proxy/api/v1/chats/628123%40s.whatsapp.net/messages/3EB0ABC/pin');
  });
});

describe('buildRequest: checking inputs', () => {
  it('refuses missing required inputs, naming their labels', () => {
    const error = refused('postMessagesSendText', {});
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe('Fill in: Session, Recipient, Message.');
  });

  it('counts blank and whitespace-only values as missing', () => {
    expect(refused('postMessagesSendText', { sessionId: '  ', to: [], message: '' }).message).toBe('Fill in: Session, Recipient, Message.');
  });

  it('counts a list that is only separators as missing', () => {
    expect(refused('postMessagesSendPoll', { sessionId: 's', to: '1', question: 'Q', options: ' , ;\n ' }).message).toBe('Fill in: Options.');
  });

  it('refuses input names the operation does not have, naming them', () => {
    const error = refused('getSessionList', { sessionId: 's1', bogus: 1 });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('sessionId, bogus');
    expect(error.message).toContain('List sessions');
  });

  it('refuses a value outside an enum, listing the options', () => {
    const error = refused('getChats', { sessionId: 's1', sortBy: 'date' });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('Sort by must be one of lastMessage, unreadCount, name');
  });

  it('accepts an enum option typed with stray spaces and sends the option itself', () => {
    expect(query(built('getChats', { sessionId: 's1', sortBy: ' name ' })).get('sortBy')).toBe('name');
    expect(jsonBody(built('postMiscBase64', { action: ' encode ', input: 'hi' })).action).toBe('encode');
  });

  it('reports every invalid value at once', () => {
    const error = refused('getChats', { sessionId: 's1', limit: 'ten', hasMedia: 'yes' });
    expect(error.message).toContain('Limit must be a number');
    expect(error.message).toContain('With media only must be true or false');
  });
});

describe('buildRequest: coercion', () => {
  it('turns integer text into a number', () => {
    expect(query(built('getChats', { sessionId: 's1', limit: '10' })).get('limit')).toBe('10');
    expect(jsonBody(built('postMessagesActionMute', { sessionId: 's1', to: '1', duration: ' 3600 ' })).duration).toBe(3600);
  });

  it('refuses a fraction for an integer and text that is no number', () => {
    expect(refused('postMessagesActionMute', { sessionId: 's1', to: '1', duration: '1.5' }).message).toContain('must be a whole number');
    expect(refused('postMessagesActionMute', { sessionId: 's1', to: '1', duration: 'Infinity' }).message).toContain('must be a number');
  });

  it('turns "true"/"false" into booleans and refuses anything else', () => {
    expect(jsonBody(built('postGroupLocked', { sessionId: 's1', groupId: 'g', locked: 'true' })).locked).toBe(true);
    expect(jsonBody(built('postGroupLocked', { sessionId: 's1', groupId: 'g', locked: 'false' })).locked).toBe(false);
    expect(jsonBody(built('postGroupLocked', { sessionId: 's1', groupId: 'g', locked: false })).locked).toBe(false);
    expect(refused('postGroupLocked', { sessionId: 's1', groupId: 'g', locked: 'yes' }).message).toContain('must be true or false');
  });

  it('splits list text on commas, semicolons and newlines, trimming items', () => {
    const body = jsonBody(built('postGroupParticipantsAdd', { sessionId: 's1', groupId: 'g', participants: ' 6281, 6282;6283\n\n 6284 ,' }));
    expect(body.participants).toEqual(['6281', '6282', '6283', '6284']);
  });

  it('takes a list as an array, and refuses a list of non-text', () => {
    expect(jsonBody(built('postGroupParticipantsAdd', { sessionId: 's1', groupId: 'g', participants: [' a ', 'b'] })).participants).toEqual(['a', 'b']);
    expect(refused('postGroupParticipantsAdd', { sessionId: 's1', groupId: 'g', participants: [1, 2] }).message).toContain('must be a list of text items');
  });

  it('takes recipients as trimmed text (kept as typed, commas and all) or as an array', () => {
    expect(jsonBody(built('postMessagesSendText', { sessionId: 's1', to: ' 6281, 6282 ', message: 'hi' })).to).toBe('6281, 6282');
    expect(jsonBody(built('postMessagesSendText', { sessionId: 's1', to: ['6281', '120363@g.us'], message: 'hi' })).to).toEqual(['6281', '120363@g.us']);
    expect(refused('postMessagesSendText', { sessionId: 's1', to: 6281, message: 'hi' }).message).toContain('Recipient must be a phone number');
  });

  it('parses JSON text for json inputs and passes objects through', () => {
    expect(jsonBody(built('postMessagesSendLocation', { sessionId: 's1', to: '1', location: '{"latitude":-6.2,"longitude":106.8}' })).location).toEqual({
      latitude: -6.2,
      longitude: 106.8,
    });
    expect(jsonBody(built('postMessagesSendLocation', { sessionId: 's1', to: '1', location: { latitude: 1 } })).location).toEqual({ latitude: 1 });
  });

  it('refuses a picked file where JSON is due (it would go out as a data URL in its place)', () => {
    const file = { kind: 'file', name: 'a.png', type: 'image/png', base64: 'iVBORw0KGgo=' };
    expect(refused('postMessagesSendLocation', { sessionId: 's1', to: '1', location: file }).message).toBe('Location must be JSON data, not a file.');
  });

  it('checks what the description says of a value: a pairing phone is digits with the country code, a webhook an http(s) address', () => {
    expect(refused('getSessionCreatePairCode', { sessionId: 's1', phone: 'true' }).kind).toBe('invalid-input');
    expect(refused('postSessionSessionIdConfig', { sessionId: 's1', webhookUrl: 'main', webhookSecret: 'x' }).message).toMatch(/Webhook URL/);
    expect(jsonBody(built('postSessionSessionIdConfig', { sessionId: 's1', webhookUrl: 'https://hooks.example.com/wa', webhookSecret: 'x' })).webhookUrl).toBe('https://hooks.example.com/wa');
  });

  it('refuses invalid JSON text, naming the field', () => {
    const error = refused('postMessagesSendLocation', { sessionId: 's1', to: '1', location: '{latitude: 1' });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe('Location is not valid JSON.');
  });

  it('turns numbers and booleans given for text inputs into text', () => {
    expect(query(built('getSessionCreatePairCode', { sessionId: 's1', phone: 6281234567 })).get('phone')).toBe('6281234567');
  });

  it('keeps the spaces of body text (a message) but trims query text', () => {
    expect(jsonBody(built('postMessagesSendText', { sessionId: 's1', to: '1', message: '  indented\n' })).message).toBe('  indented\n');
    expect(query(built('getSessionCreate', { sessionId: '  s1 ' })).get('sessionId')).toBe('s1');
  });

  it('drops empty optional values', () => {
    const request = built('getChats', { sessionId: 's1', limit: '', search: '   ', hasMedia: undefined, sortBy: null });
    expect([...query(request).keys()]).toEqual(['sessionId']);

    const body = jsonBody(built('postMessagesSendText', { sessionId: 's1', to: '1', message: 'hi', replyMessageId: '', presence: undefined }));
    expect(Object.keys(body).sort()).toEqual(['message', 'sessionId', 'to']);
  });
});

describe('buildRequest: bodies', () => {
  it('sends no body for a GET', () => {
    const request = built('getChats', { sessionId: 's1' });
    expect(request.method).toBe('GET');
    expect(request.body).toBeUndefined();
    expect(request.contentType).toBeUndefined();
  });

  it('sends no body for a POST without body inputs (server restart)', () => {
    const request = built('postServerRestart', {});
    expect(request.method).toBe('POST');
    expect(request.body).toBeUndefined();
    expect(request.contentType).toBeUndefined();
  });

  it('sends JSON for a JSON operation, body inputs only', () => {
    const request = built('postChatsChatIdPin', { chatId: 'c1', sessionId: 's1', pin: 'true' });
    expect(request.method).toBe('POST');
    expect(jsonBody(request)).toEqual({ sessionId: 's1', pin: true });
    expect(request.url).not.toContain('?');
  });

  it('sends a DELETE with a JSON body', () => {
    const request = built('deleteGroupDelete', { sessionId: 's1', groupId: '120363@g.us' });
    expect(request.method).toBe('DELETE');
    expect(jsonBody(request)).toEqual({ sessionId: 's1', groupId: '120363@g.us' });
  });

  it('sends an empty JSON object for an operation whose body is optional', () => {
    expect(jsonBody(built('postMiscUuidGenerate', {}))).toEqual({});
  });

  it('sends multipart form data when a picked file goes to an operation that takes multipart', async () => {
    const request = built('postMessagesSendMedia', { sessionId: 's1', to: '6281', media: picture, caption: 'Our logo', viewOnce: true });
    expect(request.contentType).toBeUndefined(); // fetch adds the boundary itself
    expect(request.body).toBeInstanceOf(FormData);
    const form = request.body as FormData;

    const file = form.get('media');
    expect(file).toBeInstanceOf(Blob);
    const blob = file as File;
    expect(blob.name).toBe('logo.png');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(PNG_BYTES);

    expect(form.get('sessionId')).toBe('s1');
    expect(form.get('to')).toBe('6281');
    expect(form.get('caption')).toBe('Our logo');
    expect(form.get('viewOnce')).toBe('true');
    expect(form.has('compress')).toBe(false);
  });

  it('puts every picked file of a file list in the form under the same name', async () => {
    const doc: FilePayload = { kind: 'file', name: 'notes.txt', type: 'text/plain', base64: Buffer.from('hello').toString('base64') };
    const form = built('postMessagesSendFiles', { sessionId: 's1', to: '6281', files: [picture, doc] }).body as FormData;
    const files = form.getAll('files') as File[];
    expect(files.map((f) => f.name)).toEqual(['logo.png', 'notes.txt']);
    expect(await files[1]?.text()).toBe('hello');
  });

  it('sends files with their own options ({ file, caption, filename }) as JSON, and refuses malformed entries', () => {
    const entry = { file: 'https://example.com/a.pdf', caption: 'Spec', filename: 'a.pdf' };
    expect(jsonBody(built('postMessagesSendFiles', { sessionId: 's1', to: '6281', files: [entry, 'https://example.com/b.jpg'] })).files).toEqual([
      entry,
      'https://example.com/b.jpg',
    ]);
    expect(refused('postMessagesSendFiles', { sessionId: 's1', to: '6281', files: [{ caption: 'no file' }] }).message).toMatch(/Files must be files/);
    expect(refused('postMessagesSendFiles', { sessionId: 's1', to: '6281', files: [{ file: 'x', caption: 7 }] }).kind).toBe('invalid-input');
  });

  it('gives a file without a type the generic binary type', () => {
    const untyped: FilePayload = { ...picture, name: 'blob.bin', type: '' };
    const form = built('postMessagesSendDocument', { sessionId: 's1', to: '1', document: untyped }).body as FormData;
    expect((form.get('document') as File).type).toBe('application/octet-stream');
  });

  it('sends JSON with the URL when a multipart operation gets a URL rather than a picked file', () => {
    const request = built('postMessagesSendMedia', { sessionId: 's1', to: '1', media: 'https://cdn.example/a.jpg' });
    expect(jsonBody(request).media).toBe('https://cdn.example/a.jpg');
  });

  it('sends a picked file as a data URL inside JSON to a JSON-only operation (group picture)', () => {
    const request = built('postGroupPicture', { sessionId: 's1', groupId: '120363@g.us', picture });
    const body = jsonBody(request);
    expect(body.picture).toBe(`data:image/png;base64,${picture.base64}`);
    expect(body.groupId).toBe('120363@g.us');
  });

  it('refuses a file input given something that is neither a file nor text', () => {
    expect(refused('postGroupPicture', { sessionId: 's1', groupId: 'g', picture: { name: 'x' } }).message).toContain('Picture must be a file');
  });
});
