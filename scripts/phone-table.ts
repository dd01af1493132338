/**
 * Generates lib/phone-table.ts, the service worker's phone-number table, from libphonenumber-js's
 * metadata (the installed package): for each country calling code, its national prefix and the
 * possible lengths of a national number by its first digit. The lengths are read out of each
 * country's national-number pattern, so they are the library's own data, in about 3 KB instead of
 * its 30. tests/unit/models/phone-light.test.ts fails when the committed table differs from what
 * this produces, e.g. after an update of libphonenumber-js: then run `npx tsx scripts/phone-table.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import metadata from 'libphonenumber-js/metadata.min.json';

/** Longest national number any country has (libphonenumber's limit). */
const MAX = 17;

/**
 * The lengths a pattern matches, each with the first digits it can start with: `sets[len]` is a
 * 10-bit mask of first digits (bit d for digit d); `sets[0]` is 1 when the empty string matches.
 * The patterns use only digits, `\d`, `[…]` classes with ranges, `(?:…)`, `|`, `?` and `{n[,m]}`.
 */
type Sets = number[];
const empty = (): Sets => new Array(MAX + 1).fill(0);

function concat(a: Sets, b: Sets): Sets {
  const out = empty();
  for (let la = 0; la <= MAX; la++) {
    if (!a[la]) continue;
    for (let lb = 0; la + lb <= MAX; lb++) if (b[lb]) out[la + lb]! |= la === 0 ? b[lb]! : a[la]!;
  }
  return out;
}
const union = (a: Sets, b: Sets): Sets => a.map((mask, i) => mask | b[i]!);

function analyse(pattern: string): Sets {
  let at = 0;
  const alternation = (): Sets => {
    let result = sequence();
    while (pattern[at] === '|') {
      at++;
      result = union(result, sequence());
    }
    return result;
  };
  const sequence = (): Sets => {
    let result = empty();
    result[0] = 1;
    while (at < pattern.length && pattern[at] !== '|' && pattern[at] !== ')') result = concat(result, quantified(atom()));
    return result;
  };
  const atom = (): Sets => {
    const ch = pattern[at++]!;
    const one = (mask: number) => { const s = empty(); s[1] = mask; return s; };
    if (ch === '\\' && pattern[at] === 'd') { at++; return one(0x3ff); }
    if (/\d/.test(ch)) return one(1 << Number(ch));
    if (ch === '[') {
      let mask = 0;
      while (pattern[at] !== ']') {
        const from = pattern[at++]!;
        if (from === '\\' && pattern[at] === 'd') { at++; mask |= 0x3ff; continue; }
        if (pattern[at] === '-' && pattern[at + 1] !== ']') {
          const to = pattern[at + 1]!;
          at += 2;
          for (let d = Number(from); d <= Number(to); d++) mask |= 1 << d;
        } else mask |= 1 << Number(from);
      }
      at++;
      return one(mask);
    }
    if (ch === '(') {
      if (pattern.startsWith('?:', at)) at += 2;
      const inner = alternation();
      if (pattern[at++] !== ')') throw new Error(`unbalanced group in ${pattern}`);
      return inner;
    }
    throw new Error(`unexpected “${ch}” at ${at - 1} in ${pattern}`);
  };
  const quantified = (base: Sets): Sets => {
    let min = 1;
    let max = 1;
    if (pattern[at] === '?') { at++; min = 0; }
    else if (pattern[at] === '{') {
      const close = pattern.indexOf('}', at);
      const [lo, hi] = pattern.slice(at + 1, close).split(',');
      min = Number(lo);
      max = hi === undefined ? min : Number(hi);
      at = close + 1;
    }
    let result = empty();
    result[0] = 1;
    let total = min === 0 ? result : empty();
    for (let n = 1; n <= max; n++) {
      result = concat(result, base);
      if (n >= min) total = union(total, result);
    }
    return total;
  };
  const result = alternation();
  if (at !== pattern.length) throw new Error(`could not read all of ${pattern}`);
  return result;
}

type TypeDesc = [pattern: string, lengths?: number[]] | 0;
type Country = [string, string | number, string, number[], unknown, unknown, unknown, unknown, unknown, unknown, unknown, TypeDesc[]?];

/** Sets limited to the given lengths. */
const onlyLengths = (sets: Sets, lengths: readonly number[]): Sets => sets.map((mask, len) => (lengths.includes(len) ? mask : 0));

/**
 * What libphonenumber's isValid() accepts of a country, as (length, first digit): its general
 * pattern at its possible lengths, and, when the metadata has number types (countries that share
 * a calling code, like +1 and +44), also one of the types' patterns at the type's lengths.
 */
function validSets(country: Country): Sets {
  const general = onlyLengths(analyse(country[2]), country[3]);
  const types = country[11];
  if (!types) return general;
  let any = empty();
  for (const type of types) {
    if (!type || !type[0]) continue;
    any = union(any, onlyLengths(analyse(type[0]), type[1] ?? country[3]));
  }
  return general.map((mask, len) => mask & any[len]!);
}

/** One entry per calling code: `national prefix;` then, for first digits 0–9, the lengths as a base-36 bit mask (bit n: n digits). */
export function phoneTable(): Record<string, string> {
  const countries = metadata.countries as unknown as Record<string, Country>;
  const nonGeographic = (metadata as unknown as { nonGeographic: Record<string, Country> }).nonGeographic;
  const table: Record<string, string> = {};
  for (const [code, regions] of Object.entries(metadata.country_calling_codes as Record<string, string[]>)) {
    const all = regions.map((r) => countries[r]!).concat(nonGeographic[code] ? [nonGeographic[code]] : []);
    if (all.length === 0) continue;
    const byDigit = new Array(10).fill(0);
    for (const country of all) {
      const valid = validSets(country);
      for (let len = 1; len <= MAX; len++) for (let d = 0; d < 10; d++) if (valid[len]! & (1 << d)) byDigit[d] |= 1 << len;
    }
    const main = all[0]!;
    const prefix = typeof main[5] === 'string' ? main[5] : '';
    table[code] = `${prefix};${byDigit.map((mask) => mask.toString(36)).join(',')}`;
  }
  return table;
}

export function phoneTableSource(): string {
  const entries = Object.entries(phoneTable()).map(([code, value]) => `  '${code}': '${value}',`);
  return `// Generated by scripts/phone-table.ts from libphonenumber-js's metadata — do not edit.
// Calling code → "national prefix;lengths for first digit 0,…,9" (each a base-36 bit mask: bit n = n digits).
export const PHONE_TABLE: Readonly<Record<string, string>> = {
${entries.join('\n')}
};
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'phone-table.ts');
  fs.writeFileSync(out, phoneTableSource());
  console.log(`wrote ${out}`);
}
