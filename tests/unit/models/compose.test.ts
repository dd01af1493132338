import { safeParse } from 'valibot';
import { describe, expect, it } from 'vitest';
import { composeDraftKey, composeDraftsItem } from '@/lib/storage';
import { buildSend, emptyForm, formFromDraft, parseDecimal, readSent, withMentions, type ComposeForm, type PickedFile } from '@/lib/compose';

const TO = { mode: 'number' as const, text: '+62 812 3456 7890' };
const form = (patch: Partial<ComposeForm>): ComposeForm => ({ ...emptyForm(patch.type ?? 'text', TO), ...patch });
const file = (name: string, type: string, size = 100): PickedFile => ({ name, type, size, value: { kind: 'file', name } });

function inputsOf(f: ComposeForm, files: PickedFile[] = [], country = '62') {
  const built = buildSend(f, 'main', files, country);
  if (!built.ok) throw new Error(`expected inputs, got ${JSON.stringify(built.errors)}`);
  return built;
}
function errorsOf(f: ComposeForm, files: PickedFile[] = [], country = '62') {
  const built = buildSend(f, 'main', files, country);
  if (built.ok) throw new Error(`expected errors, got ${JSON.stringify(built.inputs)}`);
  return built.errors;
}

describe('buildSend: common fields', () => {
  it('normalises the recipient and adds reply-to and presence only when set', () => {
    const built = inputsOf(form({ message: 'Hi', replyMessageId: ' 3EB0ABCDEF12 ', presence: true }));
    expect(built).toEqual({ ok: true, operationId: 'postMessagesSendText', inputs: { sessionId: 'main', to: '6281234567890', message: 'Hi', replyMessageId: '3EB0ABCDEF12', presence: true } });
    expect(inputsOf(form({ message: 'Hi' })).inputs).toEqual({ sessionId: 'main', to: '6281234567890', message: 'Hi' });
  });
  it('reports a bad recipient and a bad reply id next to their fields, with the type’s own errors', () => {
    const errors = errorsOf(form({ recipient: { mode: 'number', text: '12345' }, replyMessageId: 'not an id!', message: '' }));
    expect(Object.keys(errors).sort()).toEqual(['message', 'recipient', 'replyMessageId']);
    expect(errors.recipient).toMatch(/country code/);
  });
  it('sends to a chosen group', () => {
    const built = inputsOf(form({ message: 'Hi all', recipient: { mode: 'group', text: '', jid: '120363000000000001@g.us', label: 'Team' } }));
    expect(built.inputs.to).toBe('120363000000000001@g.us');
  });
});

describe('text with mentions', () => {
  it('appends @digits for mentioned numbers not yet in the text', () => {
    expect(withMentions('Hello', '+62 811 1111 1111, 0822-2222-2222', '62')).toEqual({ text: 'Hello @6281111111111 @6282222222222' });
    expect(withMentions('Hi @6281111111111!', '+62 811 1111 1111', '62')).toEqual({ text: 'Hi @6281111111111!' });
    expect(withMentions('Hi', '', '62')).toEqual({ text: 'Hi' });
  });
  it('reports a bad mention', () => {
    expect(errorsOf(form({ message: 'Hi', mentions: 'bob' })).mentions).toMatch(/Mention “bob”/);
  });
});

