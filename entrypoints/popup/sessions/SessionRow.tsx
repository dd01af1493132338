import { lazy, memo, Suspense, useState } from 'react';
import { CopyIcon } from '@/components/CopyIcon';
import { STATUS_INFO, type SessionSummary } from '@/lib/sessions';
import { askBackground } from '@/lib/messaging/ask-background';
import type { OperationId } from '@/lib/warest/catalog';
import { ago, showPhone } from '../shared/format';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';

/** The confirmation loads when first asked for: most openings of the popup never ask. */
const ConfirmDialog = lazy(() => import('@/components/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));

// Running an action (and the clipboard) loads with the first click: the list paints without them.
const runOperation = (operationId: OperationId, inputs: { sessionId: string }, describe: () => string) =>
  import('../shared/run-operation').then((m) => m.runOperation(operationId, inputs, describe));
const copyAndSay = (text: string, copied: string) => import('../shared/run-operation').then((m) => m.copyAndSay(text, copied));

/** Every row has the same height so long lists can be windowed. */
export const ROW_HEIGHT = 92;

type Confirming = 'logout' | 'delete' | null;

export const SessionRow = memo(function SessionRow(props: { session: SessionSummary; position: number; total: number; highlighted: boolean }) {
  const { session, position, total, highlighted } = props;
  const info = STATUS_INFO[session.status];
  const show = usePopupStore((s) => s.show);
  const say = usePopupStore((s) => s.say);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const needsLogin = session.status === 'logged_out' || session.status === 'connecting';
  const phone = showPhone(session.phone);

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    await run();
    setBusy(false);
  }

  const logout = () =>
    act(() => runOperation('getSessionLogout', { sessionId: session.id }, () => `Logged out “${session.id}”. Its WhatsApp credentials were removed; the session stays registered and can log in again.`));
  const reconnect = () => act(() => runOperation('getSessionReconnect', { sessionId: session.id }, () => `Reconnecting “${session.id}”.`));
  const remove = () => act(() => runOperation('deleteSessionDelete', { sessionId: session.id }, () => `Deleted session “${session.id}”.`));
  const login = () =>
    act(async () => {
      const reply = await askBackground('login.start', { profileId: useProfileChoice.getState().activeProfileId ?? undefined, sessionId: session.id, method: 'qr' });
      if (reply.ok) show({ name: 'login' });
      else say({ tone: 'error', text: reply.error.message });
    });

  return (
    <li
      className={`session-row tone-${info.tone}${highlighted ? ' highlighted' : ''}`}
      aria-label={`${session.id}, ${info.word}`}
      aria-setsize={total}
      aria-posinset={position}
      aria-current={highlighted ? 'true' : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      <div className="session-line">
        <span className="dot" aria-hidden="true" />
        <strong className="session-id">{session.id}</strong>
        <span className="status-word" title={info.hint}>{info.word}</span>
        {session.status === 'open' && (
          <span className="session-nav">
            <button type="button" onClick={() => show({ name: 'compose', sessionId: session.id })}>Send</button>
            <button type="button" onClick={() => show({ name: 'chats', sessionId: session.id })}>Chats</button>
            <button type="button" onClick={() => show({ name: 'groups', sessionId: session.id })}>Groups</button>
            <button type="button" onClick={() => show({ name: 'profile', sessionId: session.id })}>Profile</button>
          </span>
        )}
        <button
          type="button"
          className="icon small"
          aria-label={`Copy session id ${session.id}`}
          title="Copy id"
          onClick={() => void copyAndSay(session.id, `Copied “${session.id}”.`)}
        >
          <CopyIcon />
        </button>
      </div>
      <div className="session-meta hint">
        {[session.name, phone, session.lastConnection ? `last connected ${ago(session.lastConnection)}` : null].filter(Boolean).join(' · ') || info.hint}
      </div>
      <div className="session-actions">
        {needsLogin ? (
          <button type="button" disabled={busy} onClick={() => void login()}>Log in</button>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirming('logout')}>Log out</button>
        )}
        <button type="button" disabled={busy} onClick={() => void reconnect()}>Reconnect</button>
        <button type="button" disabled={busy} onClick={() => show({ name: 'devices', sessionId: session.id })}>Devices</button>
        <button type="button" disabled={busy} onClick={() => show({ name: 'webhook', sessionId: session.id })}>Webhook</button>
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming('delete')}>Delete</button>
      </div>
      <Suspense fallback={null}>
      {confirming === 'logout' && (
        <ConfirmDialog title={`Log out “${session.id}”?`} confirmLabel="Log out" onCancel={() => setConfirming(null)} onConfirm={() => { setConfirming(null); void logout(); }}>
          WhatsApp on this session is signed out and its credentials are purged from the server. The session stays registered, so you can log it in again with a new QR code or pairing code.
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={`Delete “${session.id}”?`}
          confirmLabel="Delete"
          typeToConfirm={session.id}
          onCancel={() => setConfirming(null)}
          onConfirm={() => { setConfirming(null); void remove(); }}
        >
          The session is removed from the server with its credentials and settings. This cannot be undone.
        </ConfirmDialog>
      )}
      </Suspense>
    </li>
  );
});
