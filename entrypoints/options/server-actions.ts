import { hostAccess } from '@/lib/browser/host-access';
import type { ConnectionReport } from '@/lib/warest/connection-test';
import type { ServerProfile } from '@/lib/storage';
import { normalizeServerUrl } from '@/lib/warest/server-url';
import { askBackground } from '@/lib/messaging/ask-background';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');

/**
 * What the options page's "Save" and "Test connection" do, apart from drawing: ask the browser
 * for access to the server, then ask the background. Kept out of the component so the
 * permission paths (granted, refused) are tested without a browser prompt.
 */

export type Outcome = { tone: 'ok' | 'warn' | 'error'; text: string };

/** Read when said, not when the module loads: the page's language is chosen after its imports. */
export const accessRefused = (): string => t('accessRefused');

export interface ServerDraft {
  name: string;
  serverUrl: string;
  apiKey: string;
  notifications: boolean;
}

/**
 * Asks the browser for access to one server. Must be the first thing a click does: Chrome only
 * shows the prompt in response to a user gesture. Resolves false when refused or impossible.
 */
export function requestHostAccess(baseUrl: string): Promise<boolean> {
  return hostAccess(baseUrl, 'ask');
}

export async function saveServer(
  draft: ServerDraft,
  existing: ServerProfile | undefined,
): Promise<{ outcome: Outcome; profile?: ServerProfile }> {
  const url = normalizeServerUrl(draft.serverUrl);
  if (!url.ok) return { outcome: { tone: 'error', text: url.reason } };
  const granted = await requestHostAccess(url.baseUrl);
  const apiKey = draft.apiKey.trim();
  const reply = await askBackground('profile.save', {
    ...(existing && { id: existing.id }),
    name: draft.name,
    baseUrl: draft.serverUrl,
    ...(apiKey && { apiKey }),
    notifications: draft.notifications,
  });
  if (!reply.ok) return { outcome: { tone: 'error', text: reply.error.message } };
  const { profile, hostAccess } = reply.data;
  if (!granted || !hostAccess) return { profile, outcome: { tone: 'warn', text: t('savedAccessRefused', { problem: accessRefused() }) } };
  return { profile, outcome: { tone: 'ok', text: t('savedNamed', { name: profile.name }) } };
}

export async function testServer(
  draft: Pick<ServerDraft, 'serverUrl' | 'apiKey'>,
  existing: ServerProfile | undefined,
): Promise<{ outcome?: Outcome; report?: ConnectionReport }> {
  const url = normalizeServerUrl(draft.serverUrl);
  if (!url.ok) return { outcome: { tone: 'error', text: url.reason } };
  const granted = await requestHostAccess(url.baseUrl);
  const apiKey = draft.apiKey.trim();
  const reply = await askBackground('connection.test', {
    ...(existing && { profileId: existing.id }),
    draft: { baseUrl: draft.serverUrl, ...(apiKey && { apiKey }) },
  });
  if (!reply.ok) return { outcome: { tone: 'error', text: reply.error.message } };
  return { report: reply.data, ...(!granted && { outcome: { tone: 'warn', text: accessRefused() } }) };
}