describe('files and single-file types', () => {
  it('sends several files with one caption', () => {
    const built = inputsOf(form({ type: 'files', caption: ' Specs ' }), [file('a.pdf', 'application/pdf'), file('b.zip', 'application/zip')]);
    expect(built.operationId).toBe('postMessagesSendFiles');
    expect(built.inputs.files).toEqual([{ kind: 'file', name: 'a.pdf' }, { kind: 'file', name: 'b.zip' }]);
    expect(built.inputs.caption).toBe('Specs');
  });
  it('asks for files, refuses programs, and asks to re-pick after a reopen', () => {
    expect(errorsOf(form({ type: 'files' })).files).toMatch(/Choose one or more files/);
    expect(errorsOf(form({ type: 'files' }), [file('setup.exe', 'application/x-msdownload')]).files).toMatch(/setup\.exe/);
    expect(errorsOf(form({ type: 'files', pickedNames: ['a.pdf'] })).files).toMatch(/Pick the files again \(a\.pdf\)/);
    expect(errorsOf(form({ type: 'files' }), [file('big.zip', 'application/zip', 41 * 1024 * 1024)]).files).toMatch(/larger than 40 MB.*from a link/);
    expect(errorsOf(form({ type: 'files' }), [file('a.zip', 'application/zip', 25 * 1024 * 1024), file('b.zip', 'application/zip', 25 * 1024 * 1024)]).files).toMatch(/Together the files/);
    expect(errorsOf(form({ type: 'document' }), [file('big.iso', 'application/octet-stream', 41 * 1024 * 1024)]).files).toMatch(/larger than 40 MB.*from a link/);
  });
  it('media: a picked image with view-once and compress, or a URL', () => {
    const picked = inputsOf(form({ type: 'media', viewOnce: true, compress: false, caption: 'Look' }), [file('p.png', 'image/png')]);
    expect(picked.inputs).toMatchObject({ media: { kind: 'file', name: 'p.png' }, viewOnce: true, compress: false, caption: 'Look' });
    const byUrl = inputsOf(form({ type: 'media', source: 'url', url: 'https://example.com/p.jpg' }));
    expect(byUrl.inputs.media).toBe('https://example.com/p.jpg');
    expect(errorsOf(form({ type: 'media', source: 'url', url: 'ftp://x' })).url).toMatch(/not a web link/);
    expect(errorsOf(form({ type: 'media' }), [file('a.pdf', 'application/pdf')]).files).toMatch(/not an image or a video/);
    expect(errorsOf(form({ type: 'media', caption: 'x'.repeat(1025) }), [file('p.png', 'image/png')]).caption).toMatch(/at most 1024/);
  });
  it('audio as a voice note, document with a file name, sticker, GIF', () => {
    expect(inputsOf(form({ type: 'audio', isVN: true }), [file('v.ogg', 'audio/ogg')])).toMatchObject({ operationId: 'postMessagesSendAudio', inputs: { isVN: true } });
    expect(inputsOf(form({ type: 'document', filename: 'Report.pdf' }), [file('r.pdf', 'application/pdf')]).inputs).toMatchObject({ filename: 'Report.pdf' });
    expect(errorsOf(form({ type: 'document', filename: 'run.bat' }), [file('r.pdf', 'application/pdf')]).filename).toMatch(/programs or scripts/);
    expect(inputsOf(form({ type: 'sticker' }), [file('s.webp', 'image/webp')]).operationId).toBe('postMessagesSendSticker');
    expect(errorsOf(form({ type: 'sticker' }), [file('s.webp', 'image/webp', 2 * 1024 * 1024)]).files).toMatch(/larger than 1 MB/);
    expect(inputsOf(form({ type: 'gif', caption: 'lol' }), [file('g.gif', 'image/gif')]).inputs).toMatchObject({ caption: 'lol', compress: true });
    expect(errorsOf(form({ type: 'gif', pickedNames: ['g.gif'] })).files).toMatch(/Pick g\.gif again/);
  });
});

describe('contact card', () => {
  it('builds the contact object with a normalised phone', () => {
    const built = inputsOf(form({ type: 'contact', contactName: 'Budi', contactPhone: '0812 3456 7890', contactOrganization: 'Acme', contactEmail: 'b@acme.id' }));
    expect(built.inputs.contact).toEqual({ name: 'Budi', fullName: 'Budi', phone: '6281234567890', organization: 'Acme', email: 'b@acme.id' });
  });
  it('needs a name and a valid phone and e-mail', () => {
    const errors = errorsOf(form({ type: 'contact', contactPhone: '123', contactEmail: 'nope' }));
    expect(Object.keys(errors).sort()).toEqual(['contactEmail', 'contactName', 'contactPhone']);
  });
});

describe('location', () => {
  it('reads decimal commas and sends the location object', () => {
    expect(parseDecimal('-6,2')).toBe(-6.2);
    expect(parseDecimal('abc')).toBeUndefined();
    const built = inputsOf(form({ type: 'location', latitude: '-6.1754', longitude: '106,8272', placeName: 'Monas' }));
    expect(built.inputs.location).toEqual({ latitude: -6.1754, longitude: 106.8272, name: 'Monas' });
  });
  it('checks ranges and numbers', () => {
    const errors = errorsOf(form({ type: 'location', latitude: '200', longitude: 'east' }));
    expect(errors.latitude).toMatch(/between -90 and 90/);
    expect(errors.longitude).toMatch(/not a number/);
    expect(errorsOf(form({ type: 'location', latitude: '0', longitude: '-180.5' })).longitude).toMatch(/between -180 and 180/);
    expect(inputsOf(form({ type: 'location', latitude: '90', longitude: '-180' })).inputs.location).toEqual({ latitude: 90, longitude: -180 });
  });
});

describe('poll', () => {
  it('drops empty options; one answer unless multiple are allowed', () => {
    expect(inputsOf(form({ type: 'poll', question: 'Lunch?', pollOptions: ['Rice', '', 'Noodles'] })).inputs).toMatchObject({ question: 'Lunch?', options: ['Rice', 'Noodles'], maxSelection: 1 });
    expect(inputsOf(form({ type: 'poll', question: 'Q', pollOptions: ['a', 'b', 'c'], multipleAnswers: true })).inputs.maxSelection).toBe(3);
    expect(inputsOf(form({ type: 'poll', question: 'Q', pollOptions: ['a', 'b', 'c'], multipleAnswers: true, maxSelection: '2' })).inputs.maxSelection).toBe(2);
  });
  it('needs 2–12 distinct options and a sane answer limit', () => {
    expect(errorsOf(form({ type: 'poll', question: 'Q', pollOptions: ['only'] })).pollOptions).toMatch(/at least 2 options/);
    expect(errorsOf(form({ type: 'poll', question: 'Q', pollOptions: Array.from({ length: 13 }, (_, i) => `o${i}`) })).pollOptions).toMatch(/at most 12/);
    expect(errorsOf(form({ type: 'poll', question: 'Q', pollOptions: ['Yes', 'yes'] })).pollOptions).toMatch(/repeats/);
    expect(errorsOf(form({ type: 'poll', question: 'Q', pollOptions: ['a', 'b'], multipleAnswers: true, maxSelection: '5' })).maxSelection).toMatch(/At most 2/);
    expect(errorsOf(form({ type: 'poll', pollOptions: ['a', 'b'] })).question).toBeTruthy();
  });
});

