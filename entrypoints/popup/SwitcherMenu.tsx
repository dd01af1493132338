import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { menuKeys } from '@/components/menu-keys';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from './shared/store';
import { serverState } from './server-state';
import { textsOf } from '@/lib/i18n';

const t = textsOf('popup');

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

  const onKey = menuKeys(items, onClose);
  const choose = (run: () => void) => () => {
    onClose(true);
    run();
  };

  return (
    <ul ref={menuRef} id={id} role="menu" aria-label={t('servers')} className="menu-list switcher-menu" onKeyDown={onKey}>
      {profiles.map((p) => {
        const state = serverState(snapshots[p.id]);
        const checked = !all && p.id === activeProfileId;
        return (
          <li key={p.id} role="none">
            <button type="button" role="menuitemradio" aria-checked={checked} tabIndex={-1} onClick={choose(() => switchProfile(p.id))}>
              <span className={`dot server-${state.tone}`} aria-hidden="true" />
              <span className="switcher-name">{p.name}</span>
              <span className="visually-hidden">{t('stateSuffix', { state: state.words })}</span>
              {checked && <span className="switcher-check" aria-hidden="true">✓</span>}
            </button>
          </li>
        );
      })}
      {profiles.length > 1 && (
        <li role="none" className="menu-separated">
          <button type="button" role="menuitemradio" aria-checked={all} tabIndex={-1} onClick={choose(() => show({ name: 'all-servers' }))}>
            <span className="switcher-name">{t('allServers')}</span>
            {all && <span className="switcher-check" aria-hidden="true">✓</span>}
          </button>
        </li>
      )}
      <li role="none" className={profiles.length > 1 ? undefined : 'menu-separated'}>
        <button type="button" role="menuitem" tabIndex={-1} onClick={choose(() => void browser.runtime.openOptionsPage())}>
          <span aria-hidden="true">+ </span>{t('addServer')}
        </button>
      </li>
    </ul>
  );
}
