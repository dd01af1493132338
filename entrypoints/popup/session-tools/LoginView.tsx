import { useEffect, useState } from 'react';
import { askBackground } from '@/lib/messaging/ask-background';
import { groupCode } from '../shared/format';
import { usePopupStore } from '../shared/store';
import { copyAndSay } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('sessiontools');

/** How often the popup asks the background for news of the login while it is open. */
const POLL_MS = 2500;

/**
 * The login in progress: the QR code, large enough to scan, with its countdown; or the pairing
 * code, grouped and copyable. The state lives in storage, so closing the popup loses nothing.
 */
export function LoginView() {
  const { login, show, refresh } = usePopupStore();
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!login || login.state !== 'waiting') return;
    void askBackground('login.poll', {});
    const poll = setInterval(() => void askBackground('login.poll', {}), POLL_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(poll);
      clearInterval(tick);
    };
  }, [login?.state, login?.sessionId]);

  if (!login) {
    return (
      // A section like the views below, so its heading is the same element when the login comes
      // in and keeps the focus (view-focus.ts also gives it back if a redraw takes it).
      <section className="panel" aria-label={t('logIn')}>
        <h2>{t('logIn')}</h2>
        <p>{t('noLogin')}</p>
        <button type="button" onClick={() => show({ name: 'list' })}>{t('backToSessions')}</button>
      </section>
    );
  }

  const finish = async () => {
    await askBackground('login.cancel', {});
    show({ name: 'list' });
    void refresh();
  };

  if (login.state === 'open') {
    return (
      <section className="panel login-done" aria-label={t('loginOf', { session: login.sessionId })}>
        <h2>{t('loggedIn', { session: login.sessionId })}</h2>
        <p role="status" className="banner ok">{t('connected')}</p>
        <button type="button" className="primary" onClick={() => void finish()}>{t('done')}</button>
      </section>
    );
  }

  const secondsLeft = login.qrReceivedAt && login.qrDuration ? Math.max(0, Math.ceil(login.qrDuration - (now - login.qrReceivedAt) / 1000)) : undefined;
  return (
    <section className="panel" aria-label={t('loginOf', { session: login.sessionId })}>
      <h2>{t('logInSession', { session: login.sessionId })}</h2>
      {login.state === 'failed' && <p className="error-text" role="alert">{login.message ?? t('loginFailed')}</p>}
      {login.state === 'waiting' && login.message && <p className="warning-text" role="alert">{login.message}</p>}
      {login.method === 'qr' && login.state === 'waiting' && (
        <>
          <p>{t('qrSteps')}</p>
          {login.qr ? (
            <figure className="qr">
              <img src={login.qr} alt={t('qrAlt', { session: login.sessionId })} width={264} height={264} />
              <figcaption role="timer" aria-live="off">
                {secondsLeft === undefined ? '' : secondsLeft > 0 ? t('newCodeIn', { seconds: secondsLeft }) : t('gettingNewCode')}
              </figcaption>
            </figure>
          ) : (
            <div className="qr" aria-busy="true">
              <span className="skeleton qr-skeleton" aria-hidden="true" />
              <p className="hint">{t('waitingQr')}</p>
            </div>
          )}
        </>
      )}
      {login.method === 'pairing' && login.state === 'waiting' && (
        <>
          <p>{t('pairingSteps')}</p>
          {login.pairingCode ? (
            <div className="pairing">
              <output className="pairing-code" aria-label={t('pairingCode')}>{groupCode(login.pairingCode)}</output>
              <button type="button" onClick={() => void copyAndSay(groupCode(login.pairingCode!), t('pairingCopied'), t('pairingCopyRefused'))}>
                {t('copyCode')}
              </button>
            </div>
          ) : (
            <p className="hint">{t('waitingPairing')}</p>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={() => void finish()}>{t('cancelLogin')}</button>
        <button type="button" onClick={() => show({ name: 'list' })}>{t('backToSessions')}</button>
      </div>
    </section>
  );
}
