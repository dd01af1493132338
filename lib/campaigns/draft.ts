import { parsePhoneList } from '../phone-list';
import { normalizePhone } from '../phone';
import { recipientsFromTable, type CsvTable, type Recipient, type RecipientList } from './recipients-csv';
import { renderTemplate, templateProblems } from './template';
import { textsOf } from '../i18n';

const t = textsOf('tools');

/**
 * The campaign page's logic without a browser: recipients from any source (a paste, a CSV/TSV
 * file, a group's participants, the session's contacts) as one de-duplicated list with their
 * variables; the opt-out list counted; the template rendered for every recipient, where a missing
 * variable stops everything before a single message is sent.
 */

export type RecipientSource =
  | { kind: 'paste'; text: string }
  | { kind: 'csv'; table: CsvTable; phoneColumn: number }
  /** A group's participants or the session's contacts: a number and maybe a name. */
  | { kind: 'people'; people: ReadonlyArray<{ phone: string; name?: string }> };

export interface CollectedRecipients extends RecipientList {
  /** The variables every recipient has (a file's other columns; `name` for people). */
  columns: string[];
}

/** The source's recipients, de-duplicated, unusable rows with the reason. The opt-out list is counted, not applied here: the background marks those skipped. */
export function collectRecipients(source: RecipientSource, defaultCountryCode: string, optOut: ReadonlySet<string> = new Set()): CollectedRecipients {
  let list: RecipientList;
  let columns: string[];
  if (source.kind === 'csv') {
    list = recipientsFromTable(source.table, source.phoneColumn, { defaultCountryCode });
    columns = source.table.columns.filter((_, i) => i !== source.phoneColumn);
  } else if (source.kind === 'paste') {
    const parsed = parsePhoneList(source.text, defaultCountryCode);
    list = {
      recipients: parsed.valid.map((entry, i) => ({ digits: entry.digits, variables: {}, row: i + 1 })),
      unusable: parsed.invalid.map((problem, i) => ({ row: i + 1, value: problem.input, reason: problem.reason })),
      duplicates: parsed.duplicates.map((input, i) => ({ row: i + 1, digits: input })),
      optedOut: [],
    };
    columns = [];
  } else {
    list = { recipients: [], unusable: [], duplicates: [], optedOut: [] };
    const seen = new Set<string>();
    source.people.forEach((person, i) => {
      const number = normalizePhone(person.phone, defaultCountryCode);
      if (!number.ok) return void list.unusable.push({ row: i + 1, value: person.phone, reason: number.message });
      if (seen.has(number.digits)) return void list.duplicates.push({ row: i + 1, digits: number.digits });
      seen.add(number.digits);
      list.recipients.push({ digits: number.digits, variables: { name: person.name?.trim() ?? '' }, row: i + 1 });
    });
    columns = ['name'];
  }
  list.optedOut = list.recipients.filter((r) => optOut.has(r.digits)).map((r) => r.digits);
  return { ...list, columns };
}

export interface RenderProblem {
  /** The first rows it happens in (1-based, as in the file), and how many in all. */
  rows: number[];
  count: number;
  message: string;
}

export type RenderedRecipients =
  | { ok: true; recipients: Array<{ digits: string; text: string; row: number }> }
  | { ok: false; problems: RenderProblem[] };

/**
 * Every recipient's message. A variable no column has, or a recipient whose value is empty with
 * no fallback, is an error naming it and the rows, so the person fixes the file or adds a fallback.
 */
export function renderAll(template: string, recipients: readonly Recipient[], columns: readonly string[], options: { allowEmpty?: boolean } = {}): RenderedRecipients {
  const columnProblems = templateProblems(template, columns);
  if (columnProblems.length) return { ok: false, problems: columnProblems.map((message) => ({ rows: [], count: recipients.length, message })) };
  const missing = new Map<string, number[]>();
  const rendered: Array<{ digits: string; text: string; row: number }> = [];
  for (const recipient of recipients) {
    const result = renderTemplate(template, recipient.variables);
    if (!result.ok) {
      for (const name of result.missing) missing.set(name, [...(missing.get(name) ?? []), recipient.row]);
      continue;
    }
    rendered.push({ digits: recipient.digits, text: result.text, row: recipient.row });
  }
  if (missing.size) {
    return {
      ok: false,
      problems: [...missing].map(([name, rows]) => ({
        rows: rows.slice(0, 10),
        count: rows.length,
        message: t.count('varEmpty', rows.length, { v: name, rows: rows.slice(0, 5).join(', ') }),
      })),
    };
  }
  if (!options.allowEmpty && rendered.some((r) => !r.text.trim())) return { ok: false, problems: [{ rows: [], count: rendered.length, message: t('msgEmpty') }] };
  return { ok: true, recipients: rendered };
}

/** "09:30" → minutes after midnight; undefined when it is not a time. */
export function parseClock(value: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** How long, in words: "about 2 h 5 min", "45 s". */
export function durationWords(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}
