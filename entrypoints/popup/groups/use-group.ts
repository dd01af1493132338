import { useCallback, useEffect, useRef, useState } from 'react';
import { groupProblem } from './group-api';
import { readGroupInfo, type GroupSummary } from '../../../lib/answers/groups';
import { listKey, useGroupsStore } from './groups-store';
import { callActive } from '../shared/run-operation';

/**
 * One group, as the panel and its sub-views show it: painted from the cached list at once, then
 * read fresh from the server. `update` changes it here and in the cached list after an edit.
 */
export function useGroup(sessionId: string, groupId: string) {
  const cached = useGroupsStore((s) => s.lists[listKey(sessionId)]?.groups.find((g) => g.id === groupId));
  const patchGroup = useGroupsStore((s) => s.patchGroup);
  const [group, setGroup] = useState<GroupSummary | null>(cached ?? null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  /** The name to use in messages, without making every rename reload the group. */
  const name = useRef<string | undefined>(undefined);
  name.current = group?.subject ?? cached?.subject;

  const reload = useCallback(async () => {
    setLoading(true);
    const reply = await callActive('getGroupInfo', { sessionId, groupId });
    setLoading(false);
    if (!reply.ok) return setError(groupProblem(reply.error, name.current));
    const fresh = readGroupInfo(reply.data).group;
    if (!fresh) return setError('The server’s answer did not describe the group. Try again; if it persists, check the server version.');
    setError(null);
    setGroup(fresh);
    const { participants: _roster, ...summary } = fresh;
    patchGroup(sessionId, groupId, summary);
  }, [sessionId, groupId, patchGroup]);

  useEffect(() => void reload(), [reload]);

  const update = useCallback(
    (patch: Partial<GroupSummary>) => {
      setGroup((current) => (current ? { ...current, ...patch } : current));
      patchGroup(sessionId, groupId, patch);
    },
    [sessionId, groupId, patchGroup],
  );

  return { group, error, loading, reload, update };
}
