import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { troubleWords } from '@/lib/warest/server-trouble';
import type { ProfileSnapshot } from '@/lib/storage';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';

/** A server's state in one word for its dot and for screen readers. */
function serverState(snapshot: ProfileSnapshot | undefined): { tone: 'ok' | 'bad' | 'idle'; words: string } {
  if (!snapshot) return { tone: 'idle', words: 'not checked yet' };
  if (snapshot.server.state === 'ok') return { tone: 'ok', words: 'reachable' };
  return { tone: 'bad', words: troubleWords(snapshot.server).toLowerCase() };
}

/**
 * The header's server switcher (a menu button, WAI-ARIA pattern): the active server's whole name
 * (it wraps, never truncates) with its status dot; the menu lists every server with its dot, then
 * "All servers" (with two or more) and "Add server", which opens the options page. Keyboard as
 * components/MenuButton: arrows, Home/End, Escape returns focus; a click outside closes it.
 */
export function ServerSwitcher() {
  const { profiles, activeProfileId } = useProfileChoice();
  const { snapshots, switchProfile, show, view } = usePopupStore();
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const all = view.name === 'all-servers';
  const active = profiles.find((p) => p.id === activeProfileId);
  const current = serverState(activeProfileId ? snapshots[activeProfileId] : undefined);
  const title = all ? 'All servers' : (active?.name ?? 'No server');

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const found = items();
    const checked = found.find((item) => item.getAttribute('aria-checked') === 'true');
    (open === 'last' ? found.at(-1) : (checked ?? found[0]))?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const found = items();
    const at = found.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      found[(to + found.length) % found.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(found.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };
  const choose = (run: () => void) => () => {
    close(true);
    run();
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
        <ul ref={menuRef} id={menuId} role="menu" aria-label="Servers" className="menu-list switcher-menu" onKeyDown={onMenuKey}>
          {profiles.map((p) => {
            const state = serverState(snapshots[p.id]);
            const checked = !all && p.id === activeProfileId;
            return (
              <li key={p.id} role="none">
                <button type="button" role="menuitemradio" aria-checked={checked} tabIndex={-1} onClick={choose(() => switchProfile(p.id))}>
                  <span className={`dot server-${state.tone}`} aria-hidden="true" />
                  <span className="switcher-name">{p.name}</span>
                  <span className="visually-hidden">, {state.words}</span>
                  {checked && <span className="switcher-check" aria-hidden="true">✓</span>}
                </button>
              </li>
            );
          })}
          {profiles.length > 1 && (
            <li role="none" className="menu-separated">
              <button type="button" role="menuitemradio" aria-checked={all} tabIndex={-1} onClick={choose(() => show({ name: 'all-servers' }))}>
                <span className="switcher-name">All servers</span>
                {all && <span className="switcher-check" aria-hidden="true">✓</span>}
              </button>
            </li>
          )}
          <li role="none" className={profiles.length > 1 ? undefined : 'menu-separated'}>
            <button type="button" role="menuitem" tabIndex={-1} onClick={choose(() => void browser.runtime.openOptionsPage())}>
              <span aria-hidden="true">＋ </span>Add server
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
