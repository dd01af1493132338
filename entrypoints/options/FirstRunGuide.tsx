import { useEffect, useState } from 'react';
import { useOptionsStore } from './store';

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
      <h2 id="first-run-heading">Getting started</h2>
      <ol>
        <li>
          <strong>Server URL</strong>: the address you open WARest’s web dashboard at, e.g. <code>https://warest.example.com</code> or <code>http://192.168.1.10:3000</code>.
        </li>
        <li>
          <strong>API key</strong>: in the WARest dashboard, your user’s API key (the one sent as <code>X-WAREST-API-KEY</code>). A user key changes each time that user logs into the dashboard.
        </li>
        <li>
          <strong>Default country code</strong>: used for numbers typed with a leading 0.{' '}
          {guess ? (
            savedCode ? (
              <span role="status">Saved +{savedCode} as the default country code.</span>
            ) : (
              <>
                Your browser’s language ({navigator.language}) suggests +{guess.code}.{' '}
                <button type="button" onClick={() => void saveSettings({ defaultCountryCode: guess.code }).then(() => setSavedCode(guess.code))}>
                  Use +{guess.code}
                </button>
              </>
            )
          ) : (
            'Set it under Settings below.'
          )}
        </li>
      </ol>
      <button type="button" className="primary" onClick={() => void saveSettings({ setupSeen: true })}>
        Close the guide
      </button>
    </section>
  );
}
