import { useCallback, useEffect, useState } from 'react';
import type { OperationId } from '@/lib/warest/catalog';
import type { OperationData } from '@/lib/messaging/call-operation';
import { useLatest } from '@/components/use-latest';
import { groupProblem } from './group-api';
import { useSelection } from './use-selection';
import { callActive } from '../shared/run-operation';

/**
 * A list read from one group route (participants, join requests) with a multi-select over it:
 * loading (the newest read wins) with errors in words, a busy flag, and "act, then clear the
 * selection and re-read".
 */
export function useGroupList<T extends { ref: string }>(
  operationId: OperationId,
  read: (data: OperationData) => T[],
  sessionId: string,
  groupId: string,
) {
  const latest = useLatest(async () => {
    const reply = await callActive(operationId, { sessionId, groupId });
    return reply.ok ? { ok: true as const, data: read(reply.data) } : reply;
  }, [operationId, read, sessionId, groupId]);
  const [busy, setBusy] = useState(false);
  const selection = useSelection();
  const { keepExisting, clear } = selection;
  const { reload } = latest;

  // A re-read list keeps only the selected items still in it.
  useEffect(() => {
    if (latest.data) keepExisting(latest.data);
  }, [latest.data, keepExisting]);

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
      if (options.reload ?? true) void reload();
    },
    [clear, reload],
  );

  return { items: latest.data, error: latest.error && groupProblem(latest.error), busy, load: reload, act, ...selection };
}
