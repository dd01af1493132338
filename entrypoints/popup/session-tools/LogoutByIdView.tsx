import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { checkSessionId } from '@/lib/sessions';
import { runOperation } from '../shared/run-operation';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('sessiontools');

/** Log out a session the list does not show yet, by typing its id. */
export function LogoutByIdView() {
  const show = usePopupStore((s) => s.show);
  const [sessionId, setSessionId] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const inputId = useId();
  const problem = checkSessionId(sessionId.trim());

  return (
    <form className="panel" aria-label={t('logoutById')} noValidate onSubmit={(e) => { e.preventDefault(); setTouched(true); if (!problem) setConfirming(true); }}>
      <h2>{t('logoutByIdTitle')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('sessionId')}</label>
        <input id={inputId} value={sessionId} onChange={(e) => { setSessionId(e.target.value); setTouched(true); }} aria-invalid={touched && !!problem} autoComplete="off" spellCheck={false} />
        {touched && problem && <span className="error-text">{problem}</span>}
      </div>
      <div className="actions">
        <button type="submit" className="primary">{t('logOut')}</button>
        <button type="button" onClick={() => show({ name: 'list' })}>{t('cancel')}</button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('logOutTitle', { id: sessionId.trim() })}
          confirmLabel={t('logOut')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void runOperation('getSessionLogout', { sessionId: sessionId.trim() }, () => t('loggedOut', { id: sessionId.trim() })).then((done) => done && show({ name: 'list' }));
          }}
        >
          {t('logOutBody')}
        </ConfirmDialog>
      )}
    </form>
  );
}
