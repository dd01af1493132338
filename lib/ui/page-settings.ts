import { readChecked, settingsItem, type Settings } from '../storage';

let atStart: Promise<Settings> | undefined;

/**
 * The settings as this page found them on opening, read once however many parts of the page
 * start from them (the theme, the language): one storage read instead of one each. Later
 * changes come through watchChecked.
 */
export function settingsAtStart(): Promise<Settings> {
  return (atStart ??= readChecked(settingsItem));
}
