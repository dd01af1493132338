import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { menuKeys } from './menu-keys';
import './menu-button.css';

/**
 * A button that opens a short menu of actions (the WAI-ARIA menu button pattern): session rows,
 * chats and messages keep their common action in view and the rest here. Keyboard: Enter, Space
 * or ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End move; Escape
 * or Tab close it, Escape returning focus to the button; a click outside closes it.
 */

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** Shown in the danger colour and, by convention, last, after a separator. */
  danger?: boolean;
  disabled?: boolean;
}

interface Props {
  /** The button's visible words (or an icon) … */
  children: ReactNode;
  /** … and its accessible name when they are not enough, e.g. "More for session alice". */
  label: string;
  items: readonly MenuItem[];
  className?: string;
}

export function MenuButton({ children, label, items, className }: Props) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const menuItems = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const found = menuItems();
    (open === 'last' ? found.at(-1) : found[0])?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onMenuKey = menuKeys(menuItems, close);

  const firstDanger = items.findIndex((item) => item.danger);
  return (
    <span className={`menu-button ${className ?? ''}`}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open ? true : false}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        {children}
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="menu-list" onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li key={item.label} role="none" className={index === firstDanger && index > 0 ? 'menu-separated' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={item.disabled}
                className={item.danger ? 'menu-danger' : undefined}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
