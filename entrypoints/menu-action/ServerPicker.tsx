import { useId } from 'react';
import type { SessionSummary } from '@/lib/sessions';
import type { ServerChoice } from './use-server-choice';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');
const common = textsOf('common');

function sessionLabel(session: SessionSummary): string {
  const who = [session.name, session.phone && `+${session.phone}`].filter(Boolean).join(' · ');
  return who ? `${session.id} — ${who}` : session.id;
}

/**
 * The server (when there are several) and, unless `sessions` is false, the open session to act
 * with. Says plainly when the server has no open session.
 */
export function ServerPicker({ choice, sessions = true }: { choice: ServerChoice; sessions?: boolean }) {
  const profileSelect = useId();
  const sessionSelect = useId();
  const { profiles, profileId, profileName, openSessions, sessionId, refreshing, refreshError } = choice;
  return (
    <div className="server-picker">
      {profiles.length > 1 ? (
        <div className="field">
          <label htmlFor={profileSelect}>{common('server')}</label>
          <select id={profileSelect} value={profileId ?? ''} onChange={(e) => choice.setProfileId(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
      ) : (
        <p className="hint">{t('serverName', { name: profileName })}</p>
      )}
      {sessions && openSessions.length > 0 && (
        <div className="field">
          <label htmlFor={sessionSelect}>{t('session')}</label>
          <select id={sessionSelect} value={sessionId ?? ''} onChange={(e) => choice.setSessionId(e.target.value)}>
            {openSessions.map((s) => (
              <option key={s.id} value={s.id}>{sessionLabel(s)}</option>
            ))}
          </select>
        </div>
      )}
      {openSessions.length === 0 && (
        refreshing ? (
          <p className="hint" aria-busy="true">{t('lookingForSessions')}</p>
        ) : (
          <p className="banner warn" role="alert">{t('noOpenSession', { server: profileName })}</p>
        )
      )}
      {refreshError && <p className="error-text" role="alert">{refreshError}</p>}
    </div>
  );
}
