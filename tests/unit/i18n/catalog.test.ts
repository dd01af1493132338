import { describe, expect, it } from 'vitest';
import { fill, fromChromeMessages, pluralKey, resolveLanguage, slotsOf, toChromeMessages } from '@/lib/i18n/catalog';

describe('resolveLanguage', () => {
  it('follows the setting when it names a language', () => {
    expect(resolveLanguage('id', 'en-US')).toBe('id');
    expect(resolveLanguage('en', 'id')).toBe('en');
  });
  it('follows the browser otherwise, Indonesian by either code, English for the rest', () => {
    expect(resolveLanguage('auto', 'id-ID')).toBe('id');
    expect(resolveLanguage(undefined, 'in')).toBe('id');
    expect(resolveLanguage(undefined, 'fr-FR')).toBe('en');
    expect(resolveLanguage(undefined, 'en-GB')).toBe('en');
  });
});

describe('fill', () => {
  it('fills every slot it has a value for and leaves the others visible', () => {
    expect(fill('{count} of {total} sent', { count: 3, total: 10 })).toBe('3 of 10 sent');
    expect(fill('Hello {name}', {})).toBe('Hello {name}');
    expect(fill('No slots')).toBe('No slots');
  });
  it('lists the slots a message uses', () => {
    expect(slotsOf('{b} and {a} and {b}')).toEqual(['a', 'b']);
  });
});

describe('messages.json', () => {
  it('names each message area_key and doubles $, which the browser reads as a placeholder', () => {
    const out = toChromeMessages({ compose: { price: 'US$ 5 for {name}' } });
    expect(out).toEqual({ compose_price: { message: 'US$$ 5 for {name}' } });
    expect(fromChromeMessages(out).get('compose_price')).toBe('US$ 5 for {name}');
  });
  it('refuses keys the browser cannot name', () => {
    expect(() => toChromeMessages({ compose: { 'send-now': 'x' } })).toThrow(/send-now/);
    expect(() => toChromeMessages({ Compose: { a: 'x' } })).toThrow(/Compose/);
  });
});

describe('pluralKey', () => {
  it('picks one or other in English and other in Indonesian', () => {
    expect(pluralKey('files', 1, 'en')).toBe('files_one');
    expect(pluralKey('files', 2, 'en')).toBe('files_other');
    expect(pluralKey('files', 0, 'en')).toBe('files_other');
    expect(pluralKey('files', 1, 'id')).toBe('files_other');
  });
});
