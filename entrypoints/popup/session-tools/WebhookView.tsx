import { useId, useState } from 'react';
import { runOperation, copyAndSay } from '../shared/run-operation';
import { usePopupStore } from '../shared/store';

/** A strong random secret for signing webhook deliveries. */
function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function checkWebhookUrl(text: string): string | null {
  const value = text.trim();
  if (!value) return 'Enter the URL that should receive this session’s events.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a valid URL. Example: https://hooks.example.com/warest';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http:// or https:// URL.';
  if (!url.hostname) return 'The URL has no host.';
  return null;
}

export function WebhookView({ sessionId }: { sessionId: string }) {
  const { show } = usePopupStore();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [reveal, setReveal] = useState(false);
  const [verify, setVerify] = useState(true);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = { url: useId(), secret: useId() };
  const urlProblem = checkWebhookUrl(url);
  const secretProblem = secret.trim() ? null : 'Enter a secret, or generate one.';

  async function save() {
    setTouched(true);
    if (urlProblem || secretProblem) return;
    setBusy(true);
    const saved = await runOperation(
      'postSessionSessionIdConfig',
      { sessionId, webhookUrl: url.trim(), webhookSecret: secret.trim(), preflight: verify },
      () => `Webhook saved for “${sessionId}”${verify ? ' after the server verified the URL' : ''}.`,
    );
    setBusy(false);
    if (saved) show({ name: 'list' });
  }

  return (
    <form className="panel" aria-label={`Webhook of ${sessionId}`} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>Webhook of “{sessionId}”</h2>
      <div className="field">
        <label htmlFor={ids.url}>Webhook URL</label>
        <input id={ids.url} type="url" value={url} onChange={(e) => { setUrl(e.target.value); setTouched(true); }} placeholder="https://hooks.example.com/warest" aria-invalid={touched && !!urlProblem} autoComplete="off" spellCheck={false} />
        {touched && urlProblem && <span className="error-text">{urlProblem}</span>}
      </div>
      <div className="field">
        <label htmlFor={ids.secret}>Webhook secret</label>
        <div className="field-row">
          <input id={ids.secret} type={reveal ? 'text' : 'password'} value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={touched && !!secretProblem} autoComplete="off" spellCheck={false} />
          <button type="button" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>{reveal ? 'Hide' : 'Show'}</button>
        </div>
        <div className="actions compact">
          <button type="button" onClick={() => { setSecret(generateSecret()); setReveal(true); }}>Generate</button>
          <button type="button" disabled={!secret} onClick={() => void copyAndSay(secret, 'Secret copied.', ' Press Show and copy it by hand.')}>Copy secret</button>
        </div>
        {touched && secretProblem && <span className="error-text">{secretProblem}</span>}
      </div>
      <label className="check">
        <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.target.checked)} />
        <span>Verify before saving (the server calls the URL first)</span>
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save webhook'}</button>
        <button type="button" onClick={() => show({ name: 'list' })}>Cancel</button>
      </div>
    </form>
  );
}
