import { useCallback, useState } from 'react';

/**
 * A multi-select over items identified by `ref`: toggle one, select a set, clear, and keep only
 * refs that still exist after the list is reloaded.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (ref: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(ref)) next.add(ref);
        return next;
      }),
    [],
  );
  const selectOnly = useCallback((refs: Iterable<string>) => setSelected(new Set(refs)), []);
  const clear = useCallback(() => setSelected(new Set()), []);
  const keepExisting = useCallback(
    (items: readonly { ref: string }[]) => setSelected((current) => new Set([...current].filter((ref) => items.some((item) => item.ref === ref)))),
    [],
  );
  return { selected, toggle, selectOnly, clear, keepExisting };
}
