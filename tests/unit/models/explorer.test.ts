import { describe, expect, it } from 'vitest';
import { findOperation, OPERATIONS, type Operation } from '@/lib/warest/catalog';
import { toCurl, shellQuote } from '@/lib/explorer/curl';
import { emptyForm, fieldKind, readForm, type FormState } from '@/lib/explorer/form';
import { findImages } from '@/lib/explorer/result-images';
import type { FilePayload } from '@/lib/warest/file-payload';

const op = (id: string): Operation => {
  const found = findOperation(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};
const form = (operation: Operation, text: Record<string, string>, files: FormState['files'] = {}): FormState => {
  const empty = emptyForm(operation);
  return { text: { ...empty.text, ...text }, files };
};
const pdf: FilePayload = { kind: 'file', name: 'report.pdf', type: 'application/pdf', base64: 'JVBERi0xLjQK' };

describe('explorer forms', () => {
  it('gives every input of every operation a control', () => {
    for (const operation of OPERATIONS) for (const input of operation.inputs) expect(fieldKind(input)).toBeTruthy();
    expect(fieldKind(op('postChatsChatIdPin').inputs.find((i) => i.name === 'pin')!)).toBe('checkbox');
    expect(fieldKind(op('postMessagesSendText').inputs.find((i) => i.name === 'presence')!)).toBe('yes-no');
    expect(fieldKind(op('getChats').inputs.find((i) => i.name === 'sortOrder')!)).toBe(op('getChats').inputs.find((i) => i.name === 'sortOrder')!.options ? 'choice' : 'text');
    expect(fieldKind(op('postMessagesSendText').inputs.find((i) => i.name === 'sessionId')!)).toBe('session');
  });

  it('says which required fields are empty and sends nothing blank', () => {
    const read = readForm(op('postMessagesSendText'), form(op('postMessagesSendText'), { sessionId: 'main', to: ' ', message: '' }));
    expect(read.errors).toEqual({ to: 'Required.', message: 'Required.' });
    expect(read.inputs).toEqual({ sessionId: 'main' });
  });

  it('turns typed text into the declared types', () => {
    const send = op('postMessagesSendPoll');
    const read = readForm(send, form(send, { sessionId: 'main', to: '6281122334455', question: 'Lunch?', options: 'Pizza\nSushi, Tacos', maxSelection: '2', presence: 'true' }));
    expect(read.errors).toEqual({});
    expect(read.inputs).toEqual({ sessionId: 'main', to: '6281122334455', question: 'Lunch?', options: ['Pizza', 'Sushi', 'Tacos'], maxSelection: 2, presence: true });
  });

  it('explains a wrong number and wrong JSON by field', () => {
    const mute = op('postMessagesActionMute');
    expect(readForm(mute, form(mute, { sessionId: 'main', to: 'x', duration: '1.5' })).errors).toEqual({ duration: 'Must be a whole number.' });
    const location = op('postMessagesSendLocation');
    const read = readForm(location, form(location, { sessionId: 'main', to: 'x', location: '{"latitude": 1,' }));
    expect(read.errors.location).toMatch(/^Not valid JSON: /);
  });

  it('keeps a required flag that is off, and leaves an optional one unset', () => {
    const pin = op('postChatsChatIdPin');
    expect(readForm(pin, form(pin, { chatId: 'a@s.whatsapp.net', sessionId: 'main' })).inputs).toEqual({ chatId: 'a@s.whatsapp.net', sessionId: 'main', pin: false });
  });

  it('prefers a picked file to typed text, and mixes picked files with URLs', () => {
    const media = op('postMessagesSendMedia');
    expect(readForm(media, form(media, { sessionId: 'm', to: 'x', media: 'https://e.com/a.jpg' }, { media: [pdf] })).inputs.media).toEqual(pdf);
    const files = op('postMessagesSendFiles');
    expect(readForm(files, form(files, { sessionId: 'm', to: 'x', files: 'https://e.com/a.pdf\n' }, { files: [pdf] })).inputs.files).toEqual([pdf, 'https://e.com/a.pdf']);
    expect(readForm(files, form(files, { sessionId: 'm', to: 'x', files: '[{"file":"https://e.com/b.pdf","caption":"B"}]' })).inputs.files).toEqual([{ file: 'https://e.com/b.pdf', caption: 'B' }]);
    expect(readForm(files, form(files, { sessionId: 'm', to: 'x', files: '[{"file":1}]' })).errors.files).toBe('Must be files, URLs or base64 data.');
  });

  it('rejects a value outside the listed options', () => {
    const base64 = op('postMiscBase64');
    const action = base64.inputs.find((i) => i.name === 'action')!;
    if (!action.options) return expect(fieldKind(action)).toBe('text');
    expect(readForm(base64, form(base64, { action: 'explode', input: 'x' })).errors.action).toMatch(/^Must be one of /);
  });
});

describe('Copy as cURL', () => {
  it('quotes for the shell, including single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('gives the same request as the extension, with the key as a placeholder', () => {
    const result = toCurl('https://wa.example.com', op('postMessagesSendText'), { sessionId: 'main', to: '628123', message: "Hi 'there'" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.command).toBe(
      `curl -X POST 'https://wa.example.com/api/v1/messages/send/text' -H "X-WAREST-API-KEY: $WAREST_API_KEY" -H 'Content-Type: application/json' --data-raw '{"sessionId":"main","to":"628123","message":"Hi '\\''there'\\''"}'`,
    );
  });

  it('puts query inputs in the URL for reads', () => {
    const result = toCurl('http://127.0.0.1:4001', op('getChats'), { sessionId: 'main', limit: 5 });
    expect(result.ok && result.command).toBe(`curl -X GET 'http://127.0.0.1:4001/api/v1/chats?sessionId=main&limit=5' -H "X-WAREST-API-KEY: $WAREST_API_KEY"`);
  });

  it('uploads a picked file as multipart, naming the file', () => {
    const result = toCurl('http://h', op('postMessagesSendDocument'), { sessionId: 'main', to: '628123', document: pdf, filename: 'r.pdf' });
    expect(result.ok && result.command).toBe(`curl -X POST 'http://h/api/v1/messages/send/document' -H "X-WAREST-API-KEY: $WAREST_API_KEY" --form-string 'sessionId=main' --form-string 'to=628123' -F 'document=@report.pdf' --form-string 'filename=r.pdf'`);
  });

  it('sends a text part that starts with @ as text, not as a file to read', () => {
    const result = toCurl('http://h', op('postMessagesSendDocument'), { sessionId: 'main', to: '628123', document: pdf, caption: '@6281234 see this' });
    expect(result.ok && result.command).toContain(`--form-string 'caption=@6281234 see this'`);
  });

  it('refuses to build a command from incomplete inputs, saying what is missing', () => {
    const result = toCurl('http://h', op('postMessagesSendText'), { sessionId: 'main' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('Fill in: Recipient, Message.');
  });
});

describe('images in answers', () => {
  it('finds data URLs, image URLs under picture-like keys and bare base64 images', () => {
    const png = 'iVBORw0KGgo' + 'A'.repeat(80);
    const found = findImages({ results: [{ picture: 'https://pps.whatsapp.net/v/t61/abc?oh=1', note: 'https://example.com/page', qr: `data:image/png;base64,${png}`, raw: png, name: 'Alice' }] });
    expect(found).toEqual([
      { path: 'results[0].picture', src: 'https://pps.whatsapp.net/v/t61/abc?oh=1' },
      { path: 'results[0].qr', src: `data:image/png;base64,${png}` },
      { path: 'results[0].raw', src: `data:image/png;base64,${png}` },
    ]);
  });

  it('finds nothing in plain answers and never throws on odd values', () => {
    expect(findImages({ a: null, b: [1, true, 'text'], c: { d: undefined } })).toEqual([]);
    expect(findImages(null)).toEqual([]);
  });
});
