import { useId, useState } from 'react';
import type { Settings } from '@/lib/storage';
import { useOptionsStore } from './store';

interface Draft {
  requestTimeoutSec: string;
  defaultCountryCode: string;
  pollIntervalSec: string;
}

function check(draft: Draft): { errors: Partial<Record<keyof Draft, string>>; settings?: Settings } {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const timeout = Number(draft.requestTimeoutSec);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 300) errors.requestTimeoutSec = 'A whole number of seconds from 1 to 300.';
  const country = draft.defaultCountryCode.trim().replace(/^\+/, '');
  if (country && !/^[1-9]\d{0,2}$/.test(country)) errors.defaultCountryCode = 'A country calling code of 1–3 digits, e.g. 62 or 1; or empty.';
  const poll = Number(draft.pollIntervalSec);
  if (!Number.isInteger(poll) || poll < 5 || poll > 3600) errors.pollIntervalSec = 'A whole number of seconds from 5 to 3600.';
  if (Object.keys(errors).length) return { errors };
  return { errors, settings: { requestTimeoutSec: timeout, defaultCountryCode: country, pollIntervalSec: poll } };
}

export function SettingsForm() {
  const { settings, saveSettings } = useOptionsStore();
  const [draft, setDraft] = useState<Draft>({
    requestTimeoutSec: String(settings.requestTimeoutSec),
    defaultCountryCode: settings.defaultCountryCode,
    pollIntervalSec: String(settings.pollIntervalSec),
  });
  const [saved, setSaved] = useState(false);
  const ids = { timeout: useId(), country: useId(), poll: useId(), theme: useId(), language: useId(), languageHint: useId() };
  const { errors, settings: valid } = check(draft);
  const edit = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  };

  return (
    <section className="card settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          void saveSettings(valid).then(() => setSaved(true));
        }}
      >
        <div className="field">
          <label htmlFor={ids.timeout}>Request timeout (seconds)</label>
          <input id={ids.timeout} inputMode="numeric" value={draft.requestTimeoutSec} onChange={edit('requestTimeoutSec')} aria-invalid={!!errors.requestTimeoutSec} />
          {errors.requestTimeoutSec && <span className="error-text">{errors.requestTimeoutSec}</span>}
        </div>
        <div className="field">
          <label htmlFor={ids.country}>Default country code</label>
          <input id={ids.country} inputMode="numeric" placeholder="e.g. 62" value={draft.defaultCountryCode} onChange={edit('defaultCountryCode')} aria-invalid={!!errors.defaultCountryCode} />
          {errors.defaultCountryCode ? (
            <span className="error-text">{errors.defaultCountryCode}</span>
          ) : (
            <span className="hint">Used for phone numbers typed with a leading 0 or without a country code.</span>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.poll}>Refresh interval when live updates are off (seconds)</label>
          <input id={ids.poll} inputMode="numeric" value={draft.pollIntervalSec} onChange={edit('pollIntervalSec')} aria-invalid={!!errors.pollIntervalSec} />
          {errors.pollIntervalSec && <span className="error-text">{errors.pollIntervalSec}</span>}
        </div>
        <div className="field">
          <label htmlFor={ids.theme}>Theme</label>
          <select id={ids.theme} value={settings.theme ?? 'auto'} onChange={(e) => void saveSettings({ theme: e.target.value as NonNullable<Settings['theme']> })}>
            <option value="auto">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.language}>Language</label>
          <select id={ids.language} aria-describedby={ids.languageHint} value={settings.language ?? 'auto'} onChange={(e) => void saveSettings({ language: e.target.value as NonNullable<Settings['language']> })}>
            <option value="auto">Browser</option>
            <option value="en">English</option>
            <option value="id">Bahasa Indonesia</option>
          </select>
          <span id={ids.languageHint} className="hint">Your choice is kept; the pages are in English until translations arrive in the next update.</span>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!valid}>Save settings</button>
          {saved && <span role="status" className="hint">Settings saved.</span>}
        </div>
      </form>
    </section>
  );
}
