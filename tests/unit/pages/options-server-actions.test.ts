import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { registerOperationHandlers } from '@/entrypoints/background/operations';
import { registerProfileHandlers } from '@/entrypoints/background/profiles';
import { routeMessage } from '@/entrypoints/background/router';
import { accessRefused, saveServer, testServer } from '@/entrypoints/options/server-actions';
import { ownPage } from '../helpers/background';

/**
 * The options page's Save and Test connection, with the browser's permission prompt answered
 * both ways. A real headless browser cannot answer that prompt, so this is where it is tested.
 */

registerProfileHandlers();
registerOperationHandlers();

const draft = { name: 'Office', serverUrl: 'warest.example.com', apiKey: 'key-123', notifications: true };
let granted: Set<string>;
let request: ReturnType<typeof vi.fn>;

function answerPrompt(allow: boolean) {
  request.mockImplementation(async ({ origins }: { origins: string[] }) => {
    if (allow) origins.forEach((origin) => granted.add(origin));
    return allow;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  request = vi.fn();
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async ({ origins }: { origins: string[] }) =>
    origins.every((origin) => granted.has(origin))) as never);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([] as never);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockResolvedValue(undefined as never);
  // The page's messages reach the real background router, as from the options page.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => routeMessage(message, ownPage())) as never);
});
afterEach(() => vi.restoreAllMocks());

describe('Save', () => {
  it('asks for access to exactly this server, and confirms when allowed', async () => {
    answerPrompt(true);
    const { outcome, profile } = await saveServer(draft, undefined);
    expect(request).toHaveBeenCalledWith({ origins: ['https://warest.example.com/*'] });
    expect(outcome).toEqual({ tone: 'ok', text: 'Saved “Office”.' });
    expect(profile?.baseUrl).toBe('https://warest.example.com');
  });

  it('still saves when access is refused, and says what that means and how to fix it', async () => {
    answerPrompt(false);
    const { outcome, profile } = await saveServer(draft, undefined);
    expect(outcome).toEqual({ tone: 'warn', text: `Saved. ${accessRefused()}` });
    expect(profile).toBeDefined();
    const stored = await storage.getItem<{ profiles: unknown[] }>('local:profiles');
    expect(stored?.profiles).toHaveLength(1);
  });

  it('treats a prompt that fails (no user gesture) as refused', async () => {
    request.mockRejectedValue(new Error('This function must be called during a user gesture'));
    const { outcome } = await saveServer(draft, undefined);
    expect(outcome.tone).toBe('warn');
    expect(outcome.text).toContain('not allowed');
  });

  it('does not prompt for an address that is not valid', async () => {
    const { outcome } = await saveServer({ ...draft, serverUrl: 'ftp://x' }, undefined);
    expect(outcome.tone).toBe('error');
    expect(request).not.toHaveBeenCalled();
  });
});

describe('Test connection', () => {
  it('without access, reports the server unreachable for lack of permission, and says how to allow it', async () => {
    answerPrompt(false);
    const { outcome, report } = await testServer(draft, undefined);
    expect(outcome).toEqual({ tone: 'warn', text: accessRefused() });
    expect(report?.ok).toBe(false);
    expect(report?.error?.kind).toBe('permission');
    expect(report?.reachable.text).toMatch(/has not given the extension access to warest\.example\.com/);
  });

  it('with access granted, goes on to call the server', async () => {
    answerPrompt(true);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"status":true,"code":1000,"message":"ok","results":[{"serviceVersion":"0.3.44","items":[]}]}', { status: 200 })));
    const { outcome, report } = await testServer(draft, undefined);
    vi.unstubAllGlobals();
    expect(outcome).toBeUndefined();
    expect(report?.ok).toBe(true);
    expect(report?.serverVersion).toBe('0.3.44');
  });
});
