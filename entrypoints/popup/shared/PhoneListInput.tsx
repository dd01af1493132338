import { useEffect, useId, useMemo, useState } from 'react';
import type { PhoneListResult } from '@/lib/phone-list';
import { CountryCodeFix } from '@/components/CountryCodeFix';
import { useDefaultCountry } from '@/components/use-default-country';
import { textsOf } from '@/lib/i18n';

const t = textsOf('popupshared');

type Parser = (text: string, defaultCountryCode: string) => PhoneListResult;

/** The parser (and libphonenumber with it) is fetched the first time a list input is shown. */
let parserPromise: Promise<Parser> | null = null;
function loadParser() {
  parserPromise ??= import('@/lib/phone-list').then((module) => module.parsePhoneList);
  return parserPromise;
}

/** The numbers in `text`, normalised and de-duplicated with the default country code of the moment; null while the parser loads. */
export function usePhoneList(text: string): PhoneListResult | null {
  const [parse, setParse] = useState<Parser | null>(null);
  const country = useDefaultCountry();
  useEffect(() => {
    let live = true;
    void loadParser().then((loaded) => live && setParse(() => loaded));
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => (parse ? parse(text, country) : null), [parse, text, country]);
}

const SHOWN_PROBLEMS = 20;

/**
 * Paste any number of phone numbers in any common format (spaces, dashes, +, a leading 0 with
 * the default country code, wa.me links). Before anything is sent it shows how many are usable,
 * which are not and why, and which repeat.
 */
export function PhoneListInput(props: { label: string; text: string; onText: (text: string) => void; parsed: PhoneListResult | null; disabled?: boolean }) {
  const { label, text, onText, parsed, disabled } = props;
  const country = useDefaultCountry();
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
        placeholder={t('phonePlaceholder')}
        spellCheck={false}
      />
      <div id={ids.summary} className="phone-list-summary" aria-live="polite">
        {!parsed && text.trim() && <span className="hint">{t('checkingNumbers')}</span>}
        {parsed && text.trim() !== '' && (
          <>
            <p className={valid ? 'ok-text' : 'hint'}>{valid === 0 ? t('noUsable') : t.count('valid', valid)}</p>
            {parsed.invalid.length > 0 && (
              <div className="error-text">
                <p>{t('notUsable', { count: parsed.invalid.length })}</p>
                <ul aria-label={t('notUsableList')}>
                  {parsed.invalid.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
                    <li key={i}>
                      {t('problem', { input: problem.input, reason: problem.reason })}
                    </li>
                  ))}
                  {parsed.invalid.length > SHOWN_PROBLEMS && <li>{t('andMore', { count: parsed.invalid.length - SHOWN_PROBLEMS })}</li>}
                </ul>
              </div>
            )}
            {parsed.invalid.length > 0 && (
              <CountryCodeFix country={country} typed={parsed.invalid.map((problem) => problem.input).join('\n')} />
            )}
            {parsed.duplicates.length > 0 && (
              <p className="hint">
                {t.count('duplicates', parsed.duplicates.length, { list: parsed.duplicates.slice(0, SHOWN_PROBLEMS).map((d) => `“${d}”`).join(', ') })}
                {parsed.duplicates.length > SHOWN_PROBLEMS ? '…' : ''}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
