import { defineOperations, field } from './define';

export const serverOperations = defineOperations('Server', [
  {
    id: 'getServerPing',
    label: 'Ping',
    method: 'GET',
    path: '/server/ping',
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
    inputs: [],
  },
  {
    id: 'getServerCpuHistory',
    label: 'CPU history',
    method: 'GET',
    path: '/server/cpu-history',
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
      field('schedule', 'body', 'string', true, 'Schedule (cron)'),
      field('timezone', 'body', 'string', false, 'Timezone'),
    ],
  },
]);
