import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, parsePhoneList } from '@/lib/phone-list';

function one(input: string, country = '62'): string {
  const result = parsePhoneList(input, country);
  if (result.invalid.length > 0 || result.valid.length !== 1) {
    throw new Error(`expected "${input}" to be one valid number, got ${JSON.stringify(result)}`);
  }
  return result.valid[0]!.digits;
}

function reasonOf(input: string, country = '62'): string {
  const result = parsePhoneList(input, country);
  if (result.valid.length > 0 || result.invalid.length !== 1) {
    throw new Error(`expected "${input}" to be one invalid item, got ${JSON.stringify(result)}`);
  }
  return result.invalid[0]!.reason;
}

describe('parsePhoneList: one number in each common format', () => {
  it.each([
    // Indonesia (default country code 62)
    ['+62 812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['+62-812-3456-7890', '6281234567890'],
    ['+62 (812) 3456 7890', '6281234567890'],
    ['+62.812.3456.7890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['0812 3456 7890', '6281234567890'],
    ['(0812) 3456-7890', '6281234567890'],
    ['081234567890', '6281234567890'],
    ['6281234567890', '6281234567890'],
    ['+6281234567890', '6281234567890'],
    ['0062 812 3456 7890', '6281234567890'],
    ['  081234567890  ', '6281234567890'],
    ['021 5795 1234', '622157951234'],
    // United States
    ['+1 (212) 555-0123', '12125550123'],
    ['+1 212-555-0123', '12125550123'],
    ['+1.415.555.2671', '14155552671'],
    ['001 415 555 2671', '14155552671'],
    ['+14155552671', '14155552671'],
    // United Kingdom
    ['+44 7911 123456', '447911123456'],
    ['+44 (0)7911 123456', '447911123456'],
    ['0044 20 7946 0958', '442079460958'],
    ['+44 20 7946 0958', '442079460958'],
    // Germany
    ['+49 1512 3456789', '4915123456789'],
    ['+49 (0)30 901820', '4930901820'],
    ['0049 30 901820', '4930901820'],
    ['+49 151 23456789', '4915123456789'],
    // India
    ['+91 98765 43210', '919876543210'],
    ['+91-98765-43210', '919876543210'],
    ['0091 98765 43210', '919876543210'],
    ['919876543210', '919876543210'],
  ])('%s → %s', (input, digits) => {
    expect(one(input)).toBe(digits);
  });

  it('reads national numbers with other default country codes', () => {
    expect(one('07911 123456', '44')).toBe('447911123456');
    expect(one('030 901820', '49')).toBe('4930901820');
    expect(one('0151 23456789', '49')).toBe('4915123456789');
    expect(one('098765 43210', '91')).toBe('919876543210');
    expect(one('(415) 555-2671', '1')).toBe('14155552671');
    expect(one('415-555-2671', '1')).toBe('14155552671');
  });

  it.each([
    ['wa.me/6281234567890', '6281234567890'],
    ['https://wa.me/6281234567890', '6281234567890'],
    ['http://wa.me/6281234567890?text=Hello%20there', '6281234567890'],
    ['https://www.wa.me/447911123456/', '447911123456'],
    ['https://api.whatsapp.com/send?phone=6281234567890', '6281234567890'],
    ['https://api.whatsapp.com/send/?phone=%2B6281234567890&text=hi&type=phone_number&app_absent=0', '6281234567890'],
    ['api.whatsapp.com/send?text=hi&phone=14155552671', '14155552671'],
    ['https://web.whatsapp.com/send?phone=919876543210', '919876543210'],
    ['whatsapp://send?phone=4915123456789', '4915123456789'],
    ['whatsapp://send?phone=+4915123456789&text=x', '4915123456789'],
    ['6281234567890@s.whatsapp.net', '6281234567890'],
    ['6281234567890:12@s.whatsapp.net', '6281234567890'],
    ['14155552671@c.us', '14155552671'],
  ])('WhatsApp link or id %s → %s', (input, digits) => {
    expect(one(input)).toBe(digits);
  });

  it('does not read WhatsApp links and ids with the default country code (they are international)', () => {
    // 447911123456 read in Indonesia would not be valid; as international digits it is a UK number.
    expect(one('wa.me/447911123456', '62')).toBe('447911123456');
    expect(one('447911123456@s.whatsapp.net', '1')).toBe('447911123456');
  });

  it('keeps what was typed as the input', () => {
    expect(parsePhoneList(' +62 812-3456-7890 \n', '62').valid).toEqual([{ input: '+62 812-3456-7890', digits: '6281234567890' }]);
  });
});

describe('parsePhoneList: lists', () => {
  it('splits on newlines, commas, semicolons and tabs, ignoring empty items', () => {
    const text = '+62 812-3456-7890\n0813 1111 2222,\t+1 415 555 2671;+44 7911 123456\r\n\r\n,,;\n+91 98765 43210\n';
    expect(parsePhoneList(text, '62')).toEqual({
      valid: [
        { input: '+62 812-3456-7890', digits: '6281234567890' },
        { input: '0813 1111 2222', digits: '6281311112222' },
        { input: '+1 415 555 2671', digits: '14155552671' },
        { input: '+44 7911 123456', digits: '447911123456' },
        { input: '+91 98765 43210', digits: '919876543210' },
      ],
      invalid: [],
      duplicates: [],
    });
  });

  it('de-duplicates by digits, keeping the first and listing the repeats', () => {
    const result = parsePhoneList('0812-3456-7890\n+62 812 3456 7890\nwa.me/6281234567890\n6281234567890@s.whatsapp.net\n0813 1111 2222', '62');
    expect(result.valid).toEqual([
      { input: '0812-3456-7890', digits: '6281234567890' },
      { input: '0813 1111 2222', digits: '6281311112222' },
    ]);
    expect(result.duplicates).toEqual(['+62 812 3456 7890', 'wa.me/6281234567890', '6281234567890@s.whatsapp.net']);
    expect(result.invalid).toEqual([]);
  });

  it('lists invalid items with a reason and keeps the valid ones', () => {
    const result = parsePhoneList('0812-3456-7890\nhello\n12\n+999 123 456 789\n+62 812\n+62 812 3456 7890 1234 5678 99', '62');
    expect(result.valid.map((entry) => entry.digits)).toEqual(['6281234567890']);
    expect(result.invalid.map((problem) => problem.input)).toEqual(['hello', '12', '+999 123 456 789', '+62 812', '+62 812 3456 7890 1234 5678 99']);
    for (const problem of result.invalid) expect(problem.reason.length).toBeGreaterThan(10);
  });

  it('reads a messy paste from a spreadsheet, a chat and a contact list', () => {
    const text = [
      'Name\tPhone',
      '"Budi"\t"0812-3456-7890"',
      '• +62 813 1111 2222',
      '- 0857 9999 8888',
      'Siti: +62 878 1234 5678',
      'tel: +1 (415) 555-2671',
      '<+44 7911 123456>',
      "'+49 1512 3456789'",
      '  ',
      'https://wa.me/919876543210?text=hi',
    ].join('\n');
    const result = parsePhoneList(text, '62');
    expect(result.valid.map((entry) => entry.digits)).toEqual([
      '6281234567890',
      '6281311112222',
      '6285799998888',
      '6287812345678',
      '14155552671',
      '447911123456',
      '4915123456789',
      '919876543210',
    ]);
    // The header cells and a bare name are not numbers.
    expect(result.invalid.map((problem) => problem.input)).toEqual(['Name', 'Phone', 'Budi']);
  });

  it('splits several numbers on one line separated only by spaces when each one is valid', () => {
    expect(parsePhoneList('0812 1111 2222 0813 3333 4444', '62').valid.map((entry) => entry.digits)).toEqual(['6281211112222', '6281333334444']);
    expect(parsePhoneList('+62 812 1111 2222 +1 415 555 2671', '62').valid.map((entry) => entry.digits)).toEqual(['6281211112222', '14155552671']);
  });

  it('handles a large paste', () => {
    const numbers = Array.from({ length: 500 }, (_, index) => `0812 ${String(10000000 + index).slice(0, 4)} ${String(10000000 + index).slice(4)}`);
    const result = parsePhoneList(numbers.join('\n'), '62');
    expect(result.valid).toHaveLength(500);
    expect(new Set(result.valid.map((entry) => entry.digits)).size).toBe(500);
  });

  it('returns nothing for an empty paste', () => {
    expect(parsePhoneList('', '62')).toEqual({ valid: [], invalid: [], duplicates: [] });
    expect(parsePhoneList(' \n\n ,; \t', '62')).toEqual({ valid: [], invalid: [], duplicates: [] });
  });
});

describe('parsePhoneList: reasons a person understands', () => {
  it('says a word is not a phone number', () => {
    expect(reasonOf('hello')).toMatch(/letters/i);
  });
  it('says a few digits are too short', () => {
    expect(reasonOf('123')).toMatch(/too short/i);
    expect(reasonOf('+62 812')).toMatch(/too short/i);
  });
  it('says a long number is too long', () => {
    expect(reasonOf('+62 812 3456 7890 1234 5678 99')).toMatch(/too long|not a valid/i);
  });
  it('names an unknown country code', () => {
    expect(reasonOf('+999 123 456 789')).toMatch(/country code/i);
  });
  it('explains a national number without a default country code', () => {
    expect(reasonOf('0812 3456 7890', '')).toMatch(/no default country code/i);
  });
  it('says a group id or an invite link is not a phone number', () => {
    expect(reasonOf('120363025246125486@g.us')).toMatch(/group/i);
    expect(reasonOf('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv')).toMatch(/invite link/i);
  });
  it('says a wa.me link without a number has none', () => {
    expect(reasonOf('https://wa.me/')).toMatch(/no phone number/i);
  });
  it('says another web link is not a phone number', () => {
    expect(reasonOf('https://example.com/contact')).toMatch(/web link/i);
  });
  it('says which number a WhatsApp link holds when it is not valid', () => {
    expect(reasonOf('wa.me/12345')).toMatch(/\+12345/);
  });
  it('names the default country code when a national number is not valid for it', () => {
    expect(reasonOf('0812 34', '62')).toMatch(/\+62/);
  });
});

describe('findPhoneNumbers', () => {
  it('extracts numbers from a paragraph in any format, with the default country code for national ones', () => {
    const text =
      'Contact our Jakarta office at 021 5795 1234 or WhatsApp 0812-3456-7890. ' +
      'US customers: +1 (415) 555-2671. UK: +44 20 7946 0958. Berlin +49 30 901820, Mumbai +91 98765 43210.';
    expect(findPhoneNumbers(text, '62').map((entry) => entry.digits)).toEqual([
      '622157951234',
      '6281234567890',
      '14155552671',
      '442079460958',
      '4930901820',
      '919876543210',
    ]);
  });

  it('keeps the text of each match as its input', () => {
    expect(findPhoneNumbers('Call +1 (415) 555-2671 today', '62')).toEqual([{ input: '+1 (415) 555-2671', digits: '14155552671' }]);
  });

  it('reads wa.me links, WhatsApp send links and ids in the text, international without the default country', () => {
    const text =
      'Chat with us: https://wa.me/447911123456 or api.whatsapp.com/send?phone=4915123456789&text=Hi, ' +
      'or whatsapp://send?phone=919876543210 (id 14155552671@s.whatsapp.net).';
    expect(findPhoneNumbers(text, '62').map((entry) => entry.digits)).toEqual(['447911123456', '4915123456789', '919876543210', '14155552671']);
  });

  it('de-duplicates numbers written twice in different formats', () => {
    const text = 'Call 0812 3456 7890 or +62 812-3456-7890, or message wa.me/6281234567890.';
    expect(findPhoneNumbers(text, '62')).toEqual([{ input: '0812 3456 7890', digits: '6281234567890' }]);
  });

  it('finds nothing in text without numbers, and ignores dates, prices and short numbers', () => {
    expect(findPhoneNumbers('No numbers here, only words.', '62')).toEqual([]);
    expect(findPhoneNumbers('On 2024-05-01 the price was 125.000 for 3 items, order #4521.', '62')).toEqual([]);
  });

  it('reads national numbers with the chosen default country', () => {
    expect(findPhoneNumbers('Ring 07911 123456 after six', '44').map((entry) => entry.digits)).toEqual(['447911123456']);
    expect(findPhoneNumbers('Call (415) 555-2671', '1').map((entry) => entry.digits)).toEqual(['14155552671']);
  });
});
