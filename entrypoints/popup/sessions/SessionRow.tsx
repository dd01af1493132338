import { lazy, memo, Suspense, useState } from 'react';
import { MenuButton, type MenuItem } from '@/components/MenuButton';
import { STATUS_INFO, type SessionSummary } from '@/lib/sessions';
import { askBackground } from '@/lib/messaging/ask-background';
import type { OperationId } from '@/lib/warest/catalog';
import { ago, showPhone } from '../shared/format';
import { primaryAction } from '../shared/session-order';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';

/** The confirmation loads when first asked for: most openings of the popup never ask. */
const ConfirmDialog = lazy(() => import('@/components/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));

// Running an action (and the clipboard) loads with the first click: the list paints without them.
const runOperation = (operationId: OperationId, inputs: { sessionId: string }, describe: () => string) =>
  import('../shared/run-operation').then((m) => m.runOperation(operationId, inputs, describe));
const copyAndSay = (text: string, copied: string) => import('../shared/run-operation').then((m) => m.copyAndSay(text, copied));

/** Every row has the same height so long lists can be windowed (two lines: ≥ 6 rows in a 600 px popup). */
export const ROW_HEIGHT = 56;

type Confirming = 'logout' | 'delete' | null;

/** States with WhatsApp credentials on the server: those are what Log out purges. */
const HAS_CREDENTIALS = new Set(['open', 'reconnecting', 'replaced', 'stopped', 'unknown']);

export const SessionRow = memo(function SessionRow(props: { session: SessionSummary; position: number; total: number; highlighted: boolean }) {
  const { session, position, total, highlighted } = props;
  const info = STATUS_INFO[session.status];
  const show = usePopupStore((s) => s.show);
  const say = usePopupStore((s) => s.say);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const primary = primaryAction(session.status);
  const phone = showPhone(session.phone);
  const id = session.id;

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    await run();
    setBusy(false);
  }

  const logout = () =>
    act(() => runOperation('getSessionLogout', { sessionId: id }, () => `Logged out “${id}”. Its WhatsApp credentials were removed; the session stays registered and can log in again.`));
  const reconnect = () => act(() => runOperation('getSessionReconnect', { sessionId: id }, () => `Reconnecting “${id}”.`));
  const remove = () => act(() => runOperation('deleteSessionDelete', { sessionId: id }, () => `Deleted session “${id}”.`));
  const login = () =>
    act(async () => {
      const reply = await askBackground('login.start', { profileId: useProfileChoice.getState().activeProfileId ?? undefined, sessionId: id, method: 'qr' });
      if (reply.ok) show({ name: 'login' });
      else say({ tone: 'error', text: reply.error.message });
    });

  // The primary action stays in view; everything else is in the menu, destructive ones last.
  const items: MenuItem[] = [];
  if (session.status === 'open') {
    items.push(
      { label: 'Chats', onSelect: () => show({ name: 'chats', sessionId: id }) },
      { label: 'Groups', onSelect: () => show({ name: 'groups', sessionId: id }) },
      { label: 'Profile', onSelect: () => show({ name: 'profile', sessionId: id }) },
    );
  }
  if (primary !== 'login' && session.status !== 'open') items.push({ label: 'Log in', onSelect: () => void login(), disabled: busy });
  if (primary !== 'reconnect') items.push({ label: 'Reconnect', onSelect: () => void reconnect(), disabled: busy });
  items.push(
    { label: 'Devices', onSelect: () => show({ name: 'devices', sessionId: id }) },
    { label: 'Webhook', onSelect: () => show({ name: 'webhook', sessionId: id }) },
    { label: 'Copy id', onSelect: () => void copyAndSay(id, `Copied “${id}”.`) },
  );
  if (HAS_CREDENTIALS.has(session.status)) items.push({ label: 'Log out…', onSelect: () => setConfirming('logout'), danger: true, disabled: busy });
  items.push({ label: 'Delete…', onSelect: () => setConfirming('delete'), danger: true, disabled: busy });

  return (
    <li
      className={`session-row tone-${info.tone}${highlighted ? ' highlighted' : ''}`}
      aria-label={`${id}, ${info.word}`}
      data-focus-key={`session:${id}`}
      aria-setsize={total}
      aria-posinset={position}
      aria-current={highlighted ? 'true' : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      <span className="dot" aria-hidden="true" />
      <div className="session-text">
        <div className="session-line">
          <strong className="session-id" title={id}>{id}</strong>
          <span className="status-word">{info.word}</span>
        </div>
        <div className="session-meta" title={info.hint}>
          {[session.name, phone].filter(Boolean).join(' · ') || info.hint}
          {session.lastConnection && (session.name || phone) ? <span className="muted" title="Last connected"> · {ago(session.lastConnection)}</span> : null}
        </div>
      </div>
      <div className="session-actions">
        {primary === 'send' && <button type="button" className="primary" onClick={() => show({ name: 'compose', sessionId: id })}>Send</button>}
        {/* aria-disabled, not disabled, while busy: a disabled button would drop the focus on it. */}
        {primary === 'login' && <button type="button" className="primary" aria-disabled={busy} onClick={() => busy || void login()}>Log in</button>}
        {primary === 'reconnect' && <button type="button" aria-disabled={busy} onClick={() => busy || void reconnect()}>Reconnect</button>}
        <MenuButton label={`More for ${id}`} items={items} className="session-more">
          <span aria-hidden="true">⋯</span>
        </MenuButton>
      </div>
      <Suspense fallback={null}>
      {confirming === 'logout' && (
        <ConfirmDialog title={`Log out “${id}”?`} confirmLabel="Log out" onCancel={() => setConfirming(null)} onConfirm={() => { setConfirming(null); void logout(); }}>
          WhatsApp on this session is signed out and its credentials are purged from the server. The session stays registered, so you can log it in again with a new QR code or pairing code.
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={`Delete “${id}”?`}
          confirmLabel="Delete"
          typeToConfirm={id}
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