describe('buttons and list', () => {
  it('builds reply, url and call buttons', () => {
    const built = inputsOf(form({
      type: 'buttons', bodyText: 'Need help?', footer: 'Support',
      buttons: [{ kind: 'reply', text: 'Agent', value: '' }, { kind: 'url', text: 'Site', value: 'https://example.com' }, { kind: 'call', text: 'Call', value: '0812 3456 7890' }],
    }));
    expect(built.inputs).toMatchObject({
      text: 'Need help?', footer: 'Support',
      buttons: [{ type: 'reply', displayText: 'Agent', id: 'btn-1' }, { type: 'url', displayText: 'Site', url: 'https://example.com' }, { type: 'call', displayText: 'Call', phoneNumber: '+6281234567890' }],
    });
  });
  it('checks button labels, links, numbers and count', () => {
    const errors = errorsOf(form({ type: 'buttons', bodyText: 'x', buttons: [{ kind: 'url', text: '', value: 'nope' }, { kind: 'call', text: 'Call', value: 'abc' }] }));
    expect(Object.keys(errors).sort()).toEqual(['buttons.0.text', 'buttons.0.value', 'buttons.1.value']);
    expect(errorsOf(form({ type: 'buttons', bodyText: 'x', buttons: Array.from({ length: 4 }, () => ({ kind: 'reply' as const, text: 'a', value: '' })) })).buttons).toMatch(/at most 3/);
  });
  it('builds a list object with generated row ids', () => {
    const built = inputsOf(form({ type: 'list', bodyText: 'Pick one', listButtonText: 'Choose', listTitle: 'Menu', sections: [{ title: 'Fruit', rows: [{ title: 'Apple', description: 'Red' }, { title: 'Pear', description: '' }] }] }));
    expect(built.inputs.list).toEqual({ buttonText: 'Choose', text: 'Pick one', title: 'Menu', sections: [{ title: 'Fruit', rows: [{ id: 'row-1-1', title: 'Apple', description: 'Red' }, { id: 'row-1-2', title: 'Pear' }] }] });
  });
  it('checks list fields per section and row', () => {
    const errors = errorsOf(form({ type: 'list', sections: [{ title: '', rows: [{ title: '', description: '' }] }, { title: 'B', rows: [] }] }));
    expect(Object.keys(errors).sort()).toEqual(['bodyText', 'listButtonText', 'sections.0.rows.0.title', 'sections.0.title', 'sections.1.rows']);
  });
});

describe('drafts and answers', () => {
  it('stores every form field: a filled form passes the draft schema unchanged', () => {
    const filled = { ...form({ type: 'list', message: 'm', pickedNames: ['a.pdf'], recipient: { mode: 'group', text: '', jid: '1203630@g.us', label: 'T' } }), savedAt: 5 };
    const parsed = safeParse(composeDraftsItem.schema, { [composeDraftKey('p1', 'main')]: filled });
    expect(parsed.success).toBe(true);
    expect(parsed.output).toEqual({ 'p1/main': filled });
    expect(safeParse(composeDraftsItem.schema, { x: { ...filled, type: 'fax' } }).success).toBe(false);
  });

  it('fills fields an older draft lacks', () => {
    const restored = formFromDraft({ type: 'poll', question: 'Q', savedAt: 1 } as never, emptyForm('text', TO));
    expect(restored.type).toBe('poll');
    expect(restored.question).toBe('Q');
    expect(restored.pollOptions).toEqual(['', '']);
    expect('savedAt' in restored).toBe(false);
  });
  it('reads message ids from send answers, files included, and tolerates odd ones', () => {
    expect(readSent({ results: [{ messageId: 'ABC', toJid: '1@s.whatsapp.net' }] })).toEqual({ messageIds: ['ABC'], blocked: [], toJid: '1@s.whatsapp.net' });
    expect(readSent({ results: [{ messageId: null, advancedInfo: { files: [{ messageId: 'F1' }, { messageId: 'F2' }], blockedFiles: [{ name: 'x.exe', reason: 'no' }] } }] }))
      .toEqual({ messageIds: ['F1', 'F2'], blocked: ['x.exe: no'], toJid: undefined });
    expect(readSent({ results: [] })).toEqual({ messageIds: [], blocked: [], toJid: undefined });
    expect(readSent({ results: ['weird'] }).messageIds).toEqual([]);
  });
});
