import { browser } from 'wxt/browser';
import { serialised } from '@/lib/serialised';
import { profilesItem, readChecked } from '@/lib/storage';

/**
 * A stock WARest server refuses requests whose Origin header is not on its list, and Chrome puts
 * `Origin: chrome-extension://<id>` on the extension's POST and DELETE fetches. One
 * declarativeNetRequest rule per configured server removes that header — only from this
 * extension's own requests, only to that server (../shared/warest/README.md §4).
 */

export function originRulesFor(baseUrls: readonly string[], extensionId: string): chrome.declarativeNetRequest.Rule[] {
  const unique = [...new Set(baseUrls)];
  return unique.map((baseUrl, index) => ({
    id: index + 1,
    priority: 1,
    action: {
      type: 'modifyHeaders' as chrome.declarativeNetRequest.RuleActionType,
      requestHeaders: [{ header: 'origin', operation: 'remove' as chrome.declarativeNetRequest.HeaderOperation }],
    },
    condition: {
      // `|` anchors the filter at the start of the URL, so only this server's API is touched.
      urlFilter: `|${baseUrl}/`,
      initiatorDomains: [extensionId],
      resourceTypes: ['xmlhttprequest' as chrome.declarativeNetRequest.ResourceType, 'other' as chrome.declarativeNetRequest.ResourceType],
    },
  }));
}

/** One update at a time: each reads the rules in place and replaces them; two interleaved would add the same ids twice. */
const ruleUpdates = serialised();

/** Replaces the extension's rules with one per current profile. Calls are serialised. */
export function syncOriginRules(): Promise<void> {
  return ruleUpdates(async () => {
    const { profiles } = await readChecked(profilesItem);
    const rules = originRulesFor(profiles.map((p) => p.baseUrl), browser.runtime.id);
    const existing = await browser.declarativeNetRequest.getDynamicRules();
    await browser.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: existing.map((rule) => rule.id),
      addRules: rules as never,
    });
  }).catch((error: unknown) => {
    console.error('WARest Companion: could not update the Origin rules', error instanceof Error ? error.message : error);
  });
}
