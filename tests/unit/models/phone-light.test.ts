import fs from 'node:fs';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '@/lib/phone';
import { displayNumberLight, normalizePhoneLight } from '@/lib/phone-light';
import { phoneTableSource } from '../../../scripts/phone-table';

/**
 * The service worker's light phone check (lib/phone-light.ts, a generated table) against the
 * pages' full one (lib/phone.ts, libphonenumber-js): on the example mobile number of every
 * country, in every way people type it, they must give the same digits.
 */

type Country = [string, unknown, unknown, unknown, unknown, unknown?];
const countries = (metadata as unknown as { countries: Record<string, Country> }).countries;

/** [input, default country code] for each example number, in each way it is typed. */
function typedForms(): Array<[string, string]> {
  const forms: Array<[string, string]> = [];
  for (const [region, national] of Object.entries(examples as Record<string, string>)) {
    const country = countries[region]!;
    const code = country[0];
    forms.push([`+${code} ${national}`, '62'], [`00 ${code} ${national}`, ''], [`${code}${national}`, ''], [national, code], [`${code}${national}`, code === '62' ? '1' : '62']);
    forms.push([`${code}${national}`, code]);
    if (country[5] === '0') forms.push([`0${national}`, code]);
  }
  return forms;
}

/**
 * Where the two differ on purpose: digits that start with the default country code are read with
 * that code in front when the rest is a number of the country; libphonenumber reads these three
 * whole, as a national number (its exact pattern allows it), giving the code twice.
 */
const CODE_IN_FRONT = new Map([
  ['4915123456789|49', '4915123456789'],
  ['62812345678|62', '62812345678'],
  ['38343201234|383', '38343201234'],
]);

describe('light phone check', () => {
  it('is the table the generator makes from the installed libphonenumber-js (else: npx tsx scripts/phone-table.ts)', () => {
    expect(fs.readFileSync(new URL('../../../lib/phone-table.ts', import.meta.url), 'utf8')).toBe(phoneTableSource());
  });

  it('gives the full check’s digits for every example number, however it is typed', () => {
    const forms = typedForms();
    expect(forms.length).toBeGreaterThan(1500);
    const differences: string[] = [];
    let readByBoth = 0;
    for (const [input, country] of forms) {
      const full = normalizePhone(input, country);
      // A few forms are not how that country writes its numbers (a national 0 before a Colombian
      // mobile): the full check refuses them, and the light one may take them.
      if (!full.ok) continue;
      readByBoth += 1;
      const key = `${input}|${country}`;
      if (CODE_IN_FRONT.has(key)) differences.push(key);
      expect(normalizePhoneLight(input, country), `${input} (+${country})`).toEqual({ ok: true, digits: CODE_IN_FRONT.get(key) ?? full.digits });
    }
    expect(readByBoth).toBeGreaterThan(forms.length - 5);
    expect(differences.sort()).toEqual([...CODE_IN_FRONT.keys()].sort());
  });

  it('agrees with the full check on random numbers written with + or a national 0', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let accepted = 0;
    for (let i = 0; i < 4000; i += 1) {
      const length = 6 + Math.floor(random() * 10);
      const digits = Array.from({ length }, () => Math.floor(random() * 10)).join('');
      const input = `${i % 2 ? '+' : '0'}${digits}`;
      const country = ['', '62', '1', '44', '91', '39', '49', '7', '55'][Math.floor(random() * 9)]!;
      const full = normalizePhone(input, country);
      const light = normalizePhoneLight(input, country);
      if (full.ok) accepted += 1;
      // Brazil's national prefix also carries a carrier code (0 + 2 digits), which the table does not know.
      if (full.ok && !(country === '55' && input.startsWith('0'))) expect(light, `${input} (+${country})`).toEqual(full);
      if (full.ok && light.ok) expect(light.digits, `${input} (+${country})`).toBe(full.digits);
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('refuses what no country has, with the full check’s messages', () => {
    for (const [input, country] of [['+62 12', ''], ['+999 1234567', ''], ['0812 3456 7890', ''], ['hello', '62'], ['0812', '62'], ['1234567890123456789', '']] as const) {
      const light = normalizePhoneLight(input, country);
      expect(light, input).toEqual(normalizePhone(input, country));
      expect(light.ok).toBe(false);
    }
    expect(normalizePhoneLight('0812', '62')).toEqual({ ok: false, message: expect.stringMatching(/not a valid phone number for country code \+62.*international format/) });
  });

  it('shows the calling code apart and the national number in groups', () => {
    expect(displayNumberLight('6281234567890')).toBe('+62 812 3456 7890');
    expect(displayNumberLight('12125550123')).toBe('+1 212 555 0123');
    expect(displayNumberLight('4915123456789012')).toBe('+49 15123456789012');
    expect(displayNumberLight('999')).toBe('+999');
  });
});
