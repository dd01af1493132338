import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { SessionRow, ROW_HEIGHT } from './SessionRow';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore, visibleSessions } from '../shared/store';
import { attentionOrder } from '../shared/session-order';

const AfterPaint = lazy(() => import('./AfterPaint'));

/**
 * Above this many rows, only those in view are rendered, so 1,000 sessions scroll smoothly; the
 * list then scrolls in a box of its own. Below, the popup itself scrolls, so a row's menu is never
 * clipped by an inner scroll box.
 */
const VIRTUALIZE_FROM = 60;
const LIST_HEIGHT = 380;
const OVERSCAN = 6;

export function SessionList() {
  const { snapshots, filter, setFilter, show, focusSessionId } = usePopupStore();
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  const filterId = useId();
  const sessions = (activeProfileId && snapshots[activeProfileId]?.sessions) || [];
  const fetched = !!(activeProfileId && snapshots[activeProfileId]?.fetchedAt);
  const capped = activeProfileId ? snapshots[activeProfileId]?.capped : undefined;
  // Those that need the person first, then by id (shared/session-order.ts).
  const shown = useMemo(() => attentionOrder(visibleSessions(sessions, filter)), [sessions, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  const virtual = shown.length > VIRTUALIZE_FROM;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = virtual ? Math.min(shown.length, Math.ceil((scrollTop + LIST_HEIGHT) / ROW_HEIGHT) + OVERSCAN) : shown.length;

  useEffect(() => {
    if (!focusSessionId || !scroller.current) return;
    const index = shown.findIndex((s) => s.id === focusSessionId);
    if (index < 0) return;
    if (virtual) scroller.current.scrollTop = Math.max(0, index * ROW_HEIGHT - ROW_HEIGHT);
    else scroller.current.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [focusSessionId, shown, virtual]);

  return (
    <section aria-label="Sessions">
      <div className="list-tools">
        <h2 className="list-heading">Sessions</h2>
        {sessions.length > 8 && (
          <>
            <label htmlFor={filterId} className="visually-hidden">Filter sessions</label>
            <input id={filterId} type="search" placeholder={`Filter ${sessions.length} sessions`} value={filter} onChange={(e) => setFilter(e.target.value)} />
          </>
        )}
        <button type="button" className="primary" onClick={() => show({ name: 'new-session' })}>
          New session
        </button>
      </div>
      {fetched && sessions.length === 0 && (
        <div className="empty">
          <p><strong>No sessions yet.</strong></p>
          <p>Create your first session with “New session”: choose an id (e.g. “main”), then scan the QR code with WhatsApp on your phone (Settings → Linked devices → Link a device).</p>
        </div>
      )}
      {sessions.length > 0 && shown.length === 0 && <p className="empty">No session matches “{filter}”.</p>}
      {capped && (
        <p className="hint">
          Showing {sessions.length} of the server’s {capped.total} sessions: those that need you come first. All actions reaches every session.
        </p>
      )}
      {shown.length > 0 && (
        <div className={`session-scroller${virtual ? ' windowed' : ''}`} ref={scroller} style={virtual ? { maxHeight: LIST_HEIGHT } : undefined} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <ul className="sessions" aria-label={`Sessions (${shown.length})`} style={virtual ? { paddingTop: first * ROW_HEIGHT, paddingBottom: (shown.length - last) * ROW_HEIGHT } : undefined}>
            {shown.slice(first, last).map((session, offset) => (
              <SessionRow key={session.id} session={session} position={first + offset + 1} total={shown.length} highlighted={session.id === focusSessionId} />
            ))}
          </ul>
        </div>
      )}
      <Suspense fallback={null}>
        <AfterPaint />
      </Suspense>
      <p className="list-footer">
        <button type="button" className="link" onClick={() => show({ name: 'logout-by-id' })}>
          Log out a session by id…
        </button>
      </p>
    </section>
  );
}
