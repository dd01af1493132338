import { browser } from 'wxt/browser';
import { inspectStored, readStored, type Stored, type StorageProblem } from './inspect';
import type { CheckedItem } from './define';
import { storageNoticesItem, MAX_NOTICES, type StorageNotice } from './items/storage-notices';
import { DAMAGED_COPY_LIMIT, formatBytes } from './limits';
import { withStorageLock } from './lock';
import { textsOf } from '../i18n';

const t = textsOf('status');

/**
 * Repairing an item found damaged (checked.ts finds it): a bounded copy kept aside under
 * `<key>:damaged`, the item reset, one notice added, all under the storage lock so several
 * readers finding the same damage handle it once. Loaded on first use only.
 */

/** Repairs one item under the storage lock; answers what it reads as afterwards. */
export function repairUnderLock<T>(checked: CheckedItem<T>): Promise<T> {
  return withStorageLock(() => repair(checked));
}

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
  const item = checked.description;
  const kept = truncated ? t('keptFirst', { size: formatBytes(DAMAGED_COPY_LIMIT), key: copyKey }) : t('keptCopy', { key: copyKey });
  let message: string;
  switch (problem.kind) {
    case 'invalid':
      message = t('dmgReset', { item, kept });
      break;
    case 'too-large':
      message = t('dmgLarge', { item, size: formatBytes(problem.bytes), kept });
      break;
    case 'newer-version':
      message = t('dmgNewer', { item, stored: problem.storedVersion, version: checked.version, kept });
      break;
    case 'marker':
      message = t('dmgMarker', { item, key: copyKey });
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
