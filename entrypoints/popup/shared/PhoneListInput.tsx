import { useEffect, useId, useMemo, useState } from 'react';
import type { PhoneListResult } from '@/lib/phone-list';
import { readChecked, settingsItem } from '@/lib/storage';

type Parser = (text: string, defaultCountryCode: string) => PhoneListResult;

/** The parser (and libphonenumber with it) is fetched the first time a list input is shown. */
let parserPromise: Promise<{ parse: Parser; countryCode: string }> | null = null;
function loadParser() {
  parserPromise ??= Promise.all([import('@/lib/phone-list'), readChecked(settingsItem)]).then(([module, settings]) => ({
    parse: module.parsePhoneList,
    countryCode: settings.defaultCountryCode,
  }));
  return parserPromise;
}

/** The numbers in `text`, normalised and de-duplicated; null while the parser loads. */
export function usePhoneList(text: string): PhoneListResult | null {
  const [parser, setParser] = useState<{ parse: Parser; countryCode: string } | null>(null);
  useEffect(() => {
    let live = true;
    void loadParser().then((loaded) => live && setParser(loaded));
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => (parser ? parser.parse(text, parser.countryCode) : null), [parser, text]);
}

const SHOWN_PROBLEMS = 20;

/**
 * Paste any number of phone numbers in any common format (spaces, dashes, +, a leading 0 with
 * the default country code, wa.me links). Before anything is sent it shows how many are usable,
 * which are not and why, and which repeat.
 */
export function PhoneListInput(props: { label: string; text: string; onText: (text: string) => void; parsed: PhoneListResult | null; disabled?: boolean }) {
  const { label, text, onText, parsed, disabled } = props;
  const ids = { input: useId(), summary: useId() };
  const valid = parsed?.valid.length ?? 0;
  return (
    <div className="field phone-list">
      <label htmlFor={ids.input}>{label}</label>
      <textarea
        id={ids.input}
        rows={4}
        value={text}
        disabled={disabled}
        onChange={(e) => onText(e.target.value)}
        aria-describedby={ids.summary}
        placeholder={'+62 812-3456-7890\n0812 3456 7891\nhttps://wa.me/6281234567892'}
        spellCheck={false}
      />
      <div id={ids.summary} className="phone-list-summary" aria-live="polite">
        {!parsed && text.trim() && <span className="hint">Checking the numbers…</span>}
        {parsed && text.trim() !== '' && (
          <>
            <p className={valid ? 'ok-text' : 'hint'}>{valid === 0 ? 'No usable numbers yet.' : `${valid} valid number${valid === 1 ? '' : 's'}.`}</p>
            {parsed.invalid.length > 0 && (
              <div className="error-text">
                <p>{parsed.invalid.length} not usable (left out):</p>
                <ul aria-label="Numbers that are not usable">
                  {parsed.invalid.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
                    <li key={i}>
                      “{problem.input}”: {problem.reason}
                    </li>
                  ))}
                  {parsed.invalid.length > SHOWN_PROBLEMS && <li>…and {parsed.invalid.length - SHOWN_PROBLEMS} more.</li>}
                </ul>
              </div>
            )}
            {parsed.duplicates.length > 0 && (
              <p className="hint">
                {parsed.duplicates.length} duplicate{parsed.duplicates.length === 1 ? '' : 's'} left out: {parsed.duplicates.slice(0, SHOWN_PROBLEMS).map((d) => `“${d}”`).join(', ')}
                {parsed.duplicates.length > SHOWN_PROBLEMS ? '…' : ''}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
