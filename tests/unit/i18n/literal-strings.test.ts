import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, literalStringsIn } from '../../support/literal-strings';

/**
 * Every word the UI shows comes from the catalogs (locales/), so it is in English and
 * Indonesian: a component in a converted place that writes words straight into its JSX fails
 * here, naming the file and line. CONVERTED is every place with components; the goal
 * is every .tsx under entrypoints/ and components/.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CONVERTED = ['components', 'entrypoints'];

const tsxUnder = (relative: string) => filesUnder(ROOT, relative, (name) => name.endsWith('.tsx'));

describe('words in components', () => {
  it('come from the catalogs in every converted place', () => {
    const found = CONVERTED.flatMap(tsxUnder).flatMap((file) => literalStringsIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('are found as text, as seen attributes and as shown literals, but not in code', () => {
    const source = `
      export const A = ({ busy, n }) => (
        <section aria-label="Not confirmed" className="banner warn">
          <p>Checking the chat</p>
          <button title={busy ? 'Saving' : t('save')} onClick={() => go('ignored words')}>{busy ? 'Saving…' : t('save')}</button>
          {n > 0 && 'Some left'}
          {\`\${n} files\`}
          <input placeholder={t('hint')} type="text" />
          <span>{t('ok')} · {n}</span>
        </section>
      );`;
    expect(literalStringsIn('x.tsx', source).map((line) => line.replace(/^x\.tsx:\d+ /, ''))).toEqual([
      'aria-label="Not confirmed"',
      'Checking the chat',
      "'Saving'",
      "'Saving…'",
      "'Some left'",
      '`${n} files`',
    ]);
  });
});
