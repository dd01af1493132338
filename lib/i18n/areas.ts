import type actions from '../../locales/en/actions.json';
import type allservers from '../../locales/en/allservers.json';
import type common from '../../locales/en/common.json';
import type manifest from '../../locales/en/manifest.json';
import type menuaction from '../../locales/en/menuaction.json';
import type popup from '../../locales/en/popup.json';
import type sessions from '../../locales/en/sessions.json';
import type sessiontools from '../../locales/en/sessiontools.json';

/**
 * Every area's English messages, by area name: the source of the keys' types. A new area is a
 * pair of files, locales/en/<area>.json and locales/id/<area>.json, and one line here.
 */
export interface Areas {
  /** entrypoints/actions/: the All actions page, every operation with its form. */
  actions: typeof actions;
  /** entrypoints/popup/all-servers/: every session of every server. */
  allservers: typeof allservers;
  /** components/: what several pages share. */
  common: typeof common;
  manifest: typeof manifest;
  /** entrypoints/menu-action/: the small window of a right-click menu or the `wa` address-bar keyword. */
  menuaction: typeof menuaction;
  /** entrypoints/popup/ root files: header, server switcher, the popup's frame. */
  popup: typeof popup;
  /** entrypoints/popup/sessions/: the session list, its rows, jobs and scheduled messages. */
  sessions: typeof sessions;
  /** entrypoints/popup/session-tools/: new session, login, devices, webhook, log out by id. */
  sessiontools: typeof sessiontools;
}
export type Area = keyof Areas;
