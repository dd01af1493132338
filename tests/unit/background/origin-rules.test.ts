import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originRulesFor, syncOriginRules } from '@/entrypoints/background/origin-rules';
import { profilesItem, type ServerProfile } from '@/lib/storage';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';

describe('originRulesFor', () => {
  it('makes one rule per unique base URL, with ids from 1', () => {
    const rules = originRulesFor(['http://192.168.1.10:4001', 'https://warest.example.com/proxy', 'http://192.168.1.10:4001'], EXT);
    expect(rules).toHaveLength(2);
    expect(rules.map((r) => r.id)).toEqual([1, 2]);
  });

  it('makes no rules without servers', () => {
    expect(originRulesFor([], EXT)).toEqual([]);
  });

  it('removes the origin header, and nothing else', () => {
    const [rule] = originRulesFor(['http://192.168.1.10:4001'], EXT);
    expect(rule?.action.type).toBe('modifyHeaders');
    expect(rule?.action.requestHeaders).toEqual([{ header: 'origin', operation: 'remove' }]);
    expect(rule?.action.responseHeaders).toBeUndefined();
  });

  it("anchors the URL filter at the start of the server's URL, ending at a path boundary", () => {
    const [local, proxied] = originRulesFor(['http://192.168.1.10:4001', 'https://warest.example.com/proxy'], EXT);
    expect(local?.condition.urlFilter).toBe('|http://192.168.1.10:4001/');
    expect(proxied?.condition.urlFilter).toBe('|https://warest.example.com/proxy/');
  });

  it("applies only to the extension's own requests, XHR/fetch included", () => {
    for (const rule of originRulesFor(['http://a.example', 'http://b.example'], EXT)) {
      expect(rule.condition.initiatorDomains).toEqual([EXT]);
      expect(rule.condition.resourceTypes).toContain('xmlhttprequest');
      expect(rule.priority).toBe(1);
    }
  });
});

describe('syncOriginRules', () => {
  const profile = (id: string, baseUrl: string): ServerProfile => ({ id, name: id, baseUrl, notifications: true, createdAt: 1 });

  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("replaces the extension's rules with one per stored profile, for this extension's id", async () => {
    const getDynamicRules = vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([{ id: 1 }, { id: 7 }] as never);
    const updateDynamicRules = vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockResolvedValue(undefined as never);
    await profilesItem.item.setValue({
      profiles: [profile('a', 'http://192.168.1.10:4001'), profile('b', 'https://warest.example.com')],
      defaultProfileId: 'a',
    });

    await syncOriginRules();

    expect(getDynamicRules).toHaveBeenCalled();
    expect(updateDynamicRules).toHaveBeenCalledTimes(1);
    const update = updateDynamicRules.mock.calls[0]?.[0] as unknown as { removeRuleIds: number[]; addRules: chrome.declarativeNetRequest.Rule[] };
    expect(update.removeRuleIds).toEqual([1, 7]);
    expect(update.addRules.map((r) => r.condition.urlFilter)).toEqual(['|http://192.168.1.10:4001/', '|https://warest.example.com/']);
    expect(update.addRules[0]?.condition.initiatorDomains).toEqual([fakeBrowser.runtime.id]);
  });

  it('logs and survives a browser that refuses the update', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([] as never);
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockRejectedValue(new Error('quota'));

    await expect(syncOriginRules()).resolves.toBeUndefined();
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
