import { useEffect, useState } from 'react';
import { askBackground } from '@/lib/messaging/ask-background';
import { groupCode } from '../shared/format';
import { usePopupStore } from '../shared/store';
import { copyAndSay } from '../shared/run-operation';

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
      <div className="panel">
        <h2>Log in</h2>
        <p>No login in progress.</p>
        <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
      </div>
    );
  }

  const finish = async () => {
    await askBackground('login.cancel', {});
    show({ name: 'list' });
    void refresh();
  };

  if (login.state === 'open') {
    return (
      <section className="panel login-done" aria-label={`Login of ${login.sessionId}`}>
        <h2>“{login.sessionId}” is logged in</h2>
        <p role="status" className="banner ok">WhatsApp is connected. The session is ready to send and receive messages.</p>
        <button type="button" className="primary" onClick={() => void finish()}>Done</button>
      </section>
    );
  }

  const secondsLeft = login.qrReceivedAt && login.qrDuration ? Math.max(0, Math.ceil(login.qrDuration - (now - login.qrReceivedAt) / 1000)) : undefined;
  return (
    <section className="panel" aria-label={`Login of ${login.sessionId}`}>
      <h2>Log in “{login.sessionId}”</h2>
      {login.state === 'failed' && <p className="error-text" role="alert">{login.message ?? 'The login failed.'}</p>}
      {login.state === 'waiting' && login.message && <p className="warning-text" role="alert">{login.message}</p>}
      {login.method === 'qr' && login.state === 'waiting' && (
        <>
          <p>On your phone open WhatsApp → Settings → Linked devices → Link a device, and scan this code.</p>
          {login.qr ? (
            <figure className="qr">
              <img src={login.qr} alt={`QR code to log in session ${login.sessionId}`} width={264} height={264} />
              <figcaption role="timer" aria-live="off">
                {secondsLeft === undefined ? '' : secondsLeft > 0 ? `New code in ${secondsLeft} s` : 'Getting a new code…'}
              </figcaption>
            </figure>
          ) : (
            <div className="qr" aria-busy="true">
              <span className="skeleton qr-skeleton" aria-hidden="true" />
              <p className="hint">Waiting for the server to send a QR code…</p>
            </div>
          )}
        </>
      )}
      {login.method === 'pairing' && login.state === 'waiting' && (
        <>
          <p>On your phone open WhatsApp → Settings → Linked devices → Link a device → “Link with phone number instead”, and enter this code:</p>
          {login.pairingCode ? (
            <div className="pairing">
              <output className="pairing-code" aria-label="Pairing code">{groupCode(login.pairingCode)}</output>
              <button type="button" onClick={() => void copyAndSay(groupCode(login.pairingCode!), 'Pairing code copied.', ' Type the code shown above into WhatsApp instead.')}>
                Copy code
              </button>
            </div>
          ) : (
            <p className="hint">Waiting for the pairing code…</p>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={() => void finish()}>Cancel login</button>
        <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
      </div>
    </section>
  );
}
