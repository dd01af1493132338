import { describe, expect, it } from 'vitest';
import { checkPictureFile, checkPictureUrl } from '@/lib/picture';
import {
  filterContacts,
  phoneOf,
  readBusinessProfiles,
  readContacts,
  readPictureUrl,
  readPrivacy,
  readProfileFacts,
} from '@/lib/answers/account';

/** The popup's readers of WARest's profile answers: readable words, never a crash on odd fields. */

const ME = '6281234567890';
const answer = (first: unknown) => ({ results: first === undefined ? [] : [first] });

describe('phoneOf', () => {
  it('reads digits, JIDs and device JIDs as +digits, and nothing else', () => {
    expect(phoneOf(ME)).toBe(`+${ME}`);
    expect(phoneOf(`${ME}@s.whatsapp.net`)).toBe(`+${ME}`);
    expect(phoneOf(`+${ME}:12@s.whatsapp.net`)).toBe(`+${ME}`);
    expect(phoneOf('123@lid')).toBeUndefined();
    expect(phoneOf('Alice')).toBeUndefined();
    expect(phoneOf(42)).toBeUndefined();
    expect(phoneOf(null)).toBeUndefined();
  });
});

describe('readProfileFacts', () => {
  it('reads getProfileInfo into labelled facts, business details included', () => {
    const facts = readProfileFacts(
      answer({ phone: ME, pushName: 'Alice Shop', about: 'Open 9-5', verifiendName: 'Alice Shop Ltd', businessProfile: { description: 'Shoes', email: 'a@shop.example' } }),
    );
    expect(facts).toEqual([
      { label: 'Name', value: 'Alice Shop' },
      { label: 'Number', value: `+${ME}` },
      { label: 'About', value: 'Open 9-5' },
      { label: 'Verified business name', value: 'Alice Shop Ltd' },
      { label: 'Account type', value: 'WhatsApp Business' },
      { label: 'Business description', value: 'Shoes' },
      { label: 'Business email', value: 'a@shop.example' },
    ]);
  });

  it('leaves out what is missing or of the wrong type, and survives empty or odd answers', () => {
    expect(readProfileFacts(answer({ phone: ME, pushName: 12, about: null, businessProfile: 'yes' }))).toEqual([
      { label: 'Name', value: '12' },
      { label: 'Number', value: `+${ME}` },
    ]);
    expect(readProfileFacts(answer(undefined))).toEqual([]);
    expect(readProfileFacts(answer('text'))).toEqual([]);
    expect(readProfileFacts(undefined)).toEqual([]);
  });
});

describe('readPictureUrl', () => {
  it('prefers the full picture, then url, then preview, also nested in profilePicture', () => {
    expect(readPictureUrl(answer({ imgFull: 'https://x.example/full.jpg', imgPreview: 'https://x.example/p.jpg' }))).toBe('https://x.example/full.jpg');
    expect(readPictureUrl(answer({ imgFull: null, url: 'http://127.0.0.1:5/media/a.png' }))).toBe('http://127.0.0.1:5/media/a.png');
    expect(readPictureUrl(answer({ profilePicture: { url: 'https://x.example/n.jpg' } }))).toBe('https://x.example/n.jpg');
  });

  it('is null when there is no picture or the address is not an image address', () => {
    expect(readPictureUrl(answer({ phone: ME, imgFull: null, imgPreview: null }))).toBeNull();
    expect(readPictureUrl(answer({ imgFull: 'javascript:alert(1)' }))).toBeNull();
    expect(readPictureUrl(answer(undefined))).toBeNull();
  });
});

describe('readPrivacy', () => {
  it('words every setting and value, and leaves out the phone', () => {
    const lines = readPrivacy(answer({ phone: ME, readReceipts: 'all', profilePhoto: 'contacts', lastSeen: 'none', online: 'match_last_seen', groupAdd: 'contact_blacklist' }));
    expect(lines).toEqual([
      { label: 'Read receipts', value: 'On' },
      { label: 'Who sees my profile photo', value: 'My contacts' },
      { label: 'Who sees my last seen', value: 'Nobody' },
      { label: 'Who sees when I am online', value: 'Same as last seen' },
      { label: 'Who can add me to groups', value: 'My contacts, except some' },
    ]);
  });

  it('words unknown settings and values from their names, booleans as On/Off, and skips objects', () => {
    expect(readPrivacy(answer({ newThing_here: 'some_value', linkPreviews: false, nested: { a: 1 } }))).toEqual([
      { label: 'New thing here', value: 'Some value' },
      { label: 'Link previews', value: 'Off' },
    ]);
  });

  it('reads settings nested under privacy, and nothing from an empty answer', () => {
    expect(readPrivacy(answer({ privacy: { readReceipts: 'none' } }))).toEqual([{ label: 'Read receipts', value: 'Nobody' }]);
    expect(readPrivacy(answer(undefined))).toEqual([]);
  });
});

