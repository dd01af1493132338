import { useCallback, useEffect, useState } from 'react';
import { groupProblem } from './group-api';
import { useSelection } from './use-selection';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData } from '@/lib/messaging/call-operation';
import { callActive } from '../shared/run-operation';

/**
 * A list read from one group route (participants, join requests) with a multi-select over it:
 * loading with errors in words, a busy flag, and "act, then clear the selection and re-read".
 */
export function useGroupList<T extends { ref: string }>(
  operationId: OperationId,
  read: (data: OperationData) => T[],
  sessionId: string,
  groupId: string,
) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selection = useSelection();
  const { keepExisting, clear } = selection;

  const load = useCallback(async () => {
    const reply = await callActive(operationId, { sessionId, groupId });
    if (!reply.ok) return setError(groupProblem(reply.error));
    setError(null);
    const list = read(reply.data);
    setItems(list);
    keepExisting(list);
  }, [operationId, read, sessionId, groupId, keepExisting]);
  useEffect(() => void load(), [load]);

  /**
   * Runs one action while busy. When it succeeds the selection is cleared, and the list re-read
   * unless the action only queued work for later (a bulk job re-reads when it finishes).
   */
  const act = useCallback(
    async (run: () => Promise<unknown>, options: { reload?: boolean } = {}) => {
      setBusy(true);
      const done = await run();
      setBusy(false);
      if (!done) return;
      clear();
      if (options.reload ?? true) void load();
    },
    [clear, load],
  );

  return { items, error, busy, load, act, ...selection };
}
