import type { ApiError } from '@/lib/warest/api-result';
import { isAdminKeyRefusal } from '@/lib/answers/server';
import { currentLanguage, textsOf } from '@/lib/i18n';

const t = textsOf('server');

/** What this view asks only an admin key to do, each with its own sentence when a user key is refused. */
export type AdminAction = 'restart' | 'schedule' | 'health' | 'readiness' | 'details' | 'cpu';

const REFUSED = {
  restart: 'refusedRestart',
  schedule: 'refusedSchedule',
  health: 'refusedHealth',
  readiness: 'refusedReadiness',
  details: 'refusedDetails',
  cpu: 'refusedCpu',
} as const;

/** Why an admin-only request failed, in words: a refused key says to use the admin key; anything else keeps the client's sentence. */
export function adminRefusal(error: ApiError, action: AdminAction, serverName: string): string {
  return isAdminKeyRefusal(error) ? t(REFUSED[action], { server: serverName }) : error.message;
}

/** The locale the CPU chart's times are written in: the interface's language (en-GB's 24-hour clock for English). */
export function dateLocale(): string {
  return currentLanguage() === 'id' ? 'id-ID' : 'en-GB';
}
