import type { LoadedExtension } from './extension';

/**
 * What a headless browser cannot do by hand — right-click a page, type in the address bar — done
 * the closest way there is: the test fires the browser's own event in the service worker
 * (`chrome.contextMenus.onClicked.dispatch`, `chrome.omnibox.onInput*.dispatch`), so the
 * extension's registered listeners run exactly as for a person. The shipped worker exposes no
 * hook of its own for this.
 */

export interface AddressBarShown {
  /** The first line under the address bar (Chrome's description markup). */
  defaultDescription: string;
  suggestions: Array<{ content: string; description: string }>;
}

/** A right-click on a menu item, with what Chrome passes to onClicked. */
export async function dispatchMenuClick(extension: LoadedExtension, info: Record<string, unknown>, tab: Record<string, unknown>): Promise<void> {
  await extension.background.evaluate(([clickInfo, clickTab]) => {
    (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(clickInfo, clickTab);
  }, [info, tab] as const);
}

/** Typing `text` after `wa ` in the address bar: what Chrome shows under it once the extension answered. */
export function typeInAddressBar(extension: LoadedExtension, text: string): Promise<AddressBarShown> {
  return extension.background.evaluate((typed) => {
    type Seen = { description: string };
    const scope = self as unknown as { e2eAddressBar?: Seen };
    const omnibox = chrome.omnibox;
    if (!scope.e2eAddressBar) {
      // Remember the line the extension sets, as Chrome would show it.
      const seen: Seen = { description: '' };
      const original = omnibox.setDefaultSuggestion.bind(omnibox) as (...args: unknown[]) => unknown;
      (omnibox as { setDefaultSuggestion: unknown }).setDefaultSuggestion = (suggestion: { description: string }, ...rest: unknown[]) => {
        seen.description = suggestion.description;
        return original(suggestion, ...rest);
      };
      scope.e2eAddressBar = seen;
    }
    const seen = scope.e2eAddressBar;
    return new Promise<AddressBarShown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the address bar got no suggestions for “${typed}”`)), 15_000);
      (omnibox.onInputChanged as unknown as { dispatch(text: string, suggest: (results: AddressBarShown['suggestions']) => void): void }).dispatch(typed, (suggestions) => {
        clearTimeout(timer);
        resolve({ defaultDescription: seen.description, suggestions });
      });
    });
  }, text);
}

/** Pressing Enter in the address bar after `wa `. */
export async function enterInAddressBar(extension: LoadedExtension, text: string): Promise<void> {
  await extension.background.evaluate((typed) => {
    (chrome.omnibox.onInputEntered as unknown as { dispatch(text: string, disposition: string): void }).dispatch(typed, 'currentTab');
  }, text);
}
