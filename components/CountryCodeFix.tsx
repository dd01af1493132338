import { useEffect, useState } from 'react';
import { textsOf } from '@/lib/i18n';
import { updateSettings } from '@/lib/storage';

const t = textsOf('common');

/** Whether the text holds a number written nationally (a leading 0), which needs a default country code. */
export function hasNationalNumber(text: string): boolean {
  return text.split(/[,;\n]+/).some((part) => /^\(?0[\d\s().-]{5,}$/.test(part.trim()));
}

/**
 * The one-click fix for "needs a country code": shown under a phone number's error when no
 * default country code is set and the number starts with 0. It offers the code the browser's
 * language suggests (or points to the settings when there is none) and saves it; the fields that
 * read the setting (useDefaultCountry) follow at once, so the next try reads the number.
 */
export function CountryCodeFix({ country, typed }: { country: string; typed: string }) {
  const [guess, setGuess] = useState<string | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const needed = !country && hasNationalNumber(typed);
  useEffect(() => {
    if (!needed || guess !== undefined) return;
    void import('@/lib/country-guess').then(({ guessCallingCode }) => setGuess(guessCallingCode(navigator.language)?.code ?? null));
  }, [needed, guess]);
  if (saved) return <p role="status" className="hint">{t('countrySaved', { code: saved })}</p>;
  if (!needed || guess === undefined) return null;
  const save = async (code: string) => {
    await updateSettings({ defaultCountryCode: code });
    setSaved(code);
  };
  return (
    <p className="country-fix">
      {guess ? (
        <>
          {t('countryNeeded')}{' '}
          <button type="button" onClick={() => void save(guess)}>{t('countryUse', { code: guess })}</button>
        </>
      ) : (
        <>
          {t('countryNeeded')}{' '}
          <a href="/options.html" target="_blank" rel="noreferrer">{t('countrySet')}</a>
        </>
      )}
    </p>
  );
}
