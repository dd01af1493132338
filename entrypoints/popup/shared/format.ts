import { textsOf } from '@/lib/i18n';

const t = textsOf('popup');

/** How long ago, in words: "just now", "5 min ago", "3 h ago", "2 days ago" (in the page's language). */
export function ago(time: number | string | undefined, now = Date.now()): string {
  if (time === undefined || time === 0) return t('agoNever');
  const at = typeof time === 'string' ? Date.parse(time) : time;
  if (!Number.isFinite(at)) return t('agoUnknown');
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return t('agoJustNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('agoMinutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 36) return t('agoHours', { count: hours });
  return t.count('agoDays', Math.round(hours / 24));
}

/** International digits shown with a plus, e.g. "+6281234567890". */
export function showPhone(digits: string | undefined): string | undefined {
  return digits ? `+${digits}` : undefined;
}

/** A pairing code grouped for reading aloud: "ABCD-EFGH". */
export function groupCode(code: string): string {
  const clean = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return clean.match(/.{1,4}/g)?.join('-') ?? clean;
}
