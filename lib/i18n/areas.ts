import type common from '../../locales/en/common.json';
import type manifest from '../../locales/en/manifest.json';

/**
 * Every area's English messages, by area name: the source of the keys' types. A new area is a
 * pair of files, locales/en/<area>.json and locales/id/<area>.json, and one line here.
 */
export interface Areas {
  /** components/: what several pages share. */
  common: typeof common;
  manifest: typeof manifest;
}
export type Area = keyof Areas;
