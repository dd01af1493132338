/**
 * The right-click menus and what a click hands to the small window that carries out the action.
 * The background stores the click's data (a selection can be long) in `storage.session` under a
 * random id and opens `menu-action.html?id=<id>`: only the id travels in the URL, and no API key
 * ever leaves the background.
 */

import { CAPTION_LIMIT, TEXT_LIMIT } from './sent-message';
import { textsOf } from './i18n';

const t = textsOf('tools');

export const MENU_IDS = {
  joinGroup: 'warest-join-group',
  selection: 'warest-selection',
  checkNumbers: 'warest-check-numbers',
  addToGroup: 'warest-add-to-group',
  sendMessage: 'warest-send-message',
  groupPicture: 'warest-group-picture',
  sendSelection: 'warest-send-selection',
  sendLink: 'warest-send-link',
  sendImage: 'warest-send-image',
} as const;

/** What the window does; `send-text` comes from the address-bar keyword, every other from a menu. */
export const MENU_ACTIONS = [
  'join-group', 'check-numbers', 'add-to-group', 'send-message', 'group-picture', 'send-selection', 'send-link', 'send-image', 'send-text',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];
/** The three "Send … to" menus: the thing clicked goes to one chat. */
export type SendAction = Extract<MenuAction, 'send-selection' | 'send-link' | 'send-image'>;

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

/** Every menu, each shown only for the kind of thing it acts on; a title is read when the menu is made, in that moment's language. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { id: MENU_IDS.joinGroup, get title() { return t('mJoin'); }, contexts: ['link'], targetUrlPatterns: INVITE_LINK_PATTERNS },
  { id: MENU_IDS.selection, title: 'WARest', contexts: ['selection'] },
  { id: MENU_IDS.checkNumbers, parentId: MENU_IDS.selection, get title() { return t('mCheck'); }, contexts: ['selection'] },
  { id: MENU_IDS.addToGroup, parentId: MENU_IDS.selection, get title() { return t('mAdd'); }, contexts: ['selection'] },
  { id: MENU_IDS.sendMessage, parentId: MENU_IDS.selection, get title() { return t('mSend'); }, contexts: ['selection'] },
  { id: MENU_IDS.sendSelection, parentId: MENU_IDS.selection, get title() { return t('mSendSel'); }, contexts: ['selection'] },
  { id: MENU_IDS.groupPicture, get title() { return t('mPicture'); }, contexts: ['image'], targetUrlPatterns: IMAGE_PATTERNS },
  // On every link and image: for a data: or blob: image the window says why it cannot be sent.
  { id: MENU_IDS.sendLink, get title() { return t('mSendLink'); }, contexts: ['link'] },
  { id: MENU_IDS.sendImage, get title() { return t('mSendImage'); }, contexts: ['image'] },
];

const ACTIONS: Record<string, MenuAction> = {
  [MENU_IDS.joinGroup]: 'join-group',
  [MENU_IDS.checkNumbers]: 'check-numbers',
  [MENU_IDS.addToGroup]: 'add-to-group',
  [MENU_IDS.sendMessage]: 'send-message',
  [MENU_IDS.groupPicture]: 'group-picture',
  [MENU_IDS.sendSelection]: 'send-selection',
  [MENU_IDS.sendLink]: 'send-link',
  [MENU_IDS.sendImage]: 'send-image',
};

/** What the window needs to know about one click. */
export interface MenuRequest {
  action: MenuAction;
  /** Epoch ms of the click. */
  createdAt: number;
  /** join-group: the invite link; group-picture, send-image: the image's address; send-link: the link. */
  url?: string;
  /**
   * Selection actions: the selected text (capped at MAX_SELECTION characters); send-link: the
   * link's text when the browser gives it; send-text: what was typed after the keyword.
   */
  text?: string;
  /** Where the menu was used, to say so in the window. */
  pageUrl?: string;
  pageTitle?: string;
}

/** A selection longer than this is cut: nobody selects more numbers than that on purpose. */
export const MAX_SELECTION = 200_000;

