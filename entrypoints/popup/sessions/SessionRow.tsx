import { lazy, memo, Suspense, useState } from 'react';
import { MenuButton, type MenuItem } from '@/components/MenuButton';
import { STATUS_INFO, type SessionSummary } from '@/lib/sessions';
import { askBackground } from '@/lib/messaging/ask-background';
import type { OperationId } from '@/lib/warest/catalog';
import { ago, showPhone } from '../shared/format';
import { primaryAction } from '../shared/session-order';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('sessions');

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
    act(() => runOperation('getSessionLogout', { sessionId: id }, () => t('loggedOut', { id })));
  const reconnect = () => act(() => runOperation('getSessionReconnect', { sessionId: id }, () => t('reconnecting', { id })));
  const remove = () => act(() => runOperation('deleteSessionDelete', { sessionId: id }, () => t('deleted', { id })));
  const login = () =>
    act(async () => {
      const reply = await askBackground('login.start', { profileId: useProfileChoice.getState().activeProfileId ?? undefined, sessionId: id, method: 'qr' });
      if (reply.ok) usePopupStore.getState().showLogin(reply.data);
      else say({ tone: 'error', text: reply.error.message });
    });

  // The primary action stays in view; everything else is in the menu, destructive ones last.
  const items: MenuItem[] = [];
  if (session.status === 'open') {
    items.push(
      { label: t('chats'), onSelect: () => show({ name: 'chats', sessionId: id }) },
      { label: t('groups'), onSelect: () => show({ name: 'groups', sessionId: id }) },
      { label: t('profile'), onSelect: () => show({ name: 'profile', sessionId: id }) },
    );
  }
  if (primary !== 'login' && session.status !== 'open') items.push({ label: t('logIn'), onSelect: () => void login(), disabled: busy });
  if (primary !== 'reconnect') items.push({ label: t('reconnect'), onSelect: () => void reconnect(), disabled: busy });
  items.push(
    { label: t('devices'), onSelect: () => show({ name: 'devices', sessionId: id }) },
    { label: t('webhook'), onSelect: () => show({ name: 'webhook', sessionId: id }) },
    { label: t('copyId'), onSelect: () => void copyAndSay(id, t('copied', { id })) },
  );
  if (HAS_CREDENTIALS.has(session.status)) items.push({ label: t('logOutMenu'), onSelect: () => setConfirming('logout'), danger: true, disabled: busy });
  items.push({ label: t('deleteMenu'), onSelect: () => setConfirming('delete'), danger: true, disabled: busy });

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
          {session.lastConnection && (session.name || phone) ? <span className="muted" title={t('lastConnected')}> · {ago(session.lastConnection)}</span> : null}
        </div>
      </div>
      <div className="session-actions">
        {primary === 'send' && <button type="button" className="primary" onClick={() => show({ name: 'compose', sessionId: id })}>{t('send')}</button>}
        {/* aria-disabled, not disabled, while busy: a disabled button would drop the focus on it. */}
        {primary === 'login' && <button type="button" className="primary" aria-disabled={busy} onClick={() => busy || void login()}>{t('logIn')}</button>}
        {primary === 'reconnect' && <button type="button" aria-disabled={busy} onClick={() => busy || void reconnect()}>{t('reconnect')}</button>}
        <MenuButton label={t('moreFor', { id })} items={items} className="session-more">
          <span aria-hidden="true">⋯</span>
        </MenuButton>
      </div>
      <Suspense fallback={null}>
      {confirming === 'logout' && (
        <ConfirmDialog title={t('logOutTitle', { id })} confirmLabel={t('logOut')} onCancel={() => setConfirming(null)} onConfirm={() => { setConfirming(null); void logout(); }}>
          {t('logOutBody')}
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={t('deleteTitle', { id })}
          confirmLabel={t('delete')}
          typeToConfirm={id}
          onCancel={() => setConfirming(null)}
          onConfirm={() => { setConfirming(null); void remove(); }}
        >
          {t('deleteBody')}
        </ConfirmDialog>
      )}
      </Suspense>
    </li>
  );
});