describe('readContacts and filterContacts', () => {
  const contacts = readContacts(
    answer({
      phone: ME,
      data: [
        { jid: '6281111111111@s.whatsapp.net', phone: '6281111111111', name: 'Budi Santoso' },
        { jid: '6282222222222@s.whatsapp.net', phone: '6282222222222', name: null },
        { jid: '6281111111111@s.whatsapp.net', name: 'duplicate' },
        'not a contact',
        { name: 'no id at all' },
        { id: '999@lid', notify: 'Hidden Number' },
      ],
    }),
  );

  it('reads results[0].data, keeps one entry per contact, and skips entries without an id', () => {
    expect(contacts).toEqual([
      { id: '6281111111111@s.whatsapp.net', phone: '+6281111111111', name: 'Budi Santoso' },
      { id: '6282222222222@s.whatsapp.net', phone: '+6282222222222' },
      { id: '999@lid', name: 'Hidden Number' },
    ]);
  });

  it('also reads a bare list in results, and an odd answer as no contacts', () => {
    expect(readContacts({ results: [{ jid: '628333@s.whatsapp.net', name: 'C' }] })).toEqual([{ id: '628333@s.whatsapp.net', phone: '+628333', name: 'C' }]);
    expect(readContacts(answer({ data: 'none' }))).toEqual([]);
    expect(readContacts(undefined)).toEqual([]);
  });

  it('finds by name (any case) or by digits whatever the spacing', () => {
    expect(filterContacts(contacts, 'budi').map((c) => c.id)).toEqual(['6281111111111@s.whatsapp.net']);
    expect(filterContacts(contacts, '+62 822').map((c) => c.id)).toEqual(['6282222222222@s.whatsapp.net']);
    expect(filterContacts(contacts, '  ')).toHaveLength(3);
    expect(filterContacts(contacts, 'zzz')).toEqual([]);
  });
});

describe('readBusinessProfiles', () => {
  it('reads one entry: categories, websites, hours in words', () => {
    const [profile] = readBusinessProfiles(
      answer({
        data: {
          jid: '6281111111111@s.whatsapp.net',
          phone: '6281111111111',
          description: 'Fresh bread',
          email: 'bakery@example.com',
          address: 'Jl. Merdeka 1',
          categories: [{ id: '1', localized_display_name: 'Bakery' }, 'Cafe'],
          websites: ['https://bakery.example'],
          businessHours: [
            { day_of_week: 'monday', mode: 'open', open_time: '08:00', close_time: '17:00' },
            { day_of_week: 'sun', mode: 'closed' },
            { nope: true },
          ],
          businessHoursTimezone: 'Asia/Jakarta',
          wid: '6281111111111',
        },
      }),
    );
    expect(profile).toEqual({
      phone: '+6281111111111',
      isBusiness: true,
      facts: [
        { label: 'Description', value: 'Fresh bread' },
        { label: 'Category', value: 'Bakery, Cafe' },
        { label: 'Email', value: 'bakery@example.com' },
        { label: 'Address', value: 'Jl. Merdeka 1' },
        { label: 'Website', value: 'https://bakery.example' },
        { label: 'Opening hours', value: 'Monday: 08:00–17:00; Sunday: closed' },
        { label: 'Hours time zone', value: 'Asia/Jakarta' },
      ],
    });
  });

  it('says a number without any business details is not a business, and reads lists', () => {
    const list = readBusinessProfiles(answer({ data: [{ phone: '6282222222222', email: null, categories: [], businessHours: [], wid: null }, 7] }));
    expect(list).toEqual([{ phone: '+6282222222222', isBusiness: false, facts: [] }]);
    expect(readBusinessProfiles(answer(undefined))).toEqual([]);
    expect(readBusinessProfiles(answer({ data: null }))).toEqual([]);
  });
});

describe('picture checks', () => {
  it('takes JPEG and PNG files up to 5 MB', () => {
    expect(checkPictureFile({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull();
    expect(checkPictureFile({ name: 'a.gif', type: 'image/gif', size: 1000 })).toMatch(/not a JPEG or PNG/);
    expect(checkPictureFile({ name: 'big.jpg', type: 'image/jpeg', size: 6 * 1024 * 1024 })).toMatch(/larger than 5 MB/);
    expect(checkPictureFile({ name: 'e.jpg', type: 'image/jpeg', size: 0 })).toMatch(/empty/);
  });

  it('takes http(s) addresses only', () => {
    expect(checkPictureUrl('https://example.com/a.jpg')).toBeNull();
    expect(checkPictureUrl('ftp://example.com/a.jpg')).toMatch(/http/);
    expect(checkPictureUrl('not a link')).toMatch(/Not a valid address/);
    expect(checkPictureUrl(' ')).toMatch(/Enter/);
  });
});
