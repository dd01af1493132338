import { defineOperations, field, format } from './define';

/** The scheduled restart takes a time of day, not a cron string (README of ../shared/warest, fact 9). */
export const RESTART_SCHEDULE_FORMAT = format('schedule', /^(?:(?:[01]\d|2[0-3]):[0-5]\d|0)$/);

export const serverOperations = defineOperations('Server', [
  {
    id: 'getServerPing',
    method: 'GET',
    path: '/server/ping',
    noAuth: true,
    inputs: [],
  },
  {
    id: 'getServerInfo',
    method: 'GET',
    path: '/server/info',
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'getServerHealthz',
    method: 'GET',
    path: '/server/healthz',
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'getServerCpuHistory',
    method: 'GET',
    path: '/server/cpu-history',
    adminOnly: true,
    inputs: [
      field('period', 'query', 'string', false, { options: ['1h', '6h', '12h', '24h', '7d', '30d'] }),
      field('interval', 'query', 'string', false, { options: ['1m', '5m', '15m', '30m', '1h'] }),
    ],
  },
  {
    id: 'getServerReady',
    method: 'GET',
    path: '/server/ready',
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'postServerRestart',
    method: 'POST',
    path: '/server/restart',
    destructive: true,
    adminOnly: true,
    inputs: [],
  },
  {
    id: 'postServerRestartScheduled',
    method: 'POST',
    path: '/server/restart/scheduled',
    destructive: true,
    adminOnly: true,
    inputs: [
      field('schedule', 'body', 'string', true, {
        help: true,
        maxLength: 5,
        format: RESTART_SCHEDULE_FORMAT,
      }),
      field('timezone', 'body', 'string', false, { help: true, maxLength: 64 }),
    ],
  },
]);
