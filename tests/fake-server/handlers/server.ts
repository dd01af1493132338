/**
 * Server: ping (no key needed), and for admin keys only: info, health, readiness, CPU history,
 * restart now / on a schedule (the pipeline refuses user keys, README fact 8).
 * The fake reports its own process figures where it has them and the configured version.
 * A restart is simulated: it stays pending for a few seconds, then the uptime starts again.
 */
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { type HandlerMap, str } from '../context';
import { ApiError, envelope, ok } from '../envelope';
import { nowSeconds } from '../state';

/** The stock configuration's timezone (Asia/Jakarta, UTC+7, no daylight saving); a test may set state.server.timezone. */
export const SERVER_TIMEZONE = 'Asia/Jakarta';
const RESTART_DELAY_MS = 3000;

/** A zone's offset from UTC at `date`, in minutes (Intl's "GMT+07:00"; "GMT" is 0). */
function offsetMinutes(zone: string, date: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** ISO time in the server's timezone, e.g. 2024-05-01T15:30:00.000+07:00. */
export function serverIsoTime(date: Date, zone = SERVER_TIMEZONE): string {
  const minutes = offsetMinutes(zone, date);
  const sign = minutes < 0 ? '-' : '+';
  const hhmm = `${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  return new Date(date.getTime() + minutes * 60_000).toISOString().replace('Z', `${sign}${hhmm}`);
}

function uptimeSeconds(startedAt: number): number {
  return Math.floor((Date.now() - startedAt) / 1000);
}

function humanUptime(seconds: number): string {
  return `${Math.floor(seconds / 86400)}d ${Math.floor((seconds % 86400) / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}

const PERIOD_SECONDS: Record<string, number> = { '1h': 3600, '6h': 21600, '12h': 43200, '24h': 86400, '7d': 604800, '30d': 2592000 };
const INTERVAL_SECONDS: Record<string, number> = { '1m': 60, '5m': 300, '15m': 900, '30m': 1800, '1h': 3600 };
const MAX_SAMPLES = 720;

/** A smooth, repeatable load curve, so charts in the extension look alive. */
function cpuAt(timestamp: number): number {
  const value = 28 + 14 * Math.sin(timestamp / 5400) + 6 * Math.sin(timestamp / 777);
  return Math.round(Math.max(1, Math.min(99, value)) * 10) / 10;
}

export const serverHandlers: HandlerMap = {
  getServerPing(ctx) {
    const started = performance.now();
    const now = new Date();
    const zone = ctx.world.state.server.timezone ?? SERVER_TIMEZONE;
    return ok('Server is alive', [{
      ping: 'pong',
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      serverTime: serverIsoTime(now, zone).slice(0, 19).replace('T', ' '),
      serverTimeISO: serverIsoTime(now, zone),
      serverTimeUTC: now.toISOString(),
      timezone: zone,
      timezoneLocale: 'id-ID',
      timestamp: Math.floor(now.getTime() / 1000),
    }]);
  },

  getServerInfo(ctx) {
    const { state, options } = ctx.world;
    const total = Math.round(totalmem() / 1048576);
    const used = total - Math.round(freemem() / 1048576);
    const sessions = [...state.sessions.values()];
    return ok('Server information fetched', [{
      serverName: 'WARest',
      serverVersion: options.version,
      environment: 'production',
      uptimeSeconds: uptimeSeconds(state.server.startedAt),
      system: { platform: platform(), release: release() },
      cpu: { cores: cpus().length, usagePercent: cpuAt(nowSeconds()) },
      memory: { totalMB: total, usedMB: used, usagePercent: Math.round((used / total) * 1000) / 10 },
      process: { pid: process.pid, nodeVersion: process.versions.node, uptimeSeconds: uptimeSeconds(state.server.startedAt) },
      disk: [{ mount: '/', usedPercent: 45.1 }],
      loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
      timezone: state.server.timezone ?? SERVER_TIMEZONE,
      runtime: [{ name: 'node', version: process.versions.node }],
      sessions: { total: sessions.length, active: sessions.filter((session) => session.status === 'open').length },
      timestamp: nowSeconds(),
    }]);
  },

  getServerHealthz(ctx) {
    const uptime = uptimeSeconds(ctx.world.state.server.startedAt);
    return ok('All services healthy', [{
      status: 'healthy',
      serviceName: 'WARest API',
      serviceVersion: ctx.world.options.version,
      uptime: humanUptime(uptime),
      uptimeSeconds: uptime,
      services: {
        database: { status: 'ok', databaseType: 'sqlite' },
        cache: { status: 'ok', driver: 'memory' },
        storage: { status: 'ok' },
        messageQueue: 'ok',
        fileSystem: 'ok',
        ffmpeg: 'ok',
        sharp: 'ok',
      },
      timestamp: nowSeconds(),
    }]);
  },

  getServerCpuHistory(ctx) {
    const period = ctx.query.period ?? '1h';
    const interval = ctx.query.interval ?? '5m';
    const step = INTERVAL_SECONDS[interval] ?? 300;
    const count = Math.min(MAX_SAMPLES, Math.max(1, Math.floor((PERIOD_SECONDS[period] ?? 3600) / step)));
    const end = Math.floor(nowSeconds() / step) * step;
    const data = Array.from({ length: count }, (_, index) => {
      const timestamp = end - (count - 1 - index) * step;
      return { timestamp, usagePercent: cpuAt(timestamp) };
    });
    const usages = data.map((sample) => sample.usagePercent);
    return ok('CPU history fetched', [{
      period,
      interval,
      data,
      averageUsagePercent: Math.round((usages.reduce((sum, value) => sum + value, 0) / usages.length) * 10) / 10,
      maxUsagePercent: Math.max(...usages),
      timestamp: nowSeconds(),
    }]);
  },

  getServerReady(ctx) {
    // While a restart is pending the server is shutting down: it still answers, but not ready.
    const restarting = ctx.world.state.server.restartPending !== null;
    return ok(restarting ? 'Server is restarting' : 'Server is ready for traffic', [{ ready: !restarting, dependencies: { db: !restarting, redis: false, storage: true }, timestamp: nowSeconds() }]);
  },

  postServerRestart(ctx) {
    const server = ctx.world.state.server;
    if (server.restartPending) {
      return envelope(1005, 'A restart is already pending', [{ restartInitiated: false, scheduledAt: server.restartPending.scheduledAt, restartStrategy: server.restartPending.strategy, timestamp: nowSeconds() }]);
    }
    const scheduledAt = new Date(Date.now() + RESTART_DELAY_MS).toISOString();
    server.restartPending = { scheduledAt, strategy: 'node' };
    const timer = ctx.world.track(
      setTimeout(() => {
        ctx.world.untrack(timer);
        server.restartPending = null;
        server.restartCount += 1;
        server.startedAt = Date.now();
      }, RESTART_DELAY_MS),
    );
    return ok('Restart scheduled via node strategy', [{ restartInitiated: true, scheduledAt, restartStrategy: 'node', timestamp: nowSeconds() }]);
  },

  postServerRestartScheduled(ctx) {
    const schedule = (str(ctx.body, 'schedule') ?? '').trim();
    const timezone = str(ctx.body, 'timezone') ?? ctx.world.state.server.timezone ?? SERVER_TIMEZONE;
    const server = ctx.world.state.server;
    if (schedule === '0') {
      server.scheduledRestart = null;
      return ok('Scheduled restart cleared', []); // the envelope's results items must be objects: "null when cleared" is an empty list
    }
    const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule);
    if (!match) throw new ApiError(2002, 'Schedule must use HH:MM 24-hour format (e.g., 02:30)');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw new ApiError(2002, `timezone must be an IANA timezone, got ${timezone}`);
    }
    server.scheduledRestart = { time: schedule, timezone };
    // Next occurrence, computed in the server's own frame (UTC+7 by default; good enough for a fake).
    const serverZone = server.timezone ?? SERVER_TIMEZONE;
    const offset = offsetMinutes(serverZone, new Date()) * 60_000;
    const local = new Date(Date.now() + offset);
    const next = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), Number(match[1]), Number(match[2])) - offset);
    if (next.getTime() <= Date.now()) next.setTime(next.getTime() + 86400_000);
    return ok(`Restart scheduled daily at ${schedule} (${timezone})`, [{ scheduledRestart: schedule, timezone, nextRestartAt: serverIsoTime(next, serverZone), timestamp: nowSeconds() }]);
  },
};
