import { safeParse } from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerHandler } from '@/entrypoints/background/handler-registry';
import { isTrustedSender, routeMessage } from '@/entrypoints/background/router';
import { PROTOCOL, requestSchemas, type RequestOf } from '@/lib/messaging/protocol';

type Sender = Browser.runtime.MessageSender;

// The fake browser's extension id is "test-extension-id" and getURL builds chrome-extension:// URLs from it.
const ownId = () => fakeBrowser.runtime.id;
const ownPage = (): Sender => ({ id: ownId(), url: fakeBrowser.runtime.getURL('/popup.html'), origin: `chrome-extension://${ownId()}` });

const seen: Array<RequestOf<'profile.setDefault'>> = [];
const setDefaultHandler = vi.fn(async (payload: RequestOf<'profile.setDefault'>) => {
  seen.push(payload);
  if (payload.profileId === 'explode') throw new Error('secret-laden internal failure');
  return { ok: true as const, data: { defaultProfileId: payload.profileId } };
});
// Registered once for the file: the router keeps handlers in a module-level map.
registerHandler('profile.setDefault', setDefaultHandler);

const message = (type: string, payload: unknown) => ({ protocol: PROTOCOL, type, payload });

beforeEach(() => {
  fakeBrowser.reset();
  seen.length = 0;
  setDefaultHandler.mockClear();
});

describe('routeMessage: who may ask', () => {
  it('uses the fake browser identity the tests assume', () => {
    expect(ownId()).toBe('test-extension-id');
    expect(fakeBrowser.runtime.getURL('/')).toBe('chrome-extension://test-extension-id/');
  });

  it("accepts the extension's own page and dispatches to the registered handler", async () => {
    const reply = await routeMessage(message('profile.setDefault', { profileId: 'p1' }), ownPage());
    expect(reply).toEqual({ ok: true, data: { defaultProfileId: 'p1' } });
    expect(seen).toEqual([{ profileId: 'p1' }]);
  });

  it("accepts the extension's own page opened in a tab (options page)", async () => {
    const sender: Sender = { ...ownPage(), url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 3 } as Browser.tabs.Tab };
    expect((await routeMessage(message('profile.setDefault', { profileId: 'p1' }), sender)).ok).toBe(true);
  });

  it('rejects another extension', async () => {
    const sender: Sender = { id: 'other-extension', url: 'chrome-extension://other-extension/page.html', origin: 'chrome-extension://other-extension' };
    const reply = await routeMessage(message('profile.setDefault', { profileId: 'p1' }), sender);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(setDefaultHandler).not.toHaveBeenCalled();
  });

  it('rejects a content script (our id, but a web page URL and a tab)', async () => {
    const sender: Sender = { id: ownId(), url: 'https://web.whatsapp.com/', origin: 'https://web.whatsapp.com', tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };
    const reply = await routeMessage(message('profile.setDefault', { profileId: 'p1' }), sender);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(setDefaultHandler).not.toHaveBeenCalled();
  });

  it('rejects a sender with no URL, and one whose origin disagrees with its URL', () => {
    const extensionOrigin = 'chrome-extension://test-extension-id/';
    expect(isTrustedSender({ id: 'test-extension-id' }, 'test-extension-id', extensionOrigin)).toBe(false);
    expect(
      isTrustedSender({ id: 'test-extension-id', url: `${extensionOrigin}popup.html`, origin: 'https://evil.example' }, 'test-extension-id', extensionOrigin),
    ).toBe(false);
  });

  it('rejects an extension whose id merely starts with ours', () => {
    const extensionOrigin = 'chrome-extension://test-extension-id/';
    const sender: Sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-idX/popup.html' };
    expect(isTrustedSender(sender, 'test-extension-id', extensionOrigin)).toBe(false);
  });
});

