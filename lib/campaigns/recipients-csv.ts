import Papa from 'papaparse';
import { normalizePhone } from '../phone';
import { textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * A campaign's recipients from a CSV or TSV file (an Excel or Google Sheets export, a CRM's
 * contacts): the person picks the phone column, every other column becomes a variable of the
 * message template. Papa Parse reads the file (quotes, escaped quotes, line breaks inside quotes,
 * `,` `;` or tab separators, a byte-order mark): CSV has more corners than a regex survives.
 */

export const MAX_CSV_BYTES = 10_000_000;
export const MAX_RECIPIENTS = 50_000;

export interface CsvTable {
  /** Column names from the header row, made unique and non-empty. */
  columns: string[];
  rows: string[][];
  /** The separator found. */
  delimiter: string;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; message: string };

/** Parses the file's text; the first row is the header. */
export function parseCsv(text: string): CsvResult {
  if (text.length > MAX_CSV_BYTES) return { ok: false, message: t('csvBig', { mb: MAX_CSV_BYTES / 1_000_000 }) };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [header, ...rows] = parsed.data;
  if (!header || header.length === 0) return { ok: false, message: t('csvEmpty') };
  if (rows.length > MAX_RECIPIENTS) return { ok: false, message: t('csvRows', { n: rows.length, max: MAX_RECIPIENTS }) };
  const seen = new Map<string, number>();
  const columns = header.map((raw, index) => {
    const base = raw.trim() || `column ${index + 1}`;
    const count = seen.get(base.toLowerCase()) ?? 0;
    seen.set(base.toLowerCase(), count + 1);
    return count ? `${base} (${count + 1})` : base;
  });
  return { ok: true, table: { columns, rows: rows.map((row) => columns.map((_, i) => (row[i] ?? '').trim())), delimiter: parsed.meta.delimiter } };
}

const PHONE_HEADER = /^(phone|phone ?number|mobile|cell|whats ?app|wa|number|no\.? ?(hp|wa)|nomor( hp| wa| telepon)?|hp|telp|telepon|tel)$/i;

/** The column that most likely holds the phone numbers: by its name, else by its values. */
export function guessPhoneColumn(table: CsvTable): number | undefined {
  const byName = table.columns.findIndex((name) => PHONE_HEADER.test(name.trim()));
  if (byName >= 0) return byName;
  const sample = table.rows.slice(0, 50);
  let best: { index: number; share: number } | undefined;
  table.columns.forEach((_, index) => {
    const phones = sample.filter((row) => /^[+\d][\d\s().-]{6,}$/.test(row[index] ?? '')).length;
    const share = sample.length ? phones / sample.length : 0;
    if (share >= 0.5 && (!best || share > best.share)) best = { index, share };
  });
  return best?.index;
}

export interface Recipient {
  /** International digits, country code first. */
  digits: string;
  /** The other columns of its row, by column name. */
  variables: Record<string, string>;
  /** Its row in the file, 1 = the first row after the header. */
  row: number;
}

export interface RecipientList {
  recipients: Recipient[];
  /** Rows whose number cannot be used, with the reason. */
  unusable: Array<{ row: number; value: string; reason: string }>;
  /** Rows repeating a number already in the list (the first one is kept). */
  duplicates: Array<{ row: number; digits: string }>;
  /** Numbers left out because they are on the opt-out list. */
  optedOut: string[];
}

/** The table's rows as recipients: numbers normalised, duplicates and opted-out numbers left out and reported. */
export function recipientsFromTable(table: CsvTable, phoneColumn: number, options: { defaultCountryCode: string; optOut?: ReadonlySet<string> }): RecipientList {
  const list: RecipientList = { recipients: [], unusable: [], duplicates: [], optedOut: [] };
  const seen = new Set<string>();
  table.rows.forEach((row, index) => {
    const value = row[phoneColumn] ?? '';
    const number = normalizePhone(value, options.defaultCountryCode);
    if (!number.ok) {
      list.unusable.push({ row: index + 1, value, reason: number.message });
      return;
    }
    if (seen.has(number.digits)) {
      list.duplicates.push({ row: index + 1, digits: number.digits });
      return;
    }
    seen.add(number.digits);
    if (options.optOut?.has(number.digits)) {
      list.optedOut.push(number.digits);
      return;
    }
    const variables: Record<string, string> = {};
    table.columns.forEach((name, column) => {
      if (column !== phoneColumn) variables[name] = row[column] ?? '';
    });
    list.recipients.push({ digits: number.digits, variables, row: index + 1 });
  });
  return list;
}
