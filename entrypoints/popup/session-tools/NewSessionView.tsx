import { useId, useState } from 'react';
import { checkSessionId, STATUS_INFO } from '@/lib/sessions';
import { askBackground } from '@/lib/messaging/ask-background';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';
import { CountryCodeFix } from '@/components/CountryCodeFix';
import { useDefaultCountry } from '@/components/use-default-country';

const t = textsOf('sessiontools');

/**
 * Choose an id, then log in by QR code or by pairing code. An id the server already has is only
 * refused when that session is open: one that is not (a create that failed halfway, say) is
 * offered a login instead, and a failed start can always be tried again.
 */
export function NewSessionView() {
  const { snapshots, show, refresh } = usePopupStore();
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  const sessions = (activeProfileId && snapshots[activeProfileId]?.sessions) || [];
  const existing = sessions.filter((s) => s.status === 'open').map((s) => s.id);
  const [failed, setFailed] = useState(false);
  const [sessionId, setSessionId] = useState('');
  const [method, setMethod] = useState<'qr' | 'pairing'>('qr');
  const [phone, setPhone] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const country = useDefaultCountry();
  const ids = { id: useId(), phone: useId(), idHelp: useId() };
  const idProblem = checkSessionId(sessionId.trim(), existing);
  const notOpen = idProblem ? undefined : sessions.find((s) => s.id === sessionId.trim());

  async function start() {
    setTouched(true);
    if (idProblem) return;
    if (method === 'pairing' && !phone.trim()) return setError(t('enterPhone'));
    setBusy(true);
    setError(null);
    const reply = await askBackground('login.start', {
      ...(activeProfileId && { profileId: activeProfileId }),
      sessionId: sessionId.trim(),
      method,
      ...(method === 'pairing' && { phone }),
    });
    setBusy(false);
    if (!reply.ok) {
      setFailed(true);
      // The server may have registered the session before failing: the list says so once read again.
      void refresh();
      return setError(t('startFailed', { error: reply.error.message }));
    }
    usePopupStore.getState().showLogin(reply.data);
  }

  return (
    <form className="panel" aria-label={t('newSession')} noValidate onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <h2>{t('newSession')}</h2>
      <div className="field">
        <label htmlFor={ids.id}>{t('sessionId')}</label>
        <input
          id={ids.id}
          value={sessionId}
          onChange={(e) => { setSessionId(e.target.value); setTouched(true); }}
          placeholder={t('sessionIdPlaceholder')}
          aria-invalid={touched && !!idProblem}
          aria-describedby={ids.idHelp}
          autoComplete="off"
          spellCheck={false}
        />
        <span id={ids.idHelp} className={touched && idProblem ? 'error-text' : 'hint'}>
          {touched && idProblem
            ? existing.includes(sessionId.trim())
              ? t('idTakenLoggedIn', { problem: idProblem })
              : idProblem
            : notOpen
              ? t('alreadyOnServer', { id: notOpen.id, status: STATUS_INFO[notOpen.status].word })
              : t('idRule')}
        </span>
      </div>
      {method === 'pairing' && (
        <div className="field">
          <label htmlFor={ids.phone}>{t('phoneNumber')}</label>
          <input id={ids.phone} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+62 812-3456-7890" autoComplete="off" />
          <span className="hint">{t('phoneHint')}</span>
        </div>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      {error && method === 'pairing' && <CountryCodeFix country={country} typed={phone} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('starting') : notOpen ? t('logInSession', { session: notOpen.id }) : failed ? t('tryAgain') : method === 'qr' ? t('showQr') : t('getPairingCode')}
        </button>
        <button type="button" className="link" onClick={() => { setMethod(method === 'qr' ? 'pairing' : 'qr'); setError(null); }}>
          {method === 'qr' ? t('usePairingInstead') : t('useQrInstead')}
        </button>
        <button type="button" onClick={() => show({ name: 'list' })}>{t('cancel')}</button>
      </div>
    </form>
  );
}