/** How much of a data: or blob: image address is kept (only to name its kind). */
export const MAX_FOREIGN_SRC = 100;

/** The handoff for `wa <number> <message>` typed in the address bar (checked again by the window). */
export function omniboxRequestFrom(typed: string, now = Date.now()): MenuRequest {
  return { action: 'send-text', createdAt: now, text: typed.slice(0, MAX_SELECTION) };
}

/** The parts of Chrome's OnClickData and Tab that matter here. */
export interface ClickInfo {
  menuItemId: string | number;
  linkUrl?: string;
  /** Firefox only; Chrome does not say. */
  linkText?: string;
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
  if (action === 'send-link') return info.linkUrl ? { ...base, url: info.linkUrl, ...(info.linkText?.trim() && { text: info.linkText.trim().slice(0, 500) }) } : undefined;
  // A data: image can be megabytes: its start is enough for the window to say why it cannot be sent.
  if (action === 'send-image') return info.srcUrl ? { ...base, url: httpUrl(info.srcUrl) ?? info.srcUrl.slice(0, MAX_FOREIGN_SRC) } : undefined;
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
  if (!MENU_ACTIONS.includes(item.action as MenuAction) || typeof item.createdAt !== 'number') return undefined;
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

// ---- What the "Send … to" windows send ------------------------------------------------------

/** Why an image cannot be sent by its address, or undefined when the server can download it. */
export function imageProblem(url: string): string | undefined {
  if (/^https?:\/\//i.test(url)) return undefined;
  return t(/^data:/i.test(url) ? 'imgData' : /^blob:/i.test(url) ? 'imgBlob' : 'imgNoUrl');
}

/** What the person wrote next to the thing clicked: the message, a comment on a link, or a caption. */
export interface SendDraft {
  /** send-selection: the message (the selection, possibly edited). */
  message?: string;
  /** send-link: an optional comment above the link. */
  comment?: string;
  /** send-image: an optional caption. */
  caption?: string;
}

export type SendCall =
  | { ok: true; operationId: 'postMessagesSendText' | 'postMessagesSendMedia'; inputs: Record<string, unknown>; preview: string }
  | { ok: false; reason: string };

/** WARest's limits, the composer's too: a text of at most 65 536 characters, a caption of at most 1 024. */
export { CAPTION_LIMIT, TEXT_LIMIT };

/** The one call a send window makes, checked before anything goes out; `preview` is the message as it will read. */
export function sendCallFor(action: SendAction, request: Pick<MenuRequest, 'url' | 'text'>, draft: SendDraft, sessionId: string, to: string): SendCall {
  const base = { sessionId, to };
  if (action === 'send-selection') {
    const message = (draft.message ?? request.text ?? '').trim();
    if (!message) return { ok: false, reason: t('selEmpty') };
    if (message.length > TEXT_LIMIT) return { ok: false, reason: t('selLong', { n: message.length, max: TEXT_LIMIT }) };
    return { ok: true, operationId: 'postMessagesSendText', inputs: { ...base, message }, preview: message };
  }
  const url = request.url ?? '';
  if (action === 'send-link') {
    if (!/^https?:\/\//i.test(url)) return { ok: false, reason: t('webOnly') };
    const comment = draft.comment?.trim();
    const message = comment ? `${comment}\n${url}` : url;
    if (message.length > TEXT_LIMIT) return { ok: false, reason: t('commentLong', { max: TEXT_LIMIT }) };
    return { ok: true, operationId: 'postMessagesSendText', inputs: { ...base, message }, preview: message };
  }
  const problem = imageProblem(url);
  if (problem) return { ok: false, reason: problem };
  const caption = draft.caption?.trim();
  if (caption && caption.length > CAPTION_LIMIT) return { ok: false, reason: t('capLongCut', { n: caption.length, max: CAPTION_LIMIT }) };
  return { ok: true, operationId: 'postMessagesSendMedia', inputs: { ...base, media: url, ...(caption && { caption }) }, preview: caption ?? '' };
}
