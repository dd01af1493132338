import { describe, expect, it } from 'vitest';
import { hasNationalNumber } from '@/components/CountryCodeFix';

describe('a number that needs the default country code', () => {
  it('is one written with a leading 0, alone or in a list', () => {
    expect(hasNationalNumber('0812 3456 7890')).toBe(true);
    expect(hasNationalNumber('(0812) 3456-7890')).toBe(true);
    expect(hasNationalNumber('+62 811 1111 1111, 0822-2222-2222')).toBe(true);
  });

  it('is not one with its country code, a WhatsApp id, or too short to be a number', () => {
    expect(hasNationalNumber('+62 812 3456 7890')).toBe(false);
    expect(hasNationalNumber('6281234567890@s.whatsapp.net')).toBe(false);
    expect(hasNationalNumber('012')).toBe(false);
    expect(hasNationalNumber('')).toBe(false);
  });
});
