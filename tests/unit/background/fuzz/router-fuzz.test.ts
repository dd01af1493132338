import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settleJobs } from '@/entrypoints/background/job-runner';
import { registerJobs } from '@/entrypoints/background/jobs';
import { registerLogin } from '@/entrypoints/background/login';
import { registerOperationHandlers } from '@/entrypoints/background/operations';
import { registerProfileHandlers } from '@/entrypoints/background/profiles';
import { routeMessage } from '@/entrypoints/background/router';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import type { ErrorKind } from '@/lib/warest/api-result';
import { OPERATIONS } from '@/lib/warest/catalog';
import { PROTOCOL, requestSchemas } from '@/lib/messaging/protocol';
import { apiKeysItem, profilesItem } from '@/lib/storage';
import { startFakeWarest, type FakeWarest } from '../../../fake-server/index';
import { ownPage } from '../../helpers/background';

/**
 * Seeded fuzzing of the background's one door: thousands of generated messages — wrong types,
 * missing and extra fields, huge strings, unknown ids, `__proto__`, deep nesting, every operation
 * with odd inputs — sent to the router as the extension's own page would, with a real fake WARest
 * server behind it. Every message must get a structured reply of a known kind, no handler may
 * throw, the server must see no request outside WARest's published contract, the key must appear
 * in no reply, and valid calls must still work afterwards. FUZZ_SEED and FUZZ_COUNT reproduce or
 * widen a run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const KEY = 'fuzz-canary-key-7f3a9c';
const KINDS = new Set<ErrorKind>([
  'invalid-input', 'no-profile', 'permission', 'network', 'timeout', 'aborted', 'auth', 'forbidden',
  'not-found', 'rate-limited', 'not-logged-in', 'validation', 'origin-blocked', 'server', 'bad-response',
]);
const INTERNAL = /internal error/i;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof prng>;

const ODD_STRINGS = [
  '', ' ', 'main', 'sales', 'gone', 'my session/1', '../../etc/passwd', '%2e%2e', '\u0000', '\ud800', 'a\u200bb', '“quoted”',
  '<script>alert(1)</script>', '__proto__', 'constructor', 'toString', '6281234567890', '+62 812-3456-7890', '0812 3456 7890',
  '120363000000000001@g.us', 'x@s.whatsapp.net', 'https://chat.whatsapp.com/AAAAAAAAAAAAAAAAAAAAAA', 'http://127.0.0.1:1/',
  'ftp://example.com', 'javascript:alert(1)', '02:30', '* * * * *', '-1', '1e309', 'NaN', 'true', 'null', '{}', '[]',
  'data:image/png;base64,iVBORw0KGgo=', 'not base64!!', '😀'.repeat(50),
];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

function oddValue(r: Random, huge: boolean): unknown {
  switch (r.int(14)) {
    case 0: return r.pick(ODD_STRINGS);
    case 1: return huge ? 'x'.repeat(r.pick([100_000, 1_000_000, 4_000_000])) : 'y'.repeat(r.int(300));
    case 2: return r.pick([0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY]);
    case 3: return r.chance(0.5);
    case 4: return null;
    case 5: return undefined;
    case 6: return [r.pick(ODD_STRINGS), r.int(10), null];
    case 7: return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    case 8: return deep(r.pick([10, 200, 2_000]));
    case 9: return { kind: 'file', name: r.pick(ODD_STRINGS), type: r.pick(['image/png', 'text/plain', '', 'x']), base64: r.pick(['iVBORw0KGgo=', 'not base64!!', '']) };
    case 10: return Array.from({ length: r.int(50) }, () => r.pick(ODD_STRINGS));
    case 11: return String(r.int(1000));
    case 12: return r.pick(['main', 'sales', 'starting-one']);
    default: return { toString: 'nope', valueOf: 1 };
  }
}

/** Inputs for one operation: mostly the right names, with values of every kind. */
function inputsFor(r: Random, operationId: string, huge: boolean): Record<string, unknown> {
  const operation = OPERATIONS.find((op) => op.id === operationId);
  const inputs: Record<string, unknown> = {};
  for (const input of operation?.inputs ?? []) {
    if (r.chance(0.2)) continue;
    inputs[input.name] = input.name === 'sessionId' && r.chance(0.6) ? r.pick(['main', 'sales', 'starting-one', 'gone']) : oddValue(r, huge && r.chance(0.1));
  }
  if (r.chance(0.2)) inputs[r.pick(['extra', '__proto__', 'constructor', 'inputs'])] = oddValue(r, false);
  return inputs;
}

