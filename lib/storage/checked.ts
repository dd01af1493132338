import { browser } from 'wxt/browser';
import type { CheckedItem } from './define';
import { storageNoticesItem, MAX_NOTICES, type StorageNotice } from './items/storage-notices';
import { DAMAGED_COPY_LIMIT, formatBytes, jsonSize } from './limits';
import { withStorageLock } from './lock';

/**
 * Stored items (lib/storage/items/, defined by lib/storage/define.ts) checked whenever they are
 * read or seen changing. A damaged value (the wrong type, the wrong shape, far too large, or
 * written by a newer version of the extension) is handled once: a bounded copy is kept aside
 * under `<key>:damaged`, the item is reset, and one notice says so. It is never iterated, so no
 * damaged value can freeze a page or the service worker.
 */

// ---- Checking -----------------------------------------------------------------------------

export type StorageProblem =
  | { kind: 'invalid' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'newer-version'; storedVersion: number }
  /** The version marker is junk; the value itself is fine and is kept. */
  | { kind: 'marker' };

export type Verdict<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem; value?: T };

interface Stored {
  value: unknown;
  meta: unknown;
}

/** Checks a value alone (no version marker): size first, so a huge value is never parsed. */
export function inspectValue<T>(checked: CheckedItem<T>, value: unknown): Verdict<T> {
  if (value === undefined || value === null) return { ok: true, value: checked.fallback };
  const bytes = jsonSize(value);
  if (bytes > checked.maxBytes) return { ok: false, problem: { kind: 'too-large', bytes } };
  const parsed = checked.schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: { kind: 'invalid' } };
}

