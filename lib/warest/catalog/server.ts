import { defineOperations, field } from './define';

/** The scheduled restart takes a time of day, not a cron string (README of ../shared/warest, fact 9). */
export const RESTART_SCHEDULE_FORMAT = {
  pattern: /^(?:(?:[01]\d|2[0-3]):[0-5]\d|0)$/,
  description: 'a time of day as HH:MM on a 24-hour clock (e.g. 02:30), or 0 to cancel the schedule',
};

export const serverOperations = defineOperations('Server', [
  {
    id: 'getServerPing',
    label: 'Ping',
    method: 'GET',
    path: '/server/ping',
    noAuth: true,
    inputs: [],
  },
  {
    id: 'getServerInfo',
    label: 'Server info',
    method: 'GET',
    path: '/server/info',
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'getServerHealthz',
    label: 'Health check',
    method: 'GET',
    path: '/server/healthz',
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'getServerCpuHistory',
    label: 'CPU history',
    method: 'GET',
    path: '/server/cpu-history',
    adminOnly: true,
    inputs: [
      field('period', 'query', 'string', false, 'Period', { options: ['1h', '6h', '12h', '24h', '7d', '30d'] }),
      field('interval', 'query', 'string', false, 'Interval', { options: ['1m', '5m', '15m', '30m', '1h'] }),
    ],
  },
  {
    id: 'getServerReady',
    label: 'Readiness',
    method: 'GET',
    path: '/server/ready',
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'postServerRestart',
    label: 'Restart server',
    method: 'POST',
    path: '/server/restart',
    destructive: true,
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'postServerRestartScheduled',
    label: 'Schedule restarts',
    method: 'POST',
    path: '/server/restart/scheduled',
    destructive: true,
    adminOnly: true,
    inputs: [
      field('schedule', 'body', 'string', true, 'Daily restart time', {
        help: 'The time of day to restart, as HH:MM on a 24-hour clock (e.g. 02:30); 0 cancels the schedule',
        maxLength: 5,
        format: RESTART_SCHEDULE_FORMAT,
      }),
      field('timezone', 'body', 'string', false, 'Time zone', { help: 'An IANA time zone, e.g. Asia/Jakarta; the server’s own when left empty', maxLength: 64 }),
    ],
  },
]);
