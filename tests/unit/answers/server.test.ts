import { describe, expect, it } from 'vitest';
import {
  adminProblem,
  checkSchedule,
  checkTimezone,
  cpuChart,
  formatUptime,
  readCpuHistory,
  readHealth,
  readPing,
  readReadiness,
  readRestart,
  readSchedule,
  readServerInfo,
} from '@/lib/answers/server';

/** The popup's readers of WARest's server answers and the CPU chart's scaling. */

const answer = (first: unknown) => ({ results: first === undefined ? [] : [first] });

describe('formatUptime', () => {
  it('says days and hours, hours and minutes, minutes, or seconds', () => {
    expect(formatUptime(3 * 86400 + 4 * 3600 + 59 * 60)).toBe('3 d 4 h');
    expect(formatUptime(4500)).toBe('1 h 15 min');
    expect(formatUptime(300)).toBe('5 min');
    expect(formatUptime(42.7)).toBe('42 s');
    expect(formatUptime(0)).toBe('0 s');
  });
  it('is undefined for nothing, negatives and NaN', () => {
    expect(formatUptime(undefined)).toBeUndefined();
    expect(formatUptime(-1)).toBeUndefined();
    expect(formatUptime(Number.NaN)).toBeUndefined();
  });
});

describe('readServerInfo', () => {
  it('reads version, uptime, memory in MB, CPU, sessions and the rest as facts', () => {
    const facts = readServerInfo(
      answer({
        serverName: 'WARest',
        serverVersion: '0.3.44',
        environment: 'production',
        uptimeSeconds: 277_200,
        system: { platform: 'linux', release: '6.1' },
        cpu: { cores: 2, usagePercent: 31.5 },
        memory: { totalMB: 4000, usedMB: 1000, usagePercent: 25 },
        process: { nodeVersion: '20.20.2' },
        disk: [{ mount: '/', usedPercent: 45.1 }, 'odd'],
        loadAverage: [0.5, 'x', 0.25],
        timezone: 'Asia/Jakarta',
        sessions: { total: 3, active: 2 },
      }),
    );
    expect(Object.fromEntries(facts.map((f) => [f.label, f.value]))).toEqual({
      Name: 'WARest',
      Version: '0.3.44',
      Environment: 'production',
      'Up for': '3 d 5 h',
      Memory: '1000 MB of 4000 MB (25%)',
      CPU: '2 cores, 31.5% busy',
      'Load average': '0.5 / 0.25',
      Disk: '/ 45.1% full',
      System: 'linux 6.1',
      'Node.js': '20.20.2',
      'Time zone': 'Asia/Jakarta',
      Sessions: '2 of 3 open',
    });
  });

  it('turns bytes into MB, works out used memory from free, and leaves out what is missing', () => {
    const facts = readServerInfo(answer({ version: '1.0', memory: { total: 2 * 1048576 * 1024, free: 1048576 * 1024 }, process: { uptimeSeconds: '90' } }));
    expect(facts).toEqual([
      { label: 'Version', value: '1.0' },
      { label: 'Up for', value: '1 min' },
      { label: 'Memory', value: '1024 MB of 2048 MB (50%)' },
    ]);
    expect(readServerInfo(answer({ memory: 'lots', cpu: [], sessions: null }))).toEqual([]);
    expect(readServerInfo(answer(undefined))).toEqual([]);
  });
});

describe('readPing', () => {
  it('reads pong and the server clock', () => {
    expect(readPing(answer({ ping: 'pong', serverTime: '2024-05-01 15:30:00', timezone: 'Asia/Jakarta' }))).toEqual({ alive: true, serverTime: '2024-05-01 15:30:00', timezone: 'Asia/Jakarta' });
    expect(readPing(answer({ ping: 'nope' })).alive).toBe(false);
    expect(readPing(answer(undefined))).toEqual({ alive: false });
  });
});

describe('readHealth', () => {
  it('says healthy and lists no problems when every service is fine', () => {
    const health = readHealth(answer({ status: 'healthy', services: { database: { status: 'ok' }, ffmpeg: 'ok', cache: { status: 'ok' } } }));
    expect(health).toEqual({ state: 'healthy', words: 'Healthy: every service works', problems: [], serviceCount: 3 });
  });
  it('names the services that are not fine', () => {
    const health = readHealth(answer({ status: 'degraded', services: { database: { status: 'ok' }, cache: { status: 'down' }, sharp: 'missing', weird: 5 } }));
    expect(health.state).toBe('degraded');
    expect(health.problems).toEqual(['cache: down', 'sharp: missing']);
  });
  it('is unknown when the answer has no status', () => {
    expect(readHealth(answer(undefined))).toEqual({ state: 'unknown', words: 'Unknown: the server did not say', problems: [], serviceCount: 0 });
    expect(readHealth(answer({ status: 42 })).state).toBe('unknown');
  });
});

