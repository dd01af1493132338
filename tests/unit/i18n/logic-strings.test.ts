import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, sentencesIn } from '../../support/literal-strings';

/**
 * The words that logic makes for people (error texts, notifications, states, menu titles) come
 * from the catalogs too, so the worker speaks the person's language and its script does not
 * carry every sentence (they are in _locales). CONVERTED lists the .ts files (or folders) whose
 * sentences have moved: all of lib/ and entrypoints/background/.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CONVERTED: string[] = ['lib', 'entrypoints', 'components'];

const tsUnder = (relative: string) => filesUnder(ROOT, relative, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));

describe('words in logic', () => {
  it('come from the catalogs in every converted file', () => {
    const found = CONVERTED.flatMap(tsUnder).flatMap((file) => sentencesIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('are found in strings and templates, but not in the console, imports, keys or exempt lines', () => {
    const source = `
      import { x } from 'some module name';
      const table = { 'two words': 1, open: 'Connected to WhatsApp.' };
      console.warn('for the developer only');
      const key = 'local:settings'; // one word
      // i18n-exempt: read by the server, not by people
      const header = 'X Api Key';
      throw new Error(\`\${name} could not be saved\`);`;
    expect(sentencesIn('x.ts', source).map((line) => line.replace(/^x\.ts:\d+ /, ''))).toEqual(["'Connected to WhatsApp.'", '`${name} could not be saved`']);
  });
});
