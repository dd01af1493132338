import { browser } from 'wxt/browser';
import { inspectValue, readChecked, repairChecked } from './checked';
import type { CheckedItem } from './define';

/**
 * The service worker's watch over every checked item: once at start, and whenever an item or its
 * version marker changes, a damaged value is repaired at once (see readChecked), so an item that
 * no page happens to read (recent recipients, say) is reported too, and no later reader ever
 * meets the damage. A valid write costs one check of the new value; nothing is read back.
 */
export function guardCheckedItems(items: ReadonlyArray<CheckedItem<any>>): () => void {
  const byKey = new Map<string, CheckedItem<unknown>>();
  for (const checked of items) {
    byKey.set(checked.storageKey, checked);
    byKey.set(`${checked.storageKey}$`, checked);
  }
  const due = new Set<CheckedItem<unknown>>();
  const damaged = new Set<CheckedItem<unknown>>();
  let scheduled = false;

  const check = (checked: CheckedItem<unknown>) =>
    readChecked(checked).catch((error: unknown) => {
      console.error(`WARest Companion: checking ${checked.storageKey} failed`, error instanceof Error ? error.message : error);
    });

  const flush = () => {
    scheduled = false;
    const batch = [...due];
    due.clear();
    const known = [...damaged];
    damaged.clear();
    for (const checked of batch) void check(checked);
    // Seen damaged in the change itself: straight to the repair (it re-reads under the lock).
    for (const checked of known) if (!batch.includes(checked)) void repairChecked(checked);
  };

  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    for (const [key, change] of Object.entries(changes)) {
      const checked = byKey.get(key);
      if (!checked) continue;
      // A new value that passes is fine as it is; a marker change is checked with its value.
      if (key !== checked.storageKey) due.add(checked);
      else if (!inspectValue(checked, change.newValue).ok) damaged.add(checked);
    }
    if (due.size + damaged.size > 0 && !scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };

  browser.storage.local.onChanged.addListener(listener);
  for (const checked of items) void check(checked);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
