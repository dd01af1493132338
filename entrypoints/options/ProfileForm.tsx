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
  const nameError = name.trim() ? null : 'Give the server a name, e.g. “Office server”.';
  const keyError = (!profile || needsKey) && !apiKey.trim()
    ? needsKey ? 'No API key is saved for this server in this browser yet: enter its API key (X-WAREST-API-KEY), then save.' : 'Enter the API key (X-WAREST-API-KEY) from your WARest server.'
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
    setTouched((t) => ({ ...t, url: true }));
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
    else setStatus({ tone: 'ok', text: `“${profile.name}” is now the default server.` });
  }

  return (
    <form
      className="card profile-form"
      aria-label={profile ? `Edit ${profile.name}` : 'Add a server'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{profile ? profile.name : 'Add a server'}</h3>
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched((t) => ({ ...t, name: true }))}
          placeholder="Office server"
          aria-invalid={touched.name && !!nameError}
          autoComplete="off"
        />
        {touched.name && nameError && <span className="error-text">{nameError}</span>}
      </div>

      <div className="field">
        <label htmlFor={ids.url}>Server URL</label>
        <input
          id={ids.url}
          value={serverUrl}
          onChange={(e) => {
            setServerUrl(e.target.value);
            setTouched((t) => ({ ...t, url: true }));
          }}
          placeholder="https://warest.example.com"
          aria-invalid={touched.url && !!urlError}
          aria-describedby={ids.urlHelp}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
        <span id={ids.urlHelp}>
          {touched.url && urlError && <span className="error-text">{urlError}</span>}
          {url.ok && url.baseUrl !== serverUrl.trim() && <span className="hint">Will connect to {url.baseUrl}</span>}
          {url.ok && url.warnings.map((warning) => <span key={warning} className="warning-text" role="note"> {warning}</span>)}
        </span>
      </div>

      <div className="field">
        <label htmlFor={ids.key}>API key</label>
        <div className="field-row">
          <input
            id={ids.key}
            type={revealKey ? 'text' : 'password'}
            value={apiKey}
            onChange={(e) => {
              setApiKey(e.target.value);
              setTouched((t) => ({ ...t, key: true }));
            }}
            placeholder={profile && !needsKey ? 'Saved — type a new key to replace it' : 'X-WAREST-API-KEY'}
            aria-invalid={touched.key && !!keyError}
            aria-describedby={ids.keyHelp}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="button" aria-pressed={revealKey} onClick={() => setRevealKey((r) => !r)}>
            {revealKey ? 'Hide key' : 'Show key'}
          </button>
        </div>
        <span id={ids.keyHelp}>
          {(touched.key || needsKey) && keyError ? (
            <span className="error-text">{keyError}</span>
          ) : (
            <span className="hint">Stays in this browser; only the extension’s background uses it.</span>
          )}
        </span>
      </div>

      {profile && <UpdateModeLine profileId={profile.id} />}

      <label className="check">
        <input type="checkbox" checked={notifications} onChange={(e) => setNotifications(e.target.checked)} />
        <span>Desktop notifications for this server’s sessions</span>
      </label>

      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        {profile && !isDefault && (
          <button type="button" onClick={() => void makeDefault()}>
            Make default
          </button>
        )}
        {profile && (
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
            Remove
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
          title={`Remove “${profile.name}”?`}
          confirmLabel="Remove"
          onConfirm={() => void remove()}
          onCancel={() => setConfirmRemove(false)}
        >
          Its settings and API key are deleted from this browser. The server and its WhatsApp sessions are not affected.
        </ConfirmDialog>
      )}
    </form>
  );
}
