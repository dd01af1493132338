import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import type { ConnectionReport } from '@/lib/warest/connection-test';
import { normalizeServerUrl } from '@/lib/warest/server-url';
import type { ServerProfile } from '@/lib/storage';
import { askBackground } from '@/lib/messaging/ask-background';
import { ConnectionReportView } from './ConnectionReportView';
import { UpdateModeLine } from './UpdateModeLine';
import { saveServer, testServer, type Outcome } from './server-actions';
import { useOptionsStore } from './store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

type Status = Outcome | null;

export function ProfileForm({ profile, isDefault }: { profile?: ServerProfile; isDefault: boolean }) {
  const showSaved = useOptionsStore((s) => s.showSaved);
  const lastSave = useOptionsStore((s) => s.lastSave);
  // A profile that came through sync (or an import without keys) has no key yet: ask for one.
  const needsKey = useOptionsStore((s) => !!profile && s.withoutKey.includes(profile.id));
  const [name, setName] = useState(profile?.name ?? '');
  const [serverUrl, setServerUrl] = useState(profile?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [revealKey, setRevealKey] = useState(false);
  const [notifications, setNotifications] = useState(profile?.notifications ?? true);
  const [touched, setTouched] = useState({ name: false, url: false, key: false });
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [status, setStatus] = useState<Status>(profile && lastSave?.profileId === profile.id ? lastSave.outcome : null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const ids = { name: useId(), url: useId(), key: useId(), urlHelp: useId(), keyHelp: useId() };

  const url = normalizeServerUrl(serverUrl);
  const nameError = name.trim() ? null : t('nameMissing');
  const keyError = (!profile || needsKey) && !apiKey.trim()
    ? needsKey ? t('keyMissingSynced') : t('keyMissing')
    : null;
  const urlError = url.ok ? null : url.reason;
  const formValid = !nameError && !keyError && !urlError;

  async function save() {
    setTouched({ name: true, url: true, key: true });
    if (!formValid) return;
    setBusy('save');
    setStatus(null);
    const { outcome, profile: saved } = await saveServer({ name, serverUrl, apiKey, notifications }, profile);
    setBusy(null);
    setStatus(outcome);
    if (!saved) return;
    setApiKey('');
    showSaved(saved.id, outcome);
  }

  async function test() {
    setTouched((was) => ({ ...was, url: true }));
    if (!url.ok) return;
    setBusy('test');
    setStatus(null);
    setReport(null);
    const { outcome, report: result } = await testServer({ serverUrl, apiKey }, profile);
    setBusy(null);
    setStatus(outcome ?? null);
    setReport(result ?? null);
  }

  async function remove() {
    if (!profile) return;
    setConfirmRemove(false);
    const reply = await askBackground('profile.remove', { profileId: profile.id });
    if (!reply.ok) setStatus({ tone: 'error', text: reply.error.message });
  }

  async function makeDefault() {
    if (!profile) return;
    const reply = await askBackground('profile.setDefault', { profileId: profile.id });
    if (!reply.ok) setStatus({ tone: 'error', text: reply.error.message });
    else setStatus({ tone: 'ok', text: t('nowDefault', { name: profile.name }) });
  }

  return (
    <form
      className="card profile-form"
      aria-label={profile ? t('editNamed', { name: profile.name }) : t('addAServer')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{profile ? profile.name : t('addAServer')}</h3>
      <div className="field">
        <label htmlFor={ids.name}>{t('name')}</label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched((was) => ({ ...was, name: true }))}
          placeholder={t('namePlaceholder')}
          aria-invalid={touched.name && !!nameError}
          autoComplete="off"
        />
        {touched.name && nameError && <span className="error-text">{nameError}</span>}
      </div>

      <div className="field">
        <label htmlFor={ids.url}>{t('serverUrl')}</label>
        <input
          id={ids.url}
          value={serverUrl}
          onChange={(e) => {
            setServerUrl(e.target.value);
            setTouched((was) => ({ ...was, url: true }));
          }}
          placeholder={t('urlPlaceholder')}
          aria-invalid={touched.url && !!urlError}
          aria-describedby={ids.urlHelp}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
        <span id={ids.urlHelp}>
          {touched.url && urlError && <span className="error-text">{urlError}</span>}
          {url.ok && url.baseUrl !== serverUrl.trim() && <span className="hint">{t('willConnect', { url: url.baseUrl })}</span>}
          {url.ok && url.warnings.map((warning) => <span key={warning} className="warning-text" role="note"> {warning}</span>)}
        </span>
      </div>

      <div className="field">
        <label htmlFor={ids.key}>{t('apiKey')}</label>
        <div className="field-row">
          <input
            id={ids.key}
            type={revealKey ? 'text' : 'password'}
            value={apiKey}
            onChange={(e) => {
              setApiKey(e.target.value);
              setTouched((was) => ({ ...was, key: true }));
            }}
            placeholder={profile && !needsKey ? t('keyPlaceholderSaved') : t('keyPlaceholder')}
            aria-invalid={touched.key && !!keyError}
            aria-describedby={ids.keyHelp}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="button" aria-pressed={revealKey} onClick={() => setRevealKey((r) => !r)}>
            {revealKey ? t('hideKey') : t('showKey')}
          </button>
        </div>
        <span id={ids.keyHelp}>
          {(touched.key || needsKey) && keyError ? (
            <span className="error-text">{keyError}</span>
          ) : (
            <span className="hint">{t('keyHint')}</span>
          )}
        </span>
      </div>

      {profile && <UpdateModeLine profileId={profile.id} />}

      <label className="check">
        <input type="checkbox" checked={notifications} onChange={(e) => setNotifications(e.target.checked)} />
        <span>{t('notifications')}</span>
      </label>

      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'save' ? t('saving') : t('save')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? t('testing') : t('testConnection')}
        </button>
        {profile && !isDefault && (
          <button type="button" onClick={() => void makeDefault()}>
            {t('makeDefault')}
          </button>
        )}
        {profile && (
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
            {t('remove')}
          </button>
        )}
      </div>

      {status && (
        <div className={`banner ${status.tone}`} role={status.tone === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      )}
      {report && <ConnectionReportView report={report} baseUrl={url.ok ? url.baseUrl : serverUrl} />}
      {confirmRemove && profile && (
        <ConfirmDialog
          title={t('removeTitle', { name: profile.name })}
          confirmLabel={t('remove')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmRemove(false)}
        >
          {t('removeBody')}
        </ConfirmDialog>
      )}
    </form>
  );
}
