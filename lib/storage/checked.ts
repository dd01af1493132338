import type { CheckedItem } from './define';
import { inspectStored, inspectValue, readStored, type Stored } from './inspect';

export { inspectValue, type StorageProblem } from './inspect';

/**
 * Stored items (lib/storage/items/, defined by lib/storage/define.ts) checked whenever they are
 * read or seen changing. A damaged value (the wrong type, the wrong shape, far too large, or
 * written by a newer version of the extension) is handled once: a bounded copy is kept aside
 * under `<key>:damaged`, the item is reset, and one notice says so. It is never iterated, so no
 * damaged value can freeze a page or the service worker. The repair itself (repair.ts) comes from
 * a loader each context registers (setRepairLoader): pages load it lazily, only when damage is
 * found (page-repair.ts), so pages that never meet any do not carry it; the service worker, a
 * module worker where `import()` throws, registers it statically at start.
 */

type RepairModule = typeof import('./repair');
let loadRepair: (() => Promise<RepairModule>) | undefined;

/** How this context gets repair.ts; registered once, before anything is read. */
export function setRepairLoader(loader: () => Promise<RepairModule>): void {
  loadRepair = loader;
}

/**
 * Reads an item and checks it. A value that fails the check is copied (bounded) to
 * `<key>:damaged`, reset to its fallback, and reported in the storage notices, exactly once even
 * when several readers (this page, another page, the service worker) find it at the same time.
 */
export async function readChecked<T>(checked: CheckedItem<T>): Promise<T> {
  let stored: Stored;
  try {
    stored = await readStored(checked as CheckedItem<unknown>);
  } catch (error) {
    console.error(`WARest Companion: could not read ${checked.storageKey}`, error instanceof Error ? error.message : error);
    return checked.fallback;
  }
  const verdict = inspectStored(checked, stored);
  if (verdict.ok) return verdict.value;
  return repairChecked(checked, verdict.value);
}

/**
 * Repairs an item found damaged (see readChecked) and answers what it reads as afterwards.
 * Repairs are ordered by the storage lock (across contexts too), and each re-reads the item
 * first, so the damage is handled once; the re-reads after the first are of the small reset value.
 */
export async function repairChecked<T>(checked: CheckedItem<T>, kept?: T): Promise<T> {
  try {
    // i18n-exempt: developer error, caught just below and only logged
    if (!loadRepair) throw new Error('no repair loader is registered in this context (lib/storage/page-repair.ts for a page, setRepairLoader at the worker start)');
    const { repairUnderLock } = await loadRepair();
    return await repairUnderLock(checked);
  } catch (error) {
    console.error(`WARest Companion: could not repair ${checked.storageKey}`, error instanceof Error ? error.message : error);
    return kept ?? checked.fallback;
  }
}

/**
 * Watches an item with checked values: the callback only ever sees values that passed the
 * check (a damaged previous value counts as the fallback). A damaged new value is repaired once
 * (see readChecked) and not passed on; the reset that follows is the next change.
 */
export function watchChecked<T>(checked: CheckedItem<T>, callback: (next: T, previous: T) => void): () => void {
  return checked.item.watch((next, previous) => {
    const verdict = inspectValue(checked, next);
    if (!verdict.ok) {
      void repairChecked(checked);
      return;
    }
    const before = inspectValue(checked, previous);
    callback(verdict.value, before.ok ? before.value : checked.fallback);
  });
}
