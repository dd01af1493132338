/**
 * The right-click menus and what a click hands to the small window that carries out the action.
 * The background stores the click's data (a selection can be long) in `storage.session` under a
 * random id and opens `menu-action.html?id=<id>`: only the id travels in the URL, and no API key
 * ever leaves the background.
 */

export const MENU_IDS = {
  joinGroup: 'warest-join-group',
  selection: 'warest-selection',
  checkNumbers: 'warest-check-numbers',
  addToGroup: 'warest-add-to-group',
  sendMessage: 'warest-send-message',
  groupPicture: 'warest-group-picture',
} as const;

export type MenuAction = 'join-group' | 'check-numbers' | 'add-to-group' | 'send-message' | 'group-picture';

/** Invite links only; the scheme wildcard matches http and https. */
export const INVITE_LINK_PATTERNS = ['*://chat.whatsapp.com/*'];
/** Images the WARest server can download itself (not data: or blob: images of the page). */
export const IMAGE_PATTERNS = ['http://*/*', 'https://*/*'];

type MenuContext = 'link' | 'selection' | 'image';

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext];
  parentId?: string;
  targetUrlPatterns?: string[];
}

/** Every menu, each shown only for the kind of thing it acts on. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { id: MENU_IDS.joinGroup, title: 'Preview and join group…', contexts: ['link'], targetUrlPatterns: INVITE_LINK_PATTERNS },
  { id: MENU_IDS.selection, title: 'WARest', contexts: ['selection'] },
  { id: MENU_IDS.checkNumbers, parentId: MENU_IDS.selection, title: 'Check on WhatsApp', contexts: ['selection'] },
  { id: MENU_IDS.addToGroup, parentId: MENU_IDS.selection, title: 'Add to group…', contexts: ['selection'] },
  { id: MENU_IDS.sendMessage, parentId: MENU_IDS.selection, title: 'Send a message…', contexts: ['selection'] },
  { id: MENU_IDS.groupPicture, title: 'Set as group picture…', contexts: ['image'], targetUrlPatterns: IMAGE_PATTERNS },
];

const ACTIONS: Record<string, MenuAction> = {
  [MENU_IDS.joinGroup]: 'join-group',
  [MENU_IDS.checkNumbers]: 'check-numbers',
  [MENU_IDS.addToGroup]: 'add-to-group',
  [MENU_IDS.sendMessage]: 'send-message',
  [MENU_IDS.groupPicture]: 'group-picture',
};

/** What the window needs to know about one click. */
export interface MenuRequest {
  action: MenuAction;
  /** Epoch ms of the click. */
  createdAt: number;
  /** join-group: the invite link; group-picture: the image's address. */
  url?: string;
  /** Selection actions: the selected text (capped at MAX_SELECTION characters). */
  text?: string;
  /** Where the menu was used, to say so in the window. */
  pageUrl?: string;
  pageTitle?: string;
}

/** A selection longer than this is cut: nobody selects more numbers than that on purpose. */
export const MAX_SELECTION = 200_000;

/** The parts of Chrome's OnClickData and Tab that matter here. */
export interface ClickInfo {
  menuItemId: string | number;
  linkUrl?: string;
  srcUrl?: string;
  selectionText?: string;
  pageUrl?: string;
}
export interface ClickTab {
  url?: string;
  title?: string;
}

const httpUrl = (value: string | undefined): string | undefined => (value && /^https?:\/\//i.test(value) ? value : undefined);

/** The request for a click on one of our menus; undefined for any other menu or an empty click. */
export function menuRequestFrom(info: ClickInfo, tab: ClickTab | undefined, now = Date.now()): MenuRequest | undefined {
  const action = ACTIONS[String(info.menuItemId)];
  if (!action) return undefined;
  const pageUrl = httpUrl(info.pageUrl ?? tab?.url);
  const base: MenuRequest = { action, createdAt: now, ...(pageUrl && { pageUrl }), ...(tab?.title && { pageTitle: tab.title.slice(0, 300) }) };
  if (action === 'join-group') return info.linkUrl ? { ...base, url: info.linkUrl } : undefined;
  if (action === 'group-picture') return info.srcUrl ? { ...base, url: info.srcUrl } : undefined;
  return { ...base, text: (info.selectionText ?? '').slice(0, MAX_SELECTION) };
}

export const HANDOFF_PREFIX = 'menuAction:';
const HANDOFF_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The storage.session key of a handoff; undefined for anything that is not a handoff id. */
export function handoffKey(id: string | null | undefined): string | undefined {
  return id && HANDOFF_ID.test(id) ? `${HANDOFF_PREFIX}${id}` : undefined;
}

/** The window's address for a handoff (relative to the extension's root). */
export function windowPath(id: string): string {
  return `/menu-action.html?${new URLSearchParams({ id }).toString()}`;
}

/** A stored handoff, checked: the window trusts nothing it reads. */
export function readMenuRequest(value: unknown): MenuRequest | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const item = value as Record<string, unknown>;
  if (!Object.values(ACTIONS).includes(item.action as MenuAction) || typeof item.createdAt !== 'number') return undefined;
  const optional = (key: string) => (typeof item[key] === 'string' ? { [key]: item[key] as string } : {});
  return { action: item.action as MenuAction, createdAt: item.createdAt, ...optional('url'), ...optional('text'), ...optional('pageUrl'), ...optional('pageTitle') };
}

/** Handoffs older than this are removed when a new one is made (the window has long used them). */
export const HANDOFF_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A bulk job started from a menu window is marked in storage.session under this prefix and its
 * id, so the background can notify when it finishes (the window may be closed by then).
 */
export const MENU_JOB_PREFIX = 'menuJob:';