describe('routeMessage: what may be asked', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'profile.setDefault'],
    ['a number', 42],
    ['no protocol', { type: 'profile.setDefault', payload: { profileId: 'p1' } }],
    ['another protocol', { protocol: 'warest-companion/0', type: 'profile.setDefault', payload: { profileId: 'p1' } }],
  ])('rejects a non-protocol message (%s) as invalid-input', async (_name, msg) => {
    const reply = await routeMessage(msg, ownPage());
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(setDefaultHandler).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['an unknown name', 'session.hack'],
    ['an inherited property name', 'toString'],
    ['a missing type', undefined],
    ['a non-string type', 7],
  ])('rejects %s as the type', async (_name, type) => {
    const reply = await routeMessage({ protocol: PROTOCOL, type, payload: {} }, ownPage());
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/Unknown message type/);
  });

  it.each<[string, string, unknown]>([
    ['operation.call without operationId', 'operation.call', { inputs: {} }],
    ['operation.call with a numeric operationId', 'operation.call', { operationId: 5 }],
    ['operation.call with inputs that are not an object', 'operation.call', { operationId: 'getServerPing', inputs: 'x' }],
    ['operation.call with a text timeout', 'operation.call', { operationId: 'getServerPing', timeoutMs: '100' }],
    ['profile.save without a name', 'profile.save', { baseUrl: 'http://localhost:4001' }],
    ['profile.remove with a null id', 'profile.remove', { profileId: null }],
    ['profile.setDefault with no payload', 'profile.setDefault', undefined],
    ['profile.setDefault with an array payload', 'profile.setDefault', ['p1']],
  ])('rejects a malformed payload (%s) with a structured invalid-input reply', async (_name, type, payload) => {
    const reply = await routeMessage(message(type, payload), ownPage());
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.kind).toBe('invalid-input');
      expect(reply.error.message).toContain(`Malformed “${type}” request`);
    }
    expect(setDefaultHandler).not.toHaveBeenCalled();
  });

  it('names the offending field of a malformed payload', async () => {
    const reply = await routeMessage(message('operation.call', { inputs: {} }), ownPage());
    if (reply.ok) throw new Error('expected a rejection');
    expect(reply.error.message).toContain('operationId');
  });

  it('answers a known type that no handler has registered with invalid-input', async () => {
    const reply = await routeMessage(message('profile.remove', { profileId: 'p1' }), ownPage());
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('turns a handler that throws into a server error, without the thrown details', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await routeMessage(message('profile.setDefault', { profileId: 'explode' }), ownPage());
    expect(reply).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(JSON.stringify(reply)).not.toContain('secret-laden');
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain('secret-laden');
    consoleError.mockRestore();
  });

  it('never throws, whatever it is given', async () => {
    const odd: unknown[] = [undefined, [], { protocol: PROTOCOL }, { protocol: PROTOCOL, type: 'operation.call', payload: 'x' }, Symbol('s')];
    for (const msg of odd) {
      await expect(routeMessage(msg, ownPage())).resolves.toMatchObject({ ok: false });
    }
  });
});

