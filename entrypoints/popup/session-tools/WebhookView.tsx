import { useId, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { record, text } from '@/lib/answers/loose';
import { firstResult } from '@/lib/warest/api-result';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { callActive, copyAndSay, runAndSay } from '../shared/run-operation';
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

interface Webhook {
  url?: string;
  secret?: string;
}

/**
 * The session's webhook as the server has it. WARest reports it only in the answer of "start a
 * session" (GET /session/create), which on an open session just says "already open"; on any other
 * session it would start a login, so it is read for open sessions only.
 */
function useCurrentWebhook(sessionId: string, open: boolean) {
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  return useLatest<Webhook | null>(async () => {
    if (!open) return { ok: true, data: null };
    const reply = await callActive('getSessionCreate', { sessionId });
    if (!reply.ok) return reply;
    const first = record(firstResult({ ...reply.data, ok: true }));
    const url = text(first?.webhookUrl);
    const secret = text(first?.webhookSecret);
    return { ok: true, data: { ...(url && { url }), ...(secret && { secret }) } };
  }, [sessionId, activeProfileId, open]);
}

const MASK = '••••••••••••';

export function WebhookView({ sessionId }: { sessionId: string }) {
  const { show, snapshots } = usePopupStore();
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  const status = activeProfileId ? snapshots[activeProfileId]?.sessions.find((s) => s.id === sessionId)?.status : undefined;
  const current = useCurrentWebhook(sessionId, status === 'open');
  const known = current.data;
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [reveal, setReveal] = useState(false);
  const [revealCurrent, setRevealCurrent] = useState(false);
  const [verify, setVerify] = useState(true);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = { url: useId(), secret: useId(), current: useId() };
  const urlProblem = checkWebhookUrl(url);
  const secretProblem = secret.trim() ? null : 'Enter a secret, or generate one.';
  // With nothing set (or nothing readable), the form is open from the start.
  const formShown = editing || (!current.loading && !known?.url);

  async function save() {
    setTouched(true);
    if (urlProblem || secretProblem) return;
    setBusy(true);
    const saved = await runAndSay(
      'postSessionSessionIdConfig',
      { sessionId, webhookUrl: url.trim(), webhookSecret: secret.trim(), preflight: verify },
      () => `Webhook saved for “${sessionId}”${verify ? ' after the server verified the URL' : ''}.`,
    );
    setBusy(false);
    if (saved) show({ name: 'list' });
  }

  /** Saves the same URL and secret again with the server's preflight: a signed test delivery. */
  async function sendTest() {
    if (!known?.url || !known.secret) return;
    setBusy(true);
    const done = await runAndSay(
      'postSessionSessionIdConfig',
      { sessionId, webhookUrl: known.url, webhookSecret: known.secret, preflight: true },
      () => `The server sent a signed test to ${known.url} and it answered; the webhook of “${sessionId}” is unchanged.`,
    );
    setBusy(false);
    if (done) void current.reload();
  }

  const startEditing = () => {
    setUrl(known?.url ?? '');
    setSecret(known?.secret ?? '');
    setEditing(true);
  };

  return (
    <section className="panel webhook" aria-label={`Webhook of ${sessionId}`}>
      <h2>Webhook of “{sessionId}”</h2>
      <section className="webhook-current" aria-label="Current webhook">
        <h3>Current webhook</h3>
        {status !== 'open' && (
          <p className="hint">WARest reports a session’s webhook only while it is logged in, so the current one cannot be shown for “{sessionId}” now. You can still set a new one.</p>
        )}
        {status === 'open' && current.loading && !known && (
          <div aria-busy="true" aria-label="Reading the webhook">
            <span className="skeleton" style={{ width: '80%' }} />
            <span className="skeleton" style={{ width: '50%' }} />
          </div>
        )}
        {current.error && <p className="error-text" role="alert">{current.error.message}</p>}
        {known && !known.url && <p>No webhook is set: the server sends this session’s events nowhere.</p>}
        {known?.url && (
          <>
            <dl className="facts">
              <div className="fact">
                <dt>URL</dt>
                <dd><code>{known.url}</code></dd>
              </div>
              <div className="fact">
                <dt id={ids.current}>Secret</dt>
                <dd aria-labelledby={ids.current}>
                  <code aria-label={revealCurrent ? undefined : 'Secret, hidden'}>{known.secret ? (revealCurrent ? known.secret : MASK) : 'none'}</code>
                </dd>
              </div>
            </dl>
            <div className="actions compact">
              {known.secret && (
                <>
                  <button type="button" aria-pressed={revealCurrent} onClick={() => setRevealCurrent(!revealCurrent)}>{revealCurrent ? 'Hide secret' : 'Show secret'}</button>
                  <button type="button" onClick={() => void copyAndSay(known.secret!, 'Secret copied.', ' Press Show secret and copy it by hand.')}>Copy secret</button>
                  <button type="button" disabled={busy} onClick={() => void sendTest()}>Send a test</button>
                </>
              )}
              <button type="button" disabled={current.loading} onClick={() => void current.reload()}>Read again</button>
              {!formShown && <button type="button" onClick={startEditing}>Change…</button>}
            </div>
            <p className="hint">WARest has no way to remove a webhook (its only webhook call needs a URL); to stop deliveries, point it at an address you control.</p>
          </>
        )}
      </section>
      {formShown && (
        <form aria-label={`Set the webhook of ${sessionId}`} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <h3>{known?.url ? 'Change the webhook' : 'Set a webhook'}</h3>
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
            {editing && <button type="button" onClick={() => setEditing(false)}>Keep the current one</button>}
          </div>
        </form>
      )}
      <div className="actions">
        <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
      </div>
    </section>
  );
}