/** A payload near the schema of `type`, then bent. */
function payloadFor(r: Random, type: string, profileId: string, huge: boolean): unknown {
  const profile = r.chance(0.7) ? profileId : r.pick([undefined, 'gone', '', '__proto__', oddValue(r, false)]);
  const base: Record<string, unknown> = (() => {
    switch (type) {
      case 'operation.call': {
        const operationId = r.chance(0.9) ? r.pick(OPERATIONS).id : r.pick(['', 'nope', '__proto__', 'constructor', 'getserverping']);
        return { profileId: profile, operationId, inputs: inputsFor(r, operationId, huge), ...(r.chance(0.2) && { timeoutMs: r.pick([1, 500, 2 ** 31, 2 ** 40, -5, 0]) }) };
      }
      case 'connection.test': return { profileId: profile, ...(r.chance(0.6) && { draft: { baseUrl: r.pick(['http://127.0.0.1:1', 'nonsense', '', 'ftp://x']), apiKey: oddValue(r, huge) } }) };
      case 'profile.save': return { id: r.chance(0.3) ? profile : undefined, name: oddValue(r, huge), baseUrl: r.pick(['http://127.0.0.1:1', 'warest.local', '', oddValue(r, huge)]), apiKey: oddValue(r, huge), notifications: oddValue(r, false) };
      case 'profile.remove':
      case 'profile.setDefault': return { profileId: r.pick(['gone', '', '__proto__', oddValue(r, huge)]) };
      case 'sessions.refresh': return { profileId: profile };
      case 'login.start': return { profileId: profile, sessionId: oddValue(r, huge), method: r.pick(['qr', 'pairing', 'sms', 1]), phone: oddValue(r, false) };
      case 'jobs.start': return {
        kind: r.pick(['group.add', 'group.approve', 'group.reject', 'numbers.check', 'nope']),
        profileId: profile,
        sessionId: r.pick(['main', 'gone', oddValue(r, false)]),
        groupId: r.pick(['120363000000000001@g.us', oddValue(r, false)]),
        groupName: oddValue(r, false),
        items: r.chance(0.8) ? Array.from({ length: r.int(5) }, () => ({ input: r.pick(ODD_STRINGS), value: r.pick(ODD_STRINGS) })) : oddValue(r, huge),
      };
      case 'jobs.retryFailed':
      case 'jobs.cancel':
      case 'jobs.dismiss': return { jobId: r.pick(['gone', '', oddValue(r, false)]) };
      default: return {};
    }
  })();
  // Bend it: drop, retype or add fields.
  for (let i = r.int(3); i > 0; i--) {
    const keys = Object.keys(base);
    const action = r.int(3);
    if (action === 0 && keys.length) delete base[r.pick(keys)];
    else if (action === 1 && keys.length) base[r.pick(keys)] = oddValue(r, false);
    else base[r.pick(['extra', '__proto__', 'payload', 'type'])] = oddValue(r, false);
  }
  return base;
}

/** A message, and whether it is malformed for sure (then the only right answer is invalid-input). */
function messageFor(r: Random, profileId: string, huge: boolean): { message: unknown; malformed: boolean } {
  const types = Object.keys(requestSchemas);
  switch (r.int(20)) {
    case 0: return { message: oddValue(r, false), malformed: true };
    case 1: return { message: { protocol: 'warest-companion/0', type: 'operation.call', payload: {} }, malformed: true };
    case 2: return { message: { protocol: PROTOCOL, type: r.pick(['nope', '__proto__', 'constructor', 'toString', '']) }, malformed: true };
    case 3: return { message: { protocol: PROTOCOL, type: 'operation.call', payload: r.pick([null, 'text', 42, [], { operationId: 7 }]) }, malformed: true };
    default: {
      const type = r.pick(types);
      return { message: { protocol: PROTOCOL, type, payload: payloadFor(r, type, profileId, huge) }, malformed: false };
    }
  }
}

let server: FakeWarest;
const profileId = 'fuzzed';
const outsideRequests: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startFakeWarest({ keys: [{ key: KEY, user: 'alice', admin: true }], rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice', phone: '6281234567890' } });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  server.addSession('alice', { id: 'starting-one', status: 'starting' });
  server.addGroup('alice', 'main', { subject: 'Team' });
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  // Only the fake server may be reached: a saved profile pointing elsewhere must not reach the network.
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(server.url)) {
      outsideRequests.push(url);
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return realFetch(input, init);
  });
  await profilesItem.item.setValue({ profiles: [{ id: profileId, name: 'Fuzz', baseUrl: server.url, notifications: false, createdAt: 1 }], defaultProfileId: profileId });
  await apiKeysItem.item.setValue({ [profileId]: KEY });
  registerProfileHandlers();
  registerOperationHandlers();
  registerSessionsSync();
  registerLogin();
  registerJobs();
});

