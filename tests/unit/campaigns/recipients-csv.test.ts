import { describe, expect, it } from 'vitest';
import { guessPhoneColumn, parseCsv, recipientsFromTable } from '@/lib/campaigns/recipients-csv';

function table(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.table;
}

describe('a recipients CSV', () => {
  it('reads quotes, escaped quotes, commas and line breaks inside quotes', () => {
    const t = table('name,phone,note\n"Budi, Jr.",+62 812-1111-2222,"He said ""hi""\nand left"\nCitra,0812 3333 4444,\n');
    expect(t.columns).toEqual(['name', 'phone', 'note']);
    expect(t.rows).toEqual([['Budi, Jr.', '+62 812-1111-2222', 'He said "hi"\nand left'], ['Citra', '0812 3333 4444', '']]);
  });

  it('reads an Excel export: a byte-order mark, semicolons, CRLF, a blank last line', () => {
    const t = table('\uFEFFNama;No HP;Kota\r\nBudi;081211112222;Jakarta\r\nCitra;081233334444;Bandung\r\n\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.columns).toEqual(['Nama', 'No HP', 'Kota']);
    expect(t.rows).toHaveLength(2);
    expect(guessPhoneColumn(t)).toBe(1);
  });

  it('reads TSV, and names blank or repeated headers', () => {
    const t = table('name\t\tname\nA\t1\tB\n');
    expect(t.delimiter).toBe('\t');
    expect(t.columns).toEqual(['name', 'column 2', 'name (2)']);
  });

  it('guesses the phone column by its values when its name says nothing', () => {
    expect(guessPhoneColumn(table('who,contact\nBudi,+6281211112222\nCitra,+6281233334444\n'))).toBe(1);
    expect(guessPhoneColumn(table('a,b\nx,y\n'))).toBeUndefined();
  });

  it('turns rows into recipients: normalised, de-duplicated, opted-out numbers left out, unusable rows with the reason', () => {
    const t = table('name,phone,order\nBudi,0812-1111-2222,A1\nBudi again,+62 812 1111 2222,A2\nNobody,12,A3\nCitra,081233334444,A4\nDewi,+62 812 5555 6666,A5\n');
    const list = recipientsFromTable(t, 1, { defaultCountryCode: '62', optOut: new Set(['6281255556666']) });
    expect(list.recipients).toEqual([
      { digits: '6281211112222', variables: { name: 'Budi', order: 'A1' }, row: 1 },
      { digits: '6281233334444', variables: { name: 'Citra', order: 'A4' }, row: 4 },
    ]);
    expect(list.duplicates).toEqual([{ row: 2, digits: '6281211112222' }]);
    expect(list.unusable).toMatchObject([{ row: 3, value: '12' }]);
    expect(list.unusable[0]!.reason).toMatch(/not a valid phone number/);
    expect(list.optedOut).toEqual(['6281255556666']);
  });

  it('reads 10,000 rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `Person ${i},+62 812 ${String(1_000_000 + i).slice(0, 4)} ${String(1_000_000 + i).slice(3)}`);
    const t = table(`name,phone\n${rows.join('\n')}\n`);
    expect(t.rows).toHaveLength(10_000);
    const list = recipientsFromTable(t, 1, { defaultCountryCode: '62' });
    expect(list.recipients.length + list.unusable.length + list.duplicates.length).toBe(10_000);
    expect(list.recipients.length).toBeGreaterThan(9_000);
  });

  it('refuses an empty file and one too large, in words', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, message: expect.stringMatching(/header row/) });
    expect(parseCsv('x'.repeat(10_000_001))).toMatchObject({ ok: false, message: expect.stringMatching(/larger than 10 MB/) });
  });
});