describe('routeMessage: limits on what a page may send', () => {
  async function malformed(type: string, payload: unknown): Promise<string> {
    const reply = await routeMessage(message(type, payload), ownPage());
    if (reply.ok) throw new Error('expected a rejection');
    expect(reply.error.kind).toBe('invalid-input');
    expect(reply.error.message).toContain(`Malformed “${type}” request`);
    return reply.error.message;
  }
  const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });

  it.each<[string, string, unknown, RegExp]>([
    ['a 4 MB profile name', 'profile.save', { name: 'n'.repeat(4 * 1024 * 1024), baseUrl: 'http://localhost:4001' }, /name: must be at most 100 characters/],
    ['a 3000-character URL', 'profile.save', { name: 'Shop', baseUrl: `http://h/${'p'.repeat(3000)}` }, /baseUrl: must be at most 2,048 characters/],
    ['a 600-character key', 'profile.save', { name: 'Shop', baseUrl: 'http://h', apiKey: 'k'.repeat(600) }, /apiKey: must be at most 512 characters/],
    ['a long profile id', 'profile.setDefault', { profileId: 'p'.repeat(201) }, /profileId: must be at most 200 characters/],
    ['a long draft key', 'connection.test', { draft: { baseUrl: 'http://h', apiKey: 'k'.repeat(513) } }, /draft\.apiKey/],
    ['a long session id at login', 'login.start', { sessionId: 's'.repeat(201), method: 'qr' }, /sessionId/],
    ['a job item that is a novel', 'jobs.start', { kind: 'numbers.check', sessionId: 'main', items: [{ input: 'phone', value: 'x'.repeat(2000) }] }, /items\.0\.value/],
    ['a timeout of days', 'operation.call', { operationId: 'getSessionList', timeoutMs: 3 * 86_400_000 }, /timeoutMs: must be at most 600000 ms/],
    ['a fractional timeout', 'operation.call', { operationId: 'getSessionList', timeoutMs: 1.5 }, /timeoutMs/],
    ['a zero timeout', 'operation.call', { operationId: 'getSessionList', timeoutMs: 0 }, /timeoutMs/],
    ['a long operation id', 'operation.call', { operationId: 'o'.repeat(201) }, /operationId/],
  ])('refuses %s', async (_what, type, payload, problem) => {
    expect(await malformed(type, payload)).toMatch(problem);
  });

  it('accepts values within the limits', async () => {
    const reply = await routeMessage(message('profile.setDefault', { profileId: 'p'.repeat(200) }), ownPage());
    expect(reply.ok).toBe(true);
  });

  it('bounds the values of an operation’s inputs: size, depth, list length, plain data only', async () => {
    expect(await malformed('operation.call', { operationId: 'postMessagesSendText', inputs: { message: 'x'.repeat(60 * 1024 * 1024) } })).toMatch(/inputs\.message: is too long/);
    expect(await malformed('operation.call', { operationId: 'postMessagesSendLocation', inputs: { location: nested(40) } })).toMatch(/nested too deeply/);
    expect(await malformed('operation.call', { operationId: 'postGroupParticipantsAdd', inputs: { participants: Array.from({ length: 6000 }, () => '1') } })).toMatch(/inputs\.participants: has too many items/);
    expect(await malformed('operation.call', { operationId: 'getSessionList', inputs: { when: new Date() } })).toMatch(/plain data/);
    expect(await malformed('operation.call', { operationId: 'getSessionList', inputs: { ['k'.repeat(101)]: 1 } })).toMatch(/inputs/);
  });

  it('refuses prototype keys inside input values, and leaves Object.prototype alone', async () => {
    const inputs = JSON.parse('{"sessionId":"s1","to":"1","location":{"latitude":1,"__proto__":{"polluted":true}}}') as unknown;
    expect(await malformed('operation.call', { operationId: 'postMessagesSendLocation', inputs })).toMatch(/inputs\.location: has a key named “__proto__”/);
    const deeper = JSON.parse('{"buttons":[{"id":"a","constructor":{"prototype":{"x":1}}}]}') as unknown;
    expect(await malformed('operation.call', { operationId: 'postMessagesSendButton', inputs: deeper })).toMatch(/“constructor”/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a list as a payload and "constructor" or "prototype" as an input name', async () => {
    expect(await malformed('login.poll', [])).toMatch(/payload: /);
    expect(await malformed('operation.call', { operationId: 'getGroups', inputs: [] })).toMatch(/inputs: /);
    expect(await malformed('operation.call', { operationId: 'getGroups', inputs: { constructor: 'x' } })).toMatch(/inputs: has a key named “constructor”/);
    expect(await malformed('operation.call', { operationId: 'getGroups', inputs: { prototype: {} } })).toMatch(/inputs: has a key named “prototype”/);
  });

  it('drops a top-level "__proto__" input without touching any prototype', () => {
    const parsed = safeParse(requestSchemas['operation.call'], JSON.parse('{"operationId":"getGroups","inputs":{"__proto__":{"sessionId":"evil"},"groupId":"g"}}'));
    expect(parsed.success).toBe(true);
    const inputs = (parsed.output as RequestOf<'operation.call'>).inputs!;
    expect(Object.keys(inputs)).toEqual(['groupId']);
    expect(Object.getPrototypeOf(inputs)).toBe(Object.prototype);
    expect((inputs as Record<string, unknown>).sessionId).toBeUndefined();
    expect(({} as Record<string, unknown>).sessionId).toBeUndefined();
  });

  it('lets a file of up to 40 MB of base64 through to the handler', async () => {
    const file = { kind: 'file', name: 'a.bin', type: 'application/octet-stream', base64: 'A'.repeat(1024 * 1024) };
    const reply = await routeMessage(message('operation.call', { operationId: 'postMessagesSendDocument', inputs: { sessionId: 's1', to: '1', document: file } }), ownPage());
    // No handler is registered for operation.call here: getting past the schema is the point.
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'Nothing handles “operation.call” yet.' } });
  });
});

