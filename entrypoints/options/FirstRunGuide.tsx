import { useEffect, useState } from 'react';
import { textsOf } from '@/lib/i18n';
import { rich } from './rich';
import { useOptionsStore } from './store';

const t = textsOf('options');
/** Addresses and a header name, the same in every language. */
const EXAMPLE_URLS = ['https://warest.example.com', 'http://192.168.1.10:3000'] as const;
const KEY_HEADER = 'X-WAREST-API-KEY';

/**
 * The first-run guide, shown until it is closed (settings.setupSeen): where WARest shows the
 * server URL and the API key, and the default country code guessed from the browser's language,
 * saved with one click.
 */
export function FirstRunGuide() {
  const { settings, saveSettings } = useOptionsStore();
  const [savedCode, setSavedCode] = useState<string | null>(null);
  const [guess, setGuess] = useState<{ region: string; code: string } | null>(null);
  useEffect(() => {
    if (settings.setupSeen) return;
    // libphonenumber's metadata is loaded only for the guide, never with the page.
    void import('@/lib/country-guess').then(({ guessCallingCode }) => setGuess(guessCallingCode(navigator.language)));
  }, [settings.setupSeen]);
  if (settings.setupSeen) return null;
  return (
    <section className="card first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">{t('guideTitle')}</h2>
      <ol>
        <li>
          {rich(t('guideUrl'), { label: <strong>{t('serverUrl')}</strong>, example: <code>{EXAMPLE_URLS[0]}</code>, other: <code>{EXAMPLE_URLS[1]}</code> })}
        </li>
        <li>
          {rich(t('guideKey'), { label: <strong>{t('apiKey')}</strong>, header: <code>{KEY_HEADER}</code> })}
        </li>
        <li>
          {rich(t('guideCountry'), { label: <strong>{t('defaultCountryCode')}</strong> })}{' '}
          {guess ? (
            savedCode ? (
              <span role="status">{t('guideSavedCode', { code: savedCode })}</span>
            ) : (
              <>
                {t('guideSuggests', { language: navigator.language, code: guess.code })}{' '}
                <button type="button" onClick={() => void saveSettings({ defaultCountryCode: guess.code }).then(() => setSavedCode(guess.code))}>
                  {t('guideUseCode', { code: guess.code })}
                </button>
              </>
            )
          ) : (
            t('guideSetBelow')
          )}
        </li>
      </ol>
      <button type="button" className="primary" onClick={() => void saveSettings({ setupSeen: true })}>
        {t('guideClose')}
      </button>
    </section>
  );
}
