import { browser } from 'wxt/browser';
import { askBackground } from '@/lib/messaging/ask-background';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { ImportPlan } from '@/lib/transfer/settings-file';
import { hostPermissionPattern } from '@/lib/warest/server-url';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

/**
 * What the options page's export and import do, apart from drawing. The page never sees a key:
 * it sends the passphrase and gets the file's text, sends a file and gets a plan (server names
 * and addresses), and only on confirmation asks the background to apply it.
 */

/** A settings file is a few KB (lib/transfer/settings-file.ts MAX_FILE_BYTES); this is far past it. */
const MAX_FILE_BYTES = 1_000_000;
export const MIN_PASSPHRASE = 8;

export type Outcome = { tone: 'ok' | 'warn' | 'error'; text: string };

export interface ImportChoices {
  passphrase: string;
  withoutKeys: boolean;
  replace: boolean;
  withSettings: boolean;
}

/** Downloads the export; with a passphrase the keys go in it, encrypted. */
export async function exportSettings(passphrase: string | null): Promise<Outcome> {
  const reply = await askBackground('transfer.export', passphrase === null ? {} : { passphrase });
  if (!reply.ok) return { tone: 'error', text: reply.error.message };
  const { text, fileName, servers, withKeys } = reply.data;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return {
    tone: 'ok',
    text: t.count(withKeys ? 'exportedWithKeys' : 'exportedWithoutKeys', servers, { file: fileName }),
  };
}

/** The file's text, or why it cannot be one (before sending anything). */
export async function readFile(file: File): Promise<{ text: string } | { problem: string }> {
  if (file.size > MAX_FILE_BYTES) return { problem: t('fileTooLarge') };
  try {
    return { text: await file.text() };
  } catch {
    return { problem: t('fileUnreadable') };
  }
}

const request = (text: string, choices: ImportChoices) => ({
  text,
  ...(choices.passphrase && { passphrase: choices.passphrase }),
  withoutKeys: choices.withoutKeys,
  replace: choices.replace,
  withSettings: choices.withSettings,
});

export type PlanAnswer = ResponseOf<'transfer.plan'>;

export async function planFile(text: string, choices: ImportChoices): Promise<PlanAnswer | { outcome: 'error'; message: string }> {
  const reply = await askBackground('transfer.plan', request(text, choices));
  return reply.ok ? reply.data : { outcome: 'error', message: reply.error.message };
}

/** The addresses the import would make the extension call: access is asked for them first. */
export function originsOf(plan: ImportPlan): string[] {
  const urls = plan.servers.filter((s) => s.action === 'add' || s.action === 'replace').map((s) => hostPermissionPattern(s.server.baseUrl));
  return [...new Set(urls)];
}

/**
 * Asks for access to the imported servers, then imports. The access request must be the first
 * thing the click does (Chrome only prompts for a user gesture).
 */
export async function applyFile(text: string, choices: ImportChoices, plan: ImportPlan): Promise<Outcome> {
  const origins = originsOf(plan);
  let granted = true;
  if (origins.length) granted = await browser.permissions.request({ origins }).catch(() => false);
  const reply = await askBackground('transfer.apply', request(text, choices));
  if (!reply.ok) return { tone: 'error', text: reply.error.message };
  const answer = reply.data;
  if (answer.outcome === 'problem') return { tone: 'error', text: answer.message };
  // One counted phrase per kind of change, listed in the one sentence.
  const parts = [
    t.count('importedServers', answer.added),
    ...(answer.replaced ? [t('importedReplaced', { count: answer.replaced })] : []),
    t.count('importedKeys', answer.keys),
    ...(answer.settings ? [t('importedSettings')] : []),
  ];
  const imported = t('imported', { parts: parts.join(', ') });
  if (!granted) return { tone: 'warn', text: t('importedAccessRefused', { imported }) };
  return { tone: 'ok', text: imported };
}