afterAll(async () => {
  await settleJobs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await server?.stop();
});

describe(`the background router under ${COUNT} generated messages (seed ${SEED})`, () => {
  it('answers every one with a structured reply, breaks nothing, and still works after', { timeout: 600_000 }, async () => {
    const r = prng(SEED);
    const consoleErrors: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args) => void consoleErrors.push(args));
    const counts = { ok: 0, invalid: 0, other: 0, internal: 0, unstructured: 0, keyLeaks: 0, wrongKind: 0 };
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    const byKind = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < COUNT; i++) {
      const { message, malformed } = messageFor(r, profileId, r.chance(0.02));
      let reply: unknown;
      try {
        reply = await routeMessage(message, ownPage());
      } catch (error) {
        reply = { thrown: String(error) };
      }
      const structured = !!reply && typeof reply === 'object' && (
        ((reply as { ok: unknown }).ok === true && 'data' in reply) ||
        ((reply as { ok: unknown }).ok === false && KINDS.has((reply as { error: { kind: ErrorKind } }).error?.kind) && typeof (reply as { error: { message: unknown } }).error.message === 'string')
      );
      if (!structured) {
        counts.unstructured += 1;
        continue;
      }
      const typed = reply as { ok: boolean; error?: { kind: string; message: string } };
      if (JSON.stringify(typed).includes(KEY)) counts.keyLeaks += 1;
      if (malformed && (typed.ok || typed.error!.kind !== 'invalid-input')) counts.wrongKind += 1;
      if (typed.ok) counts.ok += 1;
      else if (typed.error!.kind === 'server' && INTERNAL.test(typed.error!.message)) counts.internal += 1;
      else {
        if (typed.error!.kind === 'invalid-input') counts.invalid += 1;
        else counts.other += 1;
        byKind.set(typed.error!.kind, (byKind.get(typed.error!.kind) ?? 0) + 1);
      }
    }
    await settleJobs();
    process.off('warning', onWarning);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: ${COUNT} messages in ${seconds} s — ${counts.ok} ok, ${counts.invalid} invalid-input, ${counts.other} other errors (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}); ${server.requests.length} requests reached the server, ${server.requests.filter((entry) => entry.status === 400).length} of them refused by the server's own checks beyond the description`);

    expect(counts.unstructured).toBe(0);
    expect(counts.wrongKind).toBe(0);
    // e.g. a timeout past 2^31 - 1 ms, which Node and browsers fire at once
    expect(warnings).toEqual([]);
    expect(counts.internal).toBe(0);
    expect(counts.keyLeaks).toBe(0);
    expect(consoleErrors.filter((args) => String(args[0]).includes('handler failed'))).toEqual([]);
    expect(server.requests.filter((entry) => entry.violations.length).map((entry) => `${entry.violations.join('; ')} — ${JSON.stringify(entry.query)} ${JSON.stringify(entry.body)?.replace(/"(y+|x+)"/g, "\"…\"").slice(0, 400)} ${entry.headers['content-type'] ?? ''}`)).toEqual([]);
    expect(server.errors).toEqual([]);
    // Every payload outside its schema is refused before anything is sent.
    expect(counts.invalid).toBeGreaterThan(COUNT / 4);
    // Nothing polluted the prototypes.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Valid calls still work (on the profile as it was: the fuzz may have moved it, as a person may).
    await routeMessage({ protocol: PROTOCOL, type: 'profile.save', payload: { id: profileId, name: 'Fuzz', baseUrl: server.url, apiKey: KEY } }, ownPage());
    const list = (await routeMessage({ protocol: PROTOCOL, type: 'operation.call', payload: { profileId, operationId: 'getSessionList' } }, ownPage())) as { ok: boolean };
    expect(list.ok).toBe(true);
    const refreshed = (await routeMessage({ protocol: PROTOCOL, type: 'sessions.refresh', payload: { profileId } }, ownPage())) as { ok: boolean; data?: { server: { state: string } } };
    expect(refreshed).toMatchObject({ ok: true, data: { server: { state: 'ok' } } });
  });
});
