import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { checkSessionId } from '@/lib/sessions';
import { runOperation } from '../shared/run-operation';
import { usePopupStore } from '../shared/store';

/** Log out a session the list does not show yet, by typing its id. */
export function LogoutByIdView() {
  const show = usePopupStore((s) => s.show);
  const [sessionId, setSessionId] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const inputId = useId();
  const problem = checkSessionId(sessionId.trim());

  return (
    <form className="panel" aria-label="Log out by id" noValidate onSubmit={(e) => { e.preventDefault(); setTouched(true); if (!problem) setConfirming(true); }}>
      <h2>Log out a session by id</h2>
      <div className="field">
        <label htmlFor={inputId}>Session id</label>
        <input id={inputId} value={sessionId} onChange={(e) => { setSessionId(e.target.value); setTouched(true); }} aria-invalid={touched && !!problem} autoComplete="off" spellCheck={false} />
        {touched && problem && <span className="error-text">{problem}</span>}
      </div>
      <div className="actions">
        <button type="submit" className="primary">Log out</button>
        <button type="button" onClick={() => show({ name: 'list' })}>Cancel</button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Log out “${sessionId.trim()}”?`}
          confirmLabel="Log out"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void runOperation('getSessionLogout', { sessionId: sessionId.trim() }, () => `Logged out “${sessionId.trim()}”. Its WhatsApp credentials were removed; the session stays registered.`).then((done) => done && show({ name: 'list' }));
          }}
        >
          WhatsApp on this session is signed out and its credentials are purged from the server. The session stays registered.
        </ConfirmDialog>
      )}
    </form>
  );
}
