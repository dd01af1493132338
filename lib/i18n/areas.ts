import type allservers from '../../locales/en/allservers.json';
import type answers from '../../locales/en/answers.json';
import type common from '../../locales/en/common.json';
import type errors from '../../locales/en/errors.json';
import type manifest from '../../locales/en/manifest.json';
import type popup from '../../locales/en/popup.json';
import type sessions from '../../locales/en/sessions.json';
import type sessiontools from '../../locales/en/sessiontools.json';
import type status from '../../locales/en/status.json';

/**
 * Every area's English messages, by area name: the source of the keys' types. A new area is a
 * pair of files, locales/en/<area>.json and locales/id/<area>.json, and one line here.
 */
export interface Areas {
  /** entrypoints/popup/all-servers/: every session of every server. */
  allservers: typeof allservers;
  /** lib/answers/: WARest's answers in words (profile, server, right-click results). */
  answers: typeof answers;
  /** components/: what several pages share. */
  common: typeof common;
  /** lib/warest/ (not the catalog): what went wrong with a call, a connection test, a server URL. */
  errors: typeof errors;
  manifest: typeof manifest;
  /** entrypoints/popup/ root files: header, server switcher, the popup's frame. */
  popup: typeof popup;
  /** entrypoints/popup/sessions/: the session list, its rows, jobs and scheduled messages. */
  sessions: typeof sessions;
  /** entrypoints/popup/session-tools/: new session, login, devices, webhook, log out by id. */
  sessiontools: typeof sessiontools;
  /** lib/ states and notices: sessions, live updates, the badge, storage, first run, messaging. */
  status: typeof status;
}
export type Area = keyof Areas;
