import type account from '../../locales/en/account.json';
import type actions from '../../locales/en/actions.json';
import type allservers from '../../locales/en/allservers.json';
import type answers from '../../locales/en/answers.json';
import type campaigns from '../../locales/en/campaigns.json';
import type chats from '../../locales/en/chats.json';
import type common from '../../locales/en/common.json';
import type compose from '../../locales/en/compose.json';
import type errors from '../../locales/en/errors.json';
import type groups from '../../locales/en/groups.json';
import type manifest from '../../locales/en/manifest.json';
import type menuaction from '../../locales/en/menuaction.json';
import type ops from '../../locales/en/ops.json';
import type options from '../../locales/en/options.json';
import type popup from '../../locales/en/popup.json';
import type popupshared from '../../locales/en/popupshared.json';
import type server from '../../locales/en/server.json';
import type sessions from '../../locales/en/sessions.json';
import type sessiontools from '../../locales/en/sessiontools.json';
import type status from '../../locales/en/status.json';
import type tools from '../../locales/en/tools.json';
import type work from '../../locales/en/work.json';
import type worker from '../../locales/en/worker.json';

/**
 * Every area's English messages, by area name: the source of the keys' types. A new area is a
 * pair of files, locales/en/<area>.json and locales/id/<area>.json, and one line here.
 */
export interface Areas {
  /** entrypoints/popup/account/: a session's profile, picture, privacy, contacts and number checks. */
  account: typeof account;
  /** entrypoints/actions/: the All actions page, every operation with its form. */
  actions: typeof actions;
  /** entrypoints/popup/all-servers/: every session of every server. */
  allservers: typeof allservers;
  /** lib/answers/: WARest's answers in words (profile, server, right-click results). */
  answers: typeof answers;
  /** entrypoints/campaigns/: the Campaigns page, its form, progress, results and opt-out list. */
  campaigns: typeof campaigns;
  /** entrypoints/popup/chats/: a session's chats, a chat's messages, and their actions. */
  chats: typeof chats;
  /** components/: what several pages share. */
  common: typeof common;
  /** entrypoints/popup/compose/: the composer, its per-type fields, send later and the sent result. */
  compose: typeof compose;
  /** lib/warest/ (not the catalog): what went wrong with a call, a connection test, a server URL. */
  errors: typeof errors;
  /** entrypoints/popup/groups/: a session's groups, one group's panel, participants, join requests, create and join. */
  groups: typeof groups;
  manifest: typeof manifest;
  /** entrypoints/menu-action/: the small window of a right-click menu or the `wa` address-bar keyword. */
  menuaction: typeof menuaction;
  /** lib/warest/catalog/: every operation's label, and its fields' labels, help and formats (op_<id>, f_/h_/fmt_<field>). */
  ops: typeof ops;
  /** entrypoints/options/: the options page (servers, settings, export and import, templates, history). */
  options: typeof options;
  /** entrypoints/popup/ root files: header, server switcher, the popup's frame. */
  popup: typeof popup;
  /** entrypoints/popup/shared/: the phone-list input, the picture form, loading states. */
  popupshared: typeof popupshared;
  /** entrypoints/popup/server/: the active server's status, details, CPU history and restarts. */
  server: typeof server;
  /** entrypoints/popup/sessions/: the session list, its rows, jobs and scheduled messages. */
  sessions: typeof sessions;
  /** entrypoints/popup/session-tools/: new session, login, devices, webhook, log out by id. */
  sessiontools: typeof sessiontools;
  /** lib/ states and notices: sessions, live updates, the badge, storage, first run, messaging. */
  status: typeof status;
  /** lib/ for campaigns, templates, scheduled messages, settings files, menus, the address bar, the explorer form. */
  tools: typeof tools;
  /** lib/ for sending and bulk jobs: the composer's checks, phone numbers, recipients, invite links, pictures. */
  work: typeof work;
  /** entrypoints/background/: the worker's errors, notifications and address-bar lines. */
  worker: typeof worker;
}
export type Area = keyof Areas;
