import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '@/lib/phone-list';
import { findUnreadNumbers } from '@/lib/unread-numbers';

const unread = (text: string, country: string) => findUnreadNumbers(text, country, findPhoneNumbers(text, country));

describe('numbers a menu window could not read', () => {
  it('lists a local number when no default country code is set, with the reason', () => {
    const text = 'Call +62 812 3456 7890 or 0812 9999 8888.';
    expect(findPhoneNumbers(text, '').map((n) => n.digits)).toEqual(['6281234567890']);
    expect(unread(text, '')).toEqual([{ input: '0812 9999 8888', reason: expect.stringMatching(/without a country code/) }]);
  });

  it('lists nothing that was read, nor dates', () => {
    expect(unread('Call 0812 9999 8888 on 2024-01-02.', '62')).toEqual([]);
    expect(unread('+62 812 3456 7890', '')).toEqual([]);
  });

  it('names a number that is not valid for its country', () => {
    expect(unread('+1 000 000 0000', '')).toEqual([{ input: '+1 000 000 0000', reason: 'not a valid phone number for its country' }]);
  });
});
