import type { ApiError } from '@/lib/warest/api-result';
import { isKeyRefusal } from '@/lib/warest/response';
import { fact, type Answer, type Fact } from './account';
import { firstOf, list, num, record, text, type Loose } from './loose';
import { textsOf } from '@/lib/i18n';

const t = textsOf('answers');

/**
 * Pure readers of WARest's server answers (ping, info, health, readiness, CPU history, restart)
 * into words and numbers for the Server view, and the CPU chart's scaling. Missing or odd fields
 * are left out rather than shown as "undefined" (lib/answers/loose.ts).
 */

/** 277_440 → "3 d 5 h"; 4_500 → "1 h 15 min"; 300 → "5 min"; 42 → "42 s". */
export function formatUptime(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${s} s`;
}

/** Megabytes, from MB or from bytes when only bytes are given. */
function megabytes(memory: Loose, key: 'total' | 'used' | 'free'): number | undefined {
  const mb = num(memory[`${key}MB`]) ?? num(memory[`${key}Mb`]);
  if (mb !== undefined) return mb;
  const bytes = num(memory[key]) ?? num(memory[`${key}Bytes`]);
  return bytes === undefined ? undefined : Math.round(bytes / 1048576);
}

function memoryWords(memory: Loose | undefined): string | undefined {
  if (!memory) return undefined;
  const total = megabytes(memory, 'total');
  const free = megabytes(memory, 'free');
  const used = megabytes(memory, 'used') ?? (total !== undefined && free !== undefined ? total - free : undefined);
  const percent = num(memory.usagePercent) ?? (used !== undefined && total ? Math.round((used / total) * 1000) / 10 : undefined);
  if (used === undefined && total === undefined) return undefined;
  const amount = used !== undefined && total !== undefined ? t('mbOf', { used, total }) : used === undefined ? t('mbTotal', { total: total! }) : t('mbUsed', { used });
  return percent !== undefined ? `${amount} (${percent}%)` : amount;
}

/** getServerInfo → version, uptime, memory, CPU, sessions… as label/value pairs. */
export function readServerInfo(data: Answer | undefined): Fact[] {
  const info = firstOf(data);
  if (!info) return [];
  const system = record(info.system);
  const cpu = record(info.cpu);
  const processInfo = record(info.process);
  const sessions = record(info.sessions);
  const cores = num(cpu?.cores);
  const usage = num(cpu?.usagePercent);
  const cpuWords = [cores !== undefined ? t.count('cores', cores) : undefined, usage !== undefined ? t('busy', { percent: usage }) : undefined].filter(Boolean).join(', ');
  const load = (list(info.loadAverage) ?? []).map(num).filter((n): n is number => n !== undefined);
  const total = num(sessions?.total);
  const active = num(sessions?.active);
  const disks = (list(info.disk) ?? []).flatMap((raw) => {
    const disk = record(raw);
    const used = num(disk?.usedPercent);
    return disk && used !== undefined ? [t('diskFull', { mount: text(disk.mount) ?? t('disk'), percent: used })] : [];
  });
  return [
    ...fact(t('name'), text(info.serverName)),
    ...fact(t('version'), text(info.serverVersion) ?? text(info.version)),
    ...fact(t('environment'), text(info.environment)),
    ...fact(t('upFor'), formatUptime(num(info.uptimeSeconds) ?? num(processInfo?.uptimeSeconds))),
    ...fact(t('memory'), memoryWords(record(info.memory))),
    ...fact('CPU', cpuWords || undefined),
    ...fact(t('loadAverage'), load.length ? load.join(' / ') : undefined),
    ...fact(t('diskLabel'), disks.join(', ') || undefined),
    ...fact(t('system'), [text(system?.platform), text(system?.release)].filter(Boolean).join(' ') || undefined),
    ...fact('Node.js', text(processInfo?.nodeVersion)),
    ...fact(t('timeZone'), text(info.timezone)),
    ...fact(t('sessions'), total !== undefined ? (active !== undefined ? t('openOf', { active, total }) : `${total}`) : undefined),
  ];
}

export interface PingResult {
  /** What the server said it measured, if anything. */
  serverTime?: string;
  timezone?: string;
  alive: boolean;
}

/** getServerPing → whether it answered "pong", and its clock. */
export function readPing(data: Answer | undefined): PingResult {
  const item = firstOf(data);
  const serverTime = text(item?.serverTime) ?? text(item?.serverTimeISO);
  const timezone = text(item?.timezone);
  return { alive: !!item && (item.ping === undefined || item.ping === 'pong'), ...(serverTime && { serverTime }), ...(timezone && { timezone }) };
}

export type HealthState = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

export interface Health {
  state: HealthState;
  words: string;
  /** Services that are not fine, in words ("cache: down"). */
  problems: string[];
  serviceCount: number;
}

const HEALTH_WORDS = {
  healthy: 'healthy',
  degraded: 'degraded',
  unhealthy: 'unhealthy',
  unknown: 'healthUnknown',
} as const satisfies Record<HealthState, Parameters<typeof t>[0]>;

const isFine = (status: string) => /^(ok|up|healthy|ready|true|connected|available)$/i.test(status);

/** getServerHealthz → an overall state and the services that are not fine. */
export function readHealth(data: Answer | undefined): Health {
  const item = firstOf(data);
  const raw = text(item?.status)?.toLowerCase();
  const state: HealthState = raw === 'healthy' || raw === 'ok' ? 'healthy' : raw === 'degraded' ? 'degraded' : raw === 'unhealthy' || raw === 'down' ? 'unhealthy' : 'unknown';
  const services = Object.entries(record(item?.services) ?? {});
  const problems = services.flatMap(([name, value]) => {
    const status = text(value) ?? text(record(value)?.status) ?? (typeof value === 'boolean' ? String(value) : undefined);
    return status && !isFine(status) ? [`${name}: ${status}`] : [];
  });
  return { state, words: t(HEALTH_WORDS[state]), problems, serviceCount: services.length };
}

export interface Readiness {
  ready: boolean | undefined;
  words: string;
  /** Dependencies that are not available ("redis"); a server may run fine without some of them. */
  unavailable: string[];
}

/** getServerReady → ready or not, and which dependencies are not available. */
export function readReadiness(data: Answer | undefined): Readiness {
  const item = firstOf(data);
  const ready = typeof item?.ready === 'boolean' ? item.ready : undefined;
  const unavailable = Object.entries(record(item?.dependencies) ?? {}).flatMap(([name, value]) => (value === false || (typeof value === 'string' && !isFine(value)) ? [name] : []));
  const words = t(ready === true ? 'ready' : ready === false ? 'notReady' : 'healthUnknown');
  return { ready, words, unavailable };
}

export interface CpuSample {
  /** Unix seconds. */
  time: number;
  percent: number;
}

/** getServerCpuHistory → samples in time order (entries without a number are left out). */
export function readCpuHistory(data: Answer | undefined): CpuSample[] {
  const item = firstOf(data);
  return (list(item?.data) ?? list(item?.samples) ?? [])
    .flatMap((raw) => {
      const sample = record(raw);
      const percent = num(sample?.usagePercent) ?? num(sample?.usage) ?? num(sample?.cpu);
      const time = num(sample?.timestamp) ?? num(sample?.time) ?? 0;
      return percent !== undefined ? [{ time, percent: Math.max(0, Math.min(100, percent)) }] : [];
    })
    .sort((a, b) => a.time - b.time);
}

export interface CpuChart {
  /** SVG polyline points ("x,y x,y …"); empty without samples. */
  points: string;
  min: number;
  avg: number;
  max: number;
  /** For the chart's aria-label. */
  summary: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Scales samples into a width×height box: time left to right, 0–100% bottom to top (a fixed
 * scale, so a quiet server does not look busy). One sample is drawn as a flat line.
 */
export function cpuChart(samples: readonly CpuSample[], width: number, height: number): CpuChart {
  if (samples.length === 0) return { points: '', min: 0, avg: 0, max: 0, summary: t('cpuNone') };
  const values = samples.map((s) => s.percent);
  const min = round1(Math.min(...values));
  const max = round1(Math.max(...values));
  const avg = round1(values.reduce((sum, v) => sum + v, 0) / values.length);
  const y = (percent: number) => round1(height - (percent / 100) * height);
  const step = samples.length > 1 ? width / (samples.length - 1) : 0;
  const points = samples.length === 1 ? `0,${y(values[0]!)} ${width},${y(values[0]!)}` : samples.map((s, i) => `${round1(i * step)},${y(s.percent)}`).join(' ');
  return { points, min, avg, max, summary: t.count('cpuSummary', samples.length, { min, avg, max }) };
}

/** postServerRestart → words for what the server will do. */
export function readRestart(data: Answer | undefined): string {
  const item = firstOf(data);
  if (item?.restartInitiated === false) {
    const at = text(item.scheduledAt);
    return at ? t('pendingAt', { at }) : t('pending');
  }
  return t('restarting');
}

/** postServerRestartScheduled → "Restarts daily at 02:30 (Asia/Jakarta); next: …", or that it was cleared. */
export function readSchedule(data: Answer | undefined): string {
  const item = firstOf(data);
  const time = text(item?.scheduledRestart) ?? text(item?.schedule);
  if (!item || !time || time === '0') return t('noSchedule');
  const zone = text(item.timezone);
  const next = text(item.nextRestartAt);
  return t('restartsAt', { time, zone: zone ? ` (${zone})` : '', next: next ? t('nextRestart', { next }) : '' });
}

/** Why a typed schedule cannot be sent, or null: WARest takes 24-hour "HH:MM". */
export function checkSchedule(value: string): string | null {
  if (!value.trim()) return t('enterTime');
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value.trim()) ? null : t('timeFormat');
}

/** Why a typed timezone is not an IANA name the browser knows, or null. Empty = the server's own. */
export function checkTimezone(value: string): string | null {
  if (!value.trim()) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value.trim() });
    return null;
  } catch {
    return t('badZone', { zone: value.trim() });
  }
}

/**
 * Whether an admin-only route refused the key itself (a 403, or WARest's 2201): a 403 that
 * WhatsApp or the server explains (e.g. a feature switched off) is not, and keeps its own words.
 */
export function isAdminKeyRefusal(error: ApiError): boolean {
  return isKeyRefusal(error) || error.code === 2201;
}

/** A refusal because the key is not an admin key (403), in words that say what to do. */
export function adminProblem(error: ApiError, what: string, serverName: string): string {
  if (isAdminKeyRefusal(error)) {
    return t('notAdminKey', { server: serverName, what });
  }
  return error.message;
}
