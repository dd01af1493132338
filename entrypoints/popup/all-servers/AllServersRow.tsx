import { memo, useState } from 'react';
import type { AllServersRow as Row, ServerLine } from '@/lib/all-servers';
import { STATUS_INFO } from '@/lib/sessions';
import { troubleWords } from '@/lib/warest/server-trouble';
import { ago, showPhone } from '../shared/format';
import { primaryAction } from '../shared/session-order';
import { logIn, openServer, openSession, reconnect } from './row-actions';

/** One session of one server: its server's name, state, and what to do, on that server. */
export const AllServersRow = memo(function AllServersRow({ row }: { row: Row }) {
  const { profileId, serverName, session } = row;
  const info = STATUS_INFO[session.status];
  const [busy, setBusy] = useState(false);
  // Logged out, starting or connecting: a login is what helps (shared/session-order.ts).
  const needsLogin = primaryAction(session.status) === 'login';
  const act = (run: () => Promise<void>) => {
    setBusy(true);
    void run().finally(() => setBusy(false));
  };
  const meta = [session.name, showPhone(session.phone), session.lastConnection ? `last connected ${ago(session.lastConnection)}` : null].filter(Boolean).join(' · ');
  return (
    <li className={`session-row tone-${info.tone}`} aria-label={`${session.id} on ${serverName}, ${info.word}`}>
      <span className="dot" aria-hidden="true" />
      <div className="session-text">
        <div className="session-line">
          <strong className="session-id" title={session.id}>{session.id}</strong>
          <span className="status-word" title={info.hint}>{info.word}</span>
          <span className="server-name" title={serverName}>{serverName}</span>
        </div>
        <div className="session-meta">{meta || info.hint}</div>
      </div>
      <div className="session-actions">
        <button type="button" onClick={() => openSession(profileId, session.id)} aria-label={`Open ${session.id} on ${serverName}`}>Open</button>
        {needsLogin ? (
          <button type="button" disabled={busy} onClick={() => act(() => logIn(profileId, session.id))} aria-label={`Log in ${session.id} on ${serverName}`}>Log in</button>
        ) : (
          <button type="button" disabled={busy} onClick={() => act(() => reconnect(profileId, serverName, session.id))} aria-label={`Reconnect ${session.id} on ${serverName}`}>Reconnect</button>
        )}
      </div>
    </li>
  );
});

/** A server whose sessions could not be read, or not yet: one line, not a wall of errors. */
export function ServerLineRow({ line }: { line: ServerLine }) {
  const words = line.kind === 'unread' ? 'Not read yet' : troubleWords(line.server);
  const detail = line.kind === 'trouble' ? line.server.message : undefined;
  return (
    <li className={`server-line tone-${line.kind === 'unread' ? 'pending' : 'bad'}`} aria-label={`${line.serverName}: ${words}`}>
      <span className="dot" aria-hidden="true" />
      <strong>{line.serverName}</strong>
      <span className="trouble hint" title={detail}>{words}{detail ? ` — ${detail}` : ''}</span>
      <button type="button" onClick={() => openServer(line.profileId)} aria-label={`Open ${line.serverName}`}>Open</button>
    </li>
  );
}
