import fs from 'node:fs';
import path from 'node:path';

/** Every English message by its browser name, `<area>_<key>`, from locales/en (lib/i18n/catalog.ts). */
export function englishMessages(): Map<string, string> {
  const dir = path.resolve(__dirname, '../../locales/en');
  const english = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const messages = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>;
    for (const [key, message] of Object.entries(messages)) english.set(`${file.slice(0, -5)}_${key}`, message);
  }
  return english;
}
