import type { KeyboardEvent } from 'react';

/**
 * The keys of an open menu (WAI-ARIA menu pattern), shared by MenuButton and the server
 * switcher: arrows wrap, Home and End jump, Escape closes and gives focus back to the button
 * (without closing the view behind it), Tab closes and lets focus move on.
 */
export function menuKeys(items: () => HTMLElement[], close: (returnFocus: boolean) => void) {
  return (event: KeyboardEvent) => {
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
}
