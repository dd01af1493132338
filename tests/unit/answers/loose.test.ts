import { describe, expect, it } from 'vitest';
import { count, firstOf, flag, isRecord, list, num, phoneDigits, record, resultsOf, text, textOrNumber, verbatim } from '@/lib/answers/loose';

/** The one set of loose readers (lib/answers/loose.ts): its documented truth table, row by row. */

const U = undefined;
const obj = { a: 1 };
const arr = [1, 2];

// value, record, list, text, verbatim, textOrNumber, flag, count, num — the table in loose.ts.
const TABLE: ReadonlyArray<[string, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown]> = [
  ['undefined', U, U, U, U, U, U, U, U, U],
  ['null', null, U, U, U, U, U, U, U, U],
  ['an object', obj, obj, U, U, U, U, U, U, U],
  ['an array', arr, U, arr, U, U, U, U, U, U],
  ['a string', 'Core Team', U, U, 'Core Team', 'Core Team', 'Core Team', U, U, U],
  ['a padded string', '  Core Team \n', U, U, 'Core Team', '  Core Team \n', 'Core Team', U, U, U],
  ['an empty string', '', U, U, U, U, U, U, U, U],
  ['a blank string', '   ', U, U, U, U, U, U, U, U],
  ['true', true, U, U, U, U, U, true, U, U],
  ['"true"', 'true', U, U, 'true', 'true', 'true', true, U, U],
  ['false', false, U, U, U, U, U, false, U, U],
  ['"false"', 'false', U, U, 'false', 'false', 'false', false, U, U],
  ['1', 1, U, U, U, U, '1', true, 1, 1],
  ['0', 0, U, U, U, U, '0', false, 0, 0],
  ['12.7', 12.7, U, U, U, U, '12.7', U, 12, 12.7],
  ['-3', -3, U, U, U, U, '-3', U, U, -3],
  ['" 42 "', ' 42 ', U, U, '42', ' 42 ', '42', U, 42, 42],
  ['"lots"', 'lots', U, U, 'lots', 'lots', 'lots', U, U, U],
  ['"1e999"', '1e999', U, U, '1e999', '1e999', '1e999', U, U, U],
  ['NaN', Number.NaN, U, U, U, U, U, U, U, U],
  ['Infinity', Number.POSITIVE_INFINITY, U, U, U, U, U, U, U, U],
];

describe('the truth table', () => {
  it.each(TABLE)('%s', (_name, value, asRecord, asList, asText, asVerbatim, asTextOrNumber, asFlag, asCount, asNum) => {
    expect(record(value)).toBe(asRecord);
    expect(isRecord(value)).toBe(asRecord !== undefined);
    expect(list(value)).toBe(asList);
    expect(text(value)).toBe(asText);
    expect(verbatim(value)).toBe(asVerbatim);
    expect(textOrNumber(value)).toBe(asTextOrNumber);
    expect(flag(value)).toBe(asFlag);
    expect(count(value)).toBe(asCount);
    expect(num(value)).toBe(asNum);
  });

  it('leaves other yes/no spellings undecided (only true/false, "true"/"false", 1/0 say)', () => {
    for (const value of ['yes', 'TRUE', '1', 2, -1, {}, []]) expect(flag(value)).toBeUndefined();
  });
});

describe('phoneDigits', () => {
  it('reads a person’s number from digits, +digits, a number and a person’s JID (with a device suffix)', () => {
    expect(phoneDigits('6281234567890')).toBe('6281234567890');
    expect(phoneDigits(' +6281234567890 ')).toBe('6281234567890');
    expect(phoneDigits(6281234567890)).toBe('6281234567890');
    expect(phoneDigits('6281234567890@s.whatsapp.net')).toBe('6281234567890');
    expect(phoneDigits('6281234567890:12@s.whatsapp.net')).toBe('6281234567890');
    expect(phoneDigits('6281234567890@c.us')).toBe('6281234567890');
    // The stock server's roster writes "@whatsapp.net".
    expect(phoneDigits('628199999999@whatsapp.net')).toBe('628199999999');
  });

  it('is not a LID, a group, a broadcast list, a newsletter, a name, or outside 5–20 digits', () => {
    for (const value of ['2229876543210@lid', '120363111111111111@g.us', '1234567@broadcast', '1203631@newsletter', 'Alice', '1234', '1'.repeat(21), 42, -628123, 1.5, null, {}]) {
      expect(phoneDigits(value)).toBeUndefined();
    }
  });
});

describe('the envelope', () => {
  it('takes a success’s results, its single result, or the bare results list', () => {
    expect(resultsOf({ results: [1, 2] })).toEqual([1, 2]);
    expect(resultsOf({ results: [], result: { a: 1 } })).toEqual([{ a: 1 }]);
    expect(resultsOf([3])).toEqual([3]);
    expect(resultsOf(undefined)).toEqual([]);
    expect(resultsOf(null)).toEqual([]);
    expect(resultsOf({ results: 'junk' as never })).toEqual([]);
    expect(firstOf({ results: [{ phone: '1' }] })).toEqual({ phone: '1' });
    expect(firstOf({ results: ['text'] })).toBeUndefined();
    expect(firstOf([])).toBeUndefined();
  });
});
