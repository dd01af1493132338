import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';
import { serverState } from './server-state';

const loadMenu = () => import('./SwitcherMenu');
const SwitcherMenu = lazy(loadMenu);

/**
 * The header's server switcher (a menu button, WAI-ARIA pattern): the active server's whole name
 * (it wraps, never truncates) with its status dot; its menu (SwitcherMenu, a chunk of its own)
 * lists every server with its dot, "All servers" and "Add server".
 */
export function ServerSwitcher() {
  const { profiles, activeProfileId } = useProfileChoice();
  const { snapshots, view } = usePopupStore();
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const all = view.name === 'all-servers';
  const active = profiles.find((p) => p.id === activeProfileId);
  const current = serverState(activeProfileId ? snapshots[activeProfileId] : undefined);
  const title = all ? 'All servers' : (active?.name ?? 'No server');

  // The menu's chunk is fetched once the popup is idle, so opening it never waits.
  useEffect(() => {
    const idle = requestIdleCallback(() => void loadMenu().catch(() => undefined), { timeout: 1_000 });
    return () => cancelIdleCallback(idle);
  }, []);
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  return (
    <div className="server-switcher">
      <h1 className="popup-title">
        <button
          ref={buttonRef}
          type="button"
          className="switcher-button"
          aria-haspopup="menu"
          aria-expanded={open ? true : false}
          aria-controls={open ? menuId : undefined}
          aria-label={`Server: ${title}${all ? '' : `, ${current.words}`}. Switch server`}
          title="Switch server"
          onClick={() => (open ? close(false) : setOpen('first'))}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
            }
          }}
        >
          {!all && <span className={`dot server-${current.tone}`} aria-hidden="true" />}
          <span className="switcher-name">{title}</span>
          <span className="switcher-caret" aria-hidden="true">▾</span>
        </button>
      </h1>
      {open && (
        <Suspense fallback={null}>
          <SwitcherMenu id={menuId} from={open} onClose={close} button={buttonRef.current} />
        </Suspense>
      )}
    </div>
  );
}
