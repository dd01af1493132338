import { useEffect, useRef, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';
import { serverState } from './server-state';

/**
 * The switcher's open menu (its own small chunk, fetched when the popup is idle: the first paint
 * only needs the button). Every server with its dot, "All servers" with two or more, and "Add
 * server". Keyboard as components/MenuButton: arrows, Home/End; Escape returns focus to the
 * button; Tab or a click outside closes it.
 */
export default function SwitcherMenu(props: { id: string; from: 'first' | 'last'; onClose(returnFocus: boolean): void; button: HTMLButtonElement | null }) {
  const { id, from, onClose, button } = props;
  const { profiles, activeProfileId } = useProfileChoice();
  const { snapshots, switchProfile, show, view } = usePopupStore();
  const menuRef = useRef<HTMLUListElement>(null);
  const all = view.name === 'all-servers';

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  useEffect(() => {
    const found = items();
    const checked = found.find((item) => item.getAttribute('aria-checked') === 'true');
    (from === 'last' ? found.at(-1) : (checked ?? found[0]))?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !button?.contains(target)) onClose(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the menu opens

  const onKey = (event: KeyboardEvent) => {
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
      onClose(true);
    } else if (event.key === 'Tab') onClose(false);
  };
  const choose = (run: () => void) => () => {
    onClose(true);
    run();
  };

  return (
    <ul ref={menuRef} id={id} role="menu" aria-label="Servers" className="menu-list switcher-menu" onKeyDown={onKey}>
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
          <span aria-hidden="true">+ </span>Add server
        </button>
      </li>
    </ul>
  );
}
