import { readChecked } from './checked';
import type { Serialised } from '../serialised';
import type { CheckedItem } from './define';

/**
 * A stored list of records with ids (the bulk jobs, the campaigns) that several writers change:
 * each change is made on the list as stored, one after another through `queue` (the caller's
 * serialised() queue, shared with its other writes), so none is lost; a change that returns the
 * record unchanged writes nothing.
 */
export function updateStoredRecord<T extends { id: string }>(
  item: CheckedItem<T[]>,
  queue: Serialised,
  id: string,
  change: (record: T) => T,
): Promise<T | undefined> {
  return queue(async () => {
    const records = await readChecked(item);
    const index = records.findIndex((record) => record.id === id);
    if (index < 0) return undefined;
    const current = records[index]!;
    const next = change(current);
    if (next !== current) {
      const copy = [...records];
      copy[index] = next;
      await item.item.setValue(copy);
    }
    return next;
  });
}
