import { useEffect, useRef, useState, type RefObject } from 'react';
import type { View } from './features';
import { usePopupStore } from './shared/store';

/**
 * Focus across the popup's view changes, for every feature's views alike: the new view's heading
 * (its first h1/h2, made focusable with tabIndex=-1) takes focus once the view is on screen and
 * its name is announced; going back to a view focuses what opened the next one (the row's button,
 * found again by its row and name when the list was drawn anew), or the heading when it is gone.
 */

interface Opener {
  element: Element;
  /** The closest row or region around it, to find the button again in a redrawn list. */
  scope?: { attr: 'data-focus-key' | 'aria-label'; value: string };
  name: string;
}

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]'; // i18n-exempt: a CSS selector
const HEADING = 'h1, h2, [role="heading"]';
const key = (view: View) => JSON.stringify(view);
const nameOf = (element: Element) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';

function describe(element: Element | null): Opener | null {
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  const scoped = element.parentElement?.closest('[data-focus-key], [aria-label]');
  const attr = scoped?.hasAttribute('data-focus-key') ? 'data-focus-key' : 'aria-label';
  const value = scoped?.getAttribute(attr);
  return { element, ...(value && { scope: { attr, value } }), name: nameOf(element) };
}

function findAgain(opener: Opener): HTMLElement | null {
  if (opener.element.isConnected) return opener.element as HTMLElement;
  const scopes = opener.scope ? [...document.querySelectorAll(`[${opener.scope.attr}="${CSS.escape(opener.scope.value)}"]`)] : [];
  for (const scope of scopes) {
    for (const candidate of scope.querySelectorAll<HTMLElement>(FOCUSABLE)) if (nameOf(candidate) === opener.name) return candidate;
  }
  return null;
}

function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/** Moves focus on each change of the drawn view; answers the words for the live region. */
export function useViewFocus(view: View, container: RefObject<HTMLElement | null>): string {
  const openers = useRef(new Map<string, Opener>());
  const shown = useRef<string | null>(null);
  const [announced, setAnnounced] = useState('');

  // Called inside the store's set, before React draws anything: focus is still on the opener.
  useEffect(
    () =>
      usePopupStore.subscribe((state, previous) => {
        if (key(state.view) === key(previous.view)) return;
        const opener = describe(document.activeElement);
        if (opener) openers.current.set(key(previous.view), opener);
      }),
    [],
  );

  const now = key(view);
  useEffect(() => {
    const first = shown.current === null;
    const changed = shown.current !== now;
    shown.current = now;
    if (first || !changed || !container.current) return;
    const root = container.current;
    const back = openers.current.get(now);
    openers.current.delete(now);
    let settled = false;
    const settle = (heading: HTMLElement) => {
      settled = true;
      const opener = back && findAgain(back);
      if (opener) opener.focus();
      else focusHeading(heading);
      setAnnounced(heading.textContent?.trim() ?? '');
    };
    const heading = root.querySelector<HTMLElement>(HEADING);
    if (heading) settle(heading);
    // A view whose heading comes with its data: wait for it. And while the view stays, a redraw
    // that removes the focused element (the view's data came and its layout changed) would leave
    // focus on <body>: the view's heading takes it back. Both until the next view change.
    let focused: Element | null = document.activeElement;
    const watch = new MutationObserver(() => {
      const current = root.querySelector<HTMLElement>(HEADING);
      if (!settled) {
        if (current) settle(current);
      } else if (current && document.activeElement === document.body && focused && !focused.isConnected) {
        focusHeading(current);
      }
      focused = document.activeElement;
    });
    const track = () => (focused = document.activeElement);
    root.addEventListener('focusin', track);
    watch.observe(root, { childList: true, subtree: true });
    return () => {
      watch.disconnect();
      root.removeEventListener('focusin', track);
    };
  }, [now, container]);

  return announced;
}
