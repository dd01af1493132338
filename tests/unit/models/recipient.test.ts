import { describe, expect, it } from 'vitest';
import {
  filterOptions,
  parseRecipientText,
  readContacts,
  readGroups,
  recipientFromJid,
  resolveRecipient,
  type RecipientResult,
} from '@/lib/recipient';

function to(result: RecipientResult): string {
  if (!result.ok) throw new Error(`expected a recipient, got: ${result.reason}`);
  return result.to;
}
function reason(result: RecipientResult): string {
  if (result.ok) throw new Error(`expected a reason, got recipient ${result.to}`);
  return result.reason;
}

describe('parseRecipientText: phone numbers', () => {
  it.each([
    ['+62 812-3456-7890', '62', '6281234567890'],
    ['0812 3456 7890', '62', '6281234567890'],
    ['0062 812 3456 7890', '', '6281234567890'],
    ['6281234567890', '62', '6281234567890'],
    ['+1 (212) 555-0123', '62', '12125550123'],
    ['https://wa.me/6281234567890', '', '6281234567890'],
  ])('%s (country %s) → %s', (input, country, digits) => {
    const result = parseRecipientText(input, country);
    expect(to(result)).toBe(digits);
    expect(result.ok && result.kind).toBe('person');
    expect(result.ok && result.label).toBe(`+${digits}`);
  });

  it('says why a bad number is bad and how to write it', () => {
    expect(reason(parseRecipientText('12', '62'))).toMatch(/country code/);
    expect(reason(parseRecipientText('call me', '62'))).toMatch(/letters/);
    expect(reason(parseRecipientText('', '62'))).toMatch(/Enter a phone number/);
  });

  it('asks for the default country code when a national number has none', () => {
    expect(reason(parseRecipientText('0812 3456 7890', ''))).toMatch(/default country code/);
  });

  it('refuses two numbers at once', () => {
    expect(reason(parseRecipientText('+62 812 3456 7890, +1 212 555 0123', '62'))).toMatch(/one recipient/);
  });
});

describe('parseRecipientText: WhatsApp ids', () => {
  it('keeps person, group and LID ids, normalising @c.us and device suffixes', () => {
    expect(to(parseRecipientText('6281234567890@s.whatsapp.net', ''))).toBe('6281234567890@s.whatsapp.net');
    expect(to(parseRecipientText('6281234567890@c.us', ''))).toBe('6281234567890@s.whatsapp.net');
    expect(to(parseRecipientText('6281234567890:12@s.whatsapp.net', ''))).toBe('6281234567890@s.whatsapp.net');
    expect(to(parseRecipientText(' 120363025246125486@G.US ', ''))).toBe('120363025246125486@g.us');
    expect(to(parseRecipientText('6281234567890-1600000000@g.us', ''))).toBe('6281234567890-1600000000@g.us');
    const lid = parseRecipientText('123456789012345@lid', '');
    expect(to(lid)).toBe('123456789012345@lid');
    expect(lid.ok && lid.kind).toBe('lid');
  });

  it('explains malformed ids', () => {
    expect(reason(parseRecipientText('abc@g.us', ''))).toMatch(/must be digits/);
    expect(reason(parseRecipientText('someone@example.com', ''))).toMatch(/not a WhatsApp id/);
  });
});

describe('resolveRecipient', () => {
  it('needs a choice in contact and group modes', () => {
    expect(reason(resolveRecipient({ mode: 'contact', text: '' }, '62'))).toMatch(/Choose a contact/);
    expect(reason(resolveRecipient({ mode: 'group', text: '' }, '62'))).toMatch(/Choose a group/);
  });
  it('uses the chosen JID and name', () => {
    const contact = resolveRecipient({ mode: 'contact', text: 'ignored', jid: '6281234567890@s.whatsapp.net', label: 'Budi' }, '62');
    expect(contact).toEqual({ ok: true, to: '6281234567890@s.whatsapp.net', kind: 'person', label: 'Budi' });
    expect(to(resolveRecipient({ mode: 'group', text: '', jid: '120363025246125486@g.us', label: 'Team' }, '62'))).toBe('120363025246125486@g.us');
  });
  it('refuses a person JID in group mode', () => {
    expect(reason(resolveRecipient({ mode: 'group', text: '', jid: '6281234567890@s.whatsapp.net' }, '62'))).toMatch(/not a group/);
  });
  it('reads the typed text in number mode', () => {
    expect(to(resolveRecipient({ mode: 'number', text: '0812-3456-7890' }, '62'))).toBe('6281234567890');
  });
  it('turns a prefilled chat id into a number-mode value', () => {
    expect(recipientFromJid('6281234567890@c.us')).toEqual({ mode: 'number', text: '6281234567890@s.whatsapp.net' });
    expect(recipientFromJid(undefined)).toEqual({ mode: 'number', text: '' });
  });
});

describe('readers of contact and group lists', () => {
  it('reads contacts, skipping broken entries and repeats', () => {
    const contacts = readContacts({
      results: [{ data: [
        { jid: '6281111111111@s.whatsapp.net', phone: '6281111111111', name: 'Zed' },
        { phone: '6282222222222' },
        { jid: '6281111111111@s.whatsapp.net', name: 'Zed again' },
        null, 42, { name: 'No number' },
        { jid: '6283333333333@s.whatsapp.net', name: 'Ana' },
      ] }],
    });
    expect(contacts.map((c) => [c.name, c.jid, c.detail])).toEqual([
      ['+6282222222222', '6282222222222@s.whatsapp.net', '+6282222222222'],
      ['Ana', '6283333333333@s.whatsapp.net', '+6283333333333'],
      ['Zed', '6281111111111@s.whatsapp.net', '+6281111111111'],
    ]);
  });
  it('reads groups with member counts and tolerates odd answers', () => {
    const groups = readGroups({ results: [{ data: [
      { id: '120363000000000001@g.us', subject: 'Team', participantsCount: 3 },
      { id: '120363000000000003@g.us', subject: 'Older server', size: 5 },
      { id: '120363000000000002@g.us', participants: [{}] },
      { id: 'not-a-group', subject: 'x' },
    ] }] });
    expect(groups).toEqual([
      { jid: '120363000000000002@g.us', name: '120363000000000002@g.us', detail: '1 member' },
      { jid: '120363000000000003@g.us', name: 'Older server', detail: '5 members' },
      { jid: '120363000000000001@g.us', name: 'Team', detail: '3 members' },
    ]);
    expect(readGroups({ results: [] })).toEqual([]);
    expect(readGroups({ results: ['nope'] })).toEqual([]);
    expect(readContacts({ results: [{ data: 'nope' }] })).toEqual([]);
  });
  it('filters by name words and by digits in any format', () => {
    const options = [
      { jid: '6281111111111@s.whatsapp.net', name: 'Budi Santoso', detail: '+6281111111111' },
      { jid: '6282222222222@s.whatsapp.net', name: 'Ana', detail: '+6282222222222' },
    ];
    expect(filterOptions(options, 'budi').map((o) => o.name)).toEqual(['Budi Santoso']);
    expect(filterOptions(options, '822 222').map((o) => o.name)).toEqual(['Ana']);
    expect(filterOptions(options, '').length).toBe(2);
    expect(filterOptions(options, 'nobody')).toEqual([]);
  });
});