/** The version a marker says, as WXT reads it (none = 1); undefined when the marker is junk. */
function markerVersion(meta: unknown): number | undefined {
  if (meta === undefined || meta === null) return 1;
  if (typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  const v = (meta as { v?: unknown }).v;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}

function inspectStored<T>(checked: CheckedItem<T>, stored: Stored): Verdict<T> {
  const version = markerVersion(stored.meta);
  if (version !== undefined && version > checked.version) return { ok: false, problem: { kind: 'newer-version', storedVersion: version } };
  const verdict = inspectValue(checked, stored.value);
  if (!verdict.ok || version !== undefined) return verdict;
  return { ok: false, problem: { kind: 'marker' }, value: verdict.value };
}

async function readStored(checked: CheckedItem<unknown>): Promise<Stored> {
  await checked.ready();
  const key = checked.storageKey;
  const found = await browser.storage.local.get([key, `${key}$`]);
  return { value: found[key], meta: found[`${key}$`] };
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
    return await withStorageLock(() => repair(checked));
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

// ---- Repairing (always under the storage lock) ----------------------------------------------

interface RepairPlan {
  writes: Record<string, unknown>;
  removes: string[];
  /** Damaged values to drop first when the writes do not fit. */
  damagedKeys: string[];
  /** Copies of damaged values, given up last when even then the writes do not fit. */
  copyKeys: string[];
}

function boundedCopy(value: unknown): { value: unknown; truncated: boolean; bytes: number } {
  if (value === undefined || value === null) return { value: null, truncated: false, bytes: 0 };
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'null';
  } catch {
    text = String(value);
  }
  if (text.length <= DAMAGED_COPY_LIMIT) return { value, truncated: false, bytes: text.length };
  // The start of its JSON text, cut so that the copy itself (quotes escaped) stays within the limit.
  let preview = text.slice(0, DAMAGED_COPY_LIMIT);
  for (let over = JSON.stringify(preview).length - DAMAGED_COPY_LIMIT; over > 0; over = JSON.stringify(preview).length - DAMAGED_COPY_LIMIT) {
    preview = preview.slice(0, preview.length - over);
  }
  return { value: preview, truncated: true, bytes: text.length };
}

function noticeFor(checked: CheckedItem<unknown>, problem: StorageProblem, truncated: boolean, at: number): StorageNotice {
  const key = checked.item.key;
  const copyKey = `${key}:damaged`;
  const what = `Stored data for ${checked.description}`;
  const kept = truncated
    ? `The first ${formatBytes(DAMAGED_COPY_LIMIT)} of it were kept under “${copyKey}”.`
    : `A copy was kept under “${copyKey}”.`;
  let message: string;
  switch (problem.kind) {
    case 'invalid':
      message = `${what} was damaged and has been reset. ${kept}`;
      break;
    case 'too-large':
      message = `${what} was damaged (${formatBytes(problem.bytes)}, far more than it ever holds) and has been reset. ${kept}`;
      break;
    case 'newer-version':
      message =
        `${what} was saved by a newer version of WARest Companion (data version ${problem.storedVersion}; this version reads up to ${checked.version}), ` +
        `so it could not be read and has been reset. ${kept}`;
      break;
    case 'marker':
      message = `The version marker of the stored data for ${checked.description} was damaged and has been repaired; the data itself was kept. A copy of the marker was kept under “${copyKey}”.`;
      break;
  }
  return { key, at, message };
}

/** Adds the repair of one item to the plan; answers its notice. */
function planRepair(checked: CheckedItem<unknown>, stored: Stored, problem: StorageProblem, at: number, plan: RepairPlan): StorageNotice {
  const key = checked.storageKey;
  const copyKey = `${key}:damaged`;
  const copy = boundedCopy(problem.kind === 'marker' ? stored.meta : stored.value);
  plan.writes[copyKey] = {
    at,
    reason: problem.kind,
    ...(problem.kind === 'marker' ? { marker: copy.value } : { value: copy.value }),
    ...(copy.truncated && { truncated: true, bytes: copy.bytes }),
    ...(problem.kind === 'newer-version' && { version: problem.storedVersion }),
  };
  plan.copyKeys.push(copyKey);
  if (stored.meta !== undefined || checked.version > 1) plan.writes[`${key}$`] = { v: checked.version };
  if (problem.kind !== 'marker') {
    plan.damagedKeys.push(key);
    if (checked.fallback === null || checked.fallback === undefined) plan.removes.push(key);
    else plan.writes[key] = checked.fallback;
  }
  return noticeFor(checked, problem, copy.truncated, at);
}

export function withNotice(notices: readonly StorageNotice[], notice: StorageNotice): StorageNotice[] {
  return [...notices.filter((n) => n.key !== notice.key), notice].slice(-MAX_NOTICES);
}

/** The notices to add to, repairing the list itself (with a notice of its own) when it is damaged. */
async function noticesToAddTo(at: number, plan: RepairPlan): Promise<StorageNotice[]> {
  const checked = storageNoticesItem as CheckedItem<unknown>;
  const stored = await readStored(checked);
  const verdict = inspectStored(storageNoticesItem, stored);
  if (verdict.ok) return verdict.value;
  const own = planRepair(checked, stored, verdict.problem, at, plan);
  return withNotice(verdict.value ?? [], own);
}

async function commit(plan: RepairPlan): Promise<void> {
  const area = browser.storage.local;
  try {
    await area.set(plan.writes);
    if (plan.removes.length) await area.remove(plan.removes);
    return;
  } catch (error) {
    console.error('WARest Companion: repairing stored data failed, retrying with room made', error instanceof Error ? error.message : error);
  }
  // Most likely the storage is full: drop the damaged values first, then write again, and give
  // up the copies of damaged values last.
  if (plan.damagedKeys.length) await area.remove(plan.damagedKeys).catch(() => undefined);
  try {
    await area.set(plan.writes);
  } catch {
    const withoutCopies = Object.fromEntries(Object.entries(plan.writes).filter(([key]) => !plan.copyKeys.includes(key)));
    await area.set(withoutCopies);
  }
  if (plan.removes.length) await area.remove(plan.removes);
}

async function repair<T>(checked: CheckedItem<T>): Promise<T> {
  // Again under the lock: another reader may have repaired it meanwhile.
  const stored = await readStored(checked as CheckedItem<unknown>);
  const verdict = inspectStored(checked, stored);
  if (verdict.ok) return verdict.value;

  const at = Date.now();
  const plan: RepairPlan = { writes: {}, removes: [], damagedKeys: [], copyKeys: [] };
  const notice = planRepair(checked as CheckedItem<unknown>, stored, verdict.problem, at, plan);
  const kept = verdict.problem.kind === 'marker' && verdict.value !== undefined ? verdict.value : checked.fallback;
  const isNoticeList = (checked as CheckedItem<unknown>) === (storageNoticesItem as CheckedItem<unknown>);
  const notices = isNoticeList ? (verdict.problem.kind === 'marker' ? (kept as StorageNotice[]) : []) : await noticesToAddTo(at, plan);
  const next = withNotice(notices, notice);
  plan.writes[storageNoticesItem.storageKey] = next;
  await commit(plan);
  return (isNoticeList ? next : kept) as T;
}