describe('readReadiness', () => {
  it('says ready and names unavailable dependencies', () => {
    expect(readReadiness(answer({ ready: true, dependencies: { db: true, redis: false, storage: 'ok', queue: 'down' } }))).toEqual({
      ready: true,
      words: 'Ready: accepting requests',
      unavailable: ['redis', 'queue'],
    });
  });
  it('says not ready, or unknown when the answer does not say', () => {
    expect(readReadiness(answer({ ready: false })).words).toMatch(/^Not ready/);
    expect(readReadiness(answer({ ready: 'yes' })).ready).toBeUndefined();
    expect(readReadiness(undefined).words).toMatch(/^Unknown/);
  });
});

describe('readCpuHistory', () => {
  it('reads samples in time order, clamps to 0–100 and skips samples without a number', () => {
    const samples = readCpuHistory(answer({ data: [{ timestamp: 20, usagePercent: 150 }, { timestamp: 10, usagePercent: '12.5' }, { timestamp: 30 }, 'x', { timestamp: 40, usagePercent: -3 }] }));
    expect(samples).toEqual([
      { time: 10, percent: 12.5 },
      { time: 20, percent: 100 },
      { time: 40, percent: 0 },
    ]);
    expect(readCpuHistory(answer({ data: 'none' }))).toEqual([]);
    expect(readCpuHistory(undefined)).toEqual([]);
  });
});

describe('cpuChart', () => {
  it('spreads samples over the width and maps 0–100% to the height, bottom up', () => {
    const chart = cpuChart([{ time: 1, percent: 0 }, { time: 2, percent: 50 }, { time: 3, percent: 100 }], 200, 40);
    expect(chart.points).toBe('0,40 100,20 200,0');
    expect(chart).toMatchObject({ min: 0, avg: 50, max: 100 });
    expect(chart.summary).toBe('CPU usage over 3 samples: lowest 0%, average 50%, highest 100%');
  });
  it('draws one sample as a flat line and rounds the summary to one decimal', () => {
    const chart = cpuChart([{ time: 1, percent: 33.333 }], 100, 30);
    expect(chart.points).toBe('0,20 100,20');
    expect(chart.summary).toBe('CPU usage over 1 sample: lowest 33.3%, average 33.3%, highest 33.3%');
  });
  it('says so when there are no samples', () => {
    expect(cpuChart([], 100, 30)).toEqual({ points: '', min: 0, avg: 0, max: 0, summary: 'CPU usage: no samples in this period' });
  });
});

describe('restart answers and inputs', () => {
  it('words a restart and an already pending one', () => {
    expect(readRestart(answer({ restartInitiated: true }))).toMatch(/is restarting/);
    expect(readRestart(answer({ restartInitiated: false, scheduledAt: '2024-05-01T10:00:00Z' }))).toBe('A restart was already pending (at 2024-05-01T10:00:00Z).');
    expect(readRestart(answer(undefined))).toMatch(/is restarting/);
  });
  it('words a stored schedule and a cleared one', () => {
    expect(readSchedule(answer({ scheduledRestart: '02:30', timezone: 'Asia/Jakarta', nextRestartAt: '2024-05-02T02:30:00.000+07:00' }))).toBe(
      'The server restarts daily at 02:30 (Asia/Jakarta). Next restart: 2024-05-02T02:30:00.000+07:00.',
    );
    expect(readSchedule(answer(undefined))).toBe('No daily restart is scheduled any more.');
  });
  it('checks HH:MM and IANA time zones before sending', () => {
    expect(checkSchedule('02:30')).toBeNull();
    expect(checkSchedule('23:59')).toBeNull();
    expect(checkSchedule('24:00')).toMatch(/24-hour/);
    expect(checkSchedule('2:30')).toMatch(/24-hour/);
    expect(checkSchedule('')).toMatch(/Enter a time/);
    expect(checkTimezone('Asia/Jakarta')).toBeNull();
    expect(checkTimezone('')).toBeNull();
    expect(checkTimezone('Mars/Olympus')).toMatch(/not a time zone name/);
  });
  it('says in words when the key is not an admin key, and keeps other errors as they are', () => {
    expect(adminProblem({ kind: 'forbidden', message: 'x', status: 403, code: 2201 }, 'restart', 'Office')).toBe(
      'The server “Office” refused to restart: the API key saved for it is not an admin key. Use the server’s admin key (in the extension’s options) to do this.',
    );
    expect(adminProblem({ kind: 'network', message: 'Cannot reach the server.' }, 'restart', 'Office')).toBe('Cannot reach the server.');
    // A 403 the server explains itself is not blamed on the key.
    expect(adminProblem({ kind: 'forbidden', message: 'This feature is switched off on the server.', status: 403, code: 8006 }, 'restart', 'Office')).toBe('This feature is switched off on the server.');
  });
});
