import { useId, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { record, text } from '@/lib/answers/loose';
import { firstResult } from '@/lib/warest/api-result';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { callActive, copyAndSay, runAndSay } from '../shared/run-operation';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('sessiontools');

/** A strong random secret for signing webhook deliveries. */
function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function checkWebhookUrl(text: string): string | null {
  const value = text.trim();
  if (!value) return t('urlMissing');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t('urlInvalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return t('urlProtocol');
  if (!url.hostname) return t('urlNoHost');
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
  const secretProblem = secret.trim() ? null : t('secretMissing');
  // With nothing set (or nothing readable), the form is open from the start.
  const formShown = editing || (!current.loading && !known?.url);

  async function save() {
    setTouched(true);
    if (urlProblem || secretProblem) return;
    setBusy(true);
    const saved = await runAndSay(
      'postSessionSessionIdConfig',
      { sessionId, webhookUrl: url.trim(), webhookSecret: secret.trim(), preflight: verify },
      () => (verify ? t('savedVerified', { session: sessionId }) : t('saved', { session: sessionId })),
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
      () => t('testSent', { url: known.url ?? '', session: sessionId }),
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
    <section className="panel webhook" aria-label={t('webhookOf', { session: sessionId })}>
      <h2>{t('webhookOfTitle', { session: sessionId })}</h2>
      <section className="webhook-current" aria-label={t('currentWebhook')}>
        <h3>{t('currentWebhook')}</h3>
        {status !== 'open' && (
          <p className="hint">{t('notOpenHint', { session: sessionId })}</p>
        )}
        {status === 'open' && current.loading && !known && (
          <div aria-busy="true" aria-label={t('readingWebhook')}>
            <span className="skeleton" style={{ width: '80%' }} />
            <span className="skeleton" style={{ width: '50%' }} />
          </div>
        )}
        {current.error && <p className="error-text" role="alert">{current.error.message}</p>}
        {known && !known.url && <p>{t('noWebhook')}</p>}
        {known?.url && (
          <>
            <dl className="facts">
              <div className="fact">
                <dt>{t('url')}</dt>
                <dd><code>{known.url}</code></dd>
              </div>
              <div className="fact">
                <dt id={ids.current}>{t('secret')}</dt>
                <dd aria-labelledby={ids.current}>
                  <code aria-label={revealCurrent ? undefined : t('secretHidden')}>{known.secret ? (revealCurrent ? known.secret : MASK) : t('none')}</code>
                </dd>
              </div>
            </dl>
            <div className="actions compact">
              {known.secret && (
                <>
                  <button type="button" aria-pressed={revealCurrent} onClick={() => setRevealCurrent(!revealCurrent)}>{revealCurrent ? t('hideSecret') : t('showSecret')}</button>
                  <button type="button" onClick={() => void copyAndSay(known.secret!, t('secretCopied'), t('secretCopyRefusedCurrent'))}>{t('copySecret')}</button>
                  <button type="button" disabled={busy} onClick={() => void sendTest()}>{t('sendTest')}</button>
                </>
              )}
              <button type="button" disabled={current.loading} onClick={() => void current.reload()}>{t('readAgain')}</button>
              {!formShown && <button type="button" onClick={startEditing}>{t('change')}</button>}
            </div>
            <p className="hint">{t('cannotRemove')}</p>
          </>
        )}
      </section>
      {formShown && (
        <form aria-label={t('setWebhookOf', { session: sessionId })} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <h3>{known?.url ? t('changeWebhook') : t('setWebhook')}</h3>
          <div className="field">
            <label htmlFor={ids.url}>{t('webhookUrl')}</label>
            <input id={ids.url} type="url" value={url} onChange={(e) => { setUrl(e.target.value); setTouched(true); }} placeholder={t('urlPlaceholder')} aria-invalid={touched && !!urlProblem} autoComplete="off" spellCheck={false} />
            {touched && urlProblem && <span className="error-text">{urlProblem}</span>}
          </div>
          <div className="field">
            <label htmlFor={ids.secret}>{t('webhookSecret')}</label>
            <div className="field-row">
              <input id={ids.secret} type={reveal ? 'text' : 'password'} value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={touched && !!secretProblem} autoComplete="off" spellCheck={false} />
              <button type="button" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>{reveal ? t('hide') : t('show')}</button>
            </div>
            <div className="actions compact">
              <button type="button" onClick={() => { setSecret(generateSecret()); setReveal(true); }}>{t('generate')}</button>
              <button type="button" disabled={!secret} onClick={() => void copyAndSay(secret, t('secretCopied'), t('secretCopyRefusedForm'))}>{t('copySecret')}</button>
            </div>
            {touched && secretProblem && <span className="error-text">{secretProblem}</span>}
          </div>
          <label className="check">
            <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.target.checked)} />
            <span>{t('verifyFirst')}</span>
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>{busy ? t('saving') : t('saveWebhook')}</button>
            {editing && <button type="button" onClick={() => setEditing(false)}>{t('keepCurrent')}</button>}
          </div>
        </form>
      )}
      <div className="actions">
        <button type="button" onClick={() => show({ name: 'list' })}>{t('backToSessions')}</button>
      </div>
    </section>
  );
}
