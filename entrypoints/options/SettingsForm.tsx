import { useId, useState } from 'react';
import type { Settings } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';
import { useOptionsStore } from './store';

const t = textsOf('options');
/** Each language by its own name, the same whatever the page's language. */
const LANGUAGE_NAMES = { en: 'English', id: 'Bahasa Indonesia' } as const;

interface Draft {
  requestTimeoutSec: string;
  defaultCountryCode: string;
  pollIntervalSec: string;
}

function check(draft: Draft): { errors: Partial<Record<keyof Draft, string>>; settings?: Settings } {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const timeout = Number(draft.requestTimeoutSec);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 300) errors.requestTimeoutSec = t('timeoutRange');
  const country = draft.defaultCountryCode.trim().replace(/^\+/, '');
  if (country && !/^[1-9]\d{0,2}$/.test(country)) errors.defaultCountryCode = t('countryCodeRule');
  const poll = Number(draft.pollIntervalSec);
  if (!Number.isInteger(poll) || poll < 5 || poll > 3600) errors.pollIntervalSec = t('pollRange');
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
      <h2 id="settings-heading">{t('settingsTitle')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          void saveSettings(valid).then(() => setSaved(true));
        }}
      >
        <div className="field">
          <label htmlFor={ids.timeout}>{t('timeoutLabel')}</label>
          <input id={ids.timeout} inputMode="numeric" value={draft.requestTimeoutSec} onChange={edit('requestTimeoutSec')} aria-invalid={!!errors.requestTimeoutSec} />
          {errors.requestTimeoutSec && <span className="error-text">{errors.requestTimeoutSec}</span>}
        </div>
        <div className="field">
          <label htmlFor={ids.country}>{t('defaultCountryCode')}</label>
          <input id={ids.country} inputMode="numeric" placeholder={t('countryPlaceholder')} value={draft.defaultCountryCode} onChange={edit('defaultCountryCode')} aria-invalid={!!errors.defaultCountryCode} />
          {errors.defaultCountryCode ? (
            <span className="error-text">{errors.defaultCountryCode}</span>
          ) : (
            <span className="hint">{t('countryHint')}</span>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.poll}>{t('pollLabel')}</label>
          <input id={ids.poll} inputMode="numeric" value={draft.pollIntervalSec} onChange={edit('pollIntervalSec')} aria-invalid={!!errors.pollIntervalSec} />
          {errors.pollIntervalSec && <span className="error-text">{errors.pollIntervalSec}</span>}
        </div>
        <div className="field">
          <label htmlFor={ids.theme}>{t('theme')}</label>
          <select id={ids.theme} value={settings.theme ?? 'auto'} onChange={(e) => void saveSettings({ theme: e.target.value as NonNullable<Settings['theme']> })}>
            <option value="auto">{t('themeSystem')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.language}>{t('language')}</label>
          <select id={ids.language} aria-describedby={ids.languageHint} value={settings.language ?? 'auto'} onChange={(e) => void saveSettings({ language: e.target.value as NonNullable<Settings['language']> })}>
            <option value="auto">{t('languageBrowser')}</option>
            <option value="en" lang="en">{LANGUAGE_NAMES.en}</option>
            <option value="id" lang="id">{LANGUAGE_NAMES.id}</option>
          </select>
          <span id={ids.languageHint} className="hint">{t('languageHint')}</span>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!valid}>{t('saveSettings')}</button>
          {saved && <span role="status" className="hint">{t('settingsSaved')}</span>}
        </div>
      </form>
    </section>
  );
}
