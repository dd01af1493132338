import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  apiKeysItem,
  DEFAULT_SETTINGS,
  profilesItem,
  settingsItem,
  snapshotsItem,
  type ProfileSnapshot,
  type ServerProfile,
  type Settings,
} from '@/lib/storage';

/**
 * A programmable stand-in for a WARest server behind `fetch`, for the background's unit tests:
 * answers by API path (the part after /api/v1), records every call with its query and key.
 */

export interface RecordedCall {
  url: URL;
  /** e.g. "/session/list" */
  path: string;
  query: Record<string, string>;
  apiKey: string | undefined;
}

export type Route = (call: RecordedCall) => Response | Promise<Response>;

export function envelope(results: unknown[] | null, options: { status?: number; code?: number; message?: string } = {}): Response {
  const status = options.status ?? 200;
  return new Response(JSON.stringify({ status: status < 400, code: options.code ?? 1000, message: options.message ?? 'OK', results }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function fakeWarestFetch() {
  const routes = new Map<string, Route>();
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^.*\/api\/v1/, '');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: RecordedCall = { url, path, query: Object.fromEntries(url.searchParams), apiKey: headers['X-WAREST-API-KEY'] };
    calls.push(call);
    const route = routes.get(path);
    if (!route) return new Response(JSON.stringify({ status: false, code: 404, message: 'Not found' }), { status: 404 });
    return route(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    calls,
    /** Answers `path` (e.g. "/session/list") with `route` from now on. */
    on(path: string, route: Route) {
      routes.set(path, route);
    },
    /** How many calls went to `path`. */
    count(path: string, filter?: (call: RecordedCall) => boolean): number {
      return calls.filter((call) => call.path === path && (!filter || filter(call))).length;
    },
  };
}

export type FakeWarestFetch = ReturnType<typeof fakeWarestFetch>;

export function listOf(items: Array<{ id: string; status: string; name?: string; phone?: string }>): Response {
  return envelope([
    {
      items: items.map((s) => ({
        id: s.id,
        status: s.status,
        me: s.status === 'open' ? { id: `${s.phone ?? '6281200000000'}:1@s.whatsapp.net`, name: s.name ?? s.id } : null,
        pushName: s.name ?? null,
        lastConn: null,
      })),
    },
  ]);
}

export const home: ServerProfile = { id: 'home', name: 'Home', baseUrl: 'http://192.168.1.10:4001', notifications: true, createdAt: 1 };
export const office: ServerProfile = { id: 'office', name: 'Office', baseUrl: 'https://warest.example.com/proxy', notifications: true, createdAt: 2 };

/** Seeds storage (before the background's watchers are registered, so seeding refreshes nothing). */
export async function seed(options: {
  profiles?: ServerProfile[];
  keys?: Record<string, string>;
  defaultProfileId?: string | null;
  settings?: Partial<Settings>;
  snapshots?: Record<string, ProfileSnapshot>;
}): Promise<void> {
  const profiles = options.profiles ?? [home];
  await profilesItem.item.setValue({ profiles, defaultProfileId: options.defaultProfileId === undefined ? (profiles[0]?.id ?? null) : options.defaultProfileId });
  await apiKeysItem.item.setValue(options.keys ?? Object.fromEntries(profiles.map((p) => [p.id, `key-${p.id}`])));
  await settingsItem.item.setValue({ ...DEFAULT_SETTINGS, ...options.settings });
  if (options.snapshots) await snapshotsItem.item.setValue(options.snapshots);
}

/** Host access as the browser would answer it: `granted` decides per origin pattern. */
export function hostAccess(granted: (origin: string) => boolean = () => true) {
  const contains = vi.fn(async (request: { origins?: string[] }) => (request.origins ?? []).every(granted));
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(contains as never);
  return contains;
}

export const QR_1 = 'data:image/png;base64,QUFBQQ==';
export const QR_2 = 'data:image/png;base64,QkJCQg==';
