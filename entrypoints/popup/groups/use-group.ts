import { useCallback, useEffect, useRef } from 'react';
import { useLatest } from '@/components/use-latest';
import { groupProblem } from './group-api';
import { readGroupInfo, type GroupSummary } from '@/lib/answers/groups';
import { listKey, useGroupsStore } from './groups-store';
import { callActive } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

/**
 * One group, as the panel and its sub-views show it: painted from the cached list at once, then
 * read fresh from the server (the newest read wins). `update` changes it here and in the cached
 * list after an edit.
 */
export function useGroup(sessionId: string, groupId: string) {
  const cached = useGroupsStore((s) => s.lists[listKey(sessionId)]?.groups.find((g) => g.id === groupId));
  const patchGroup = useGroupsStore((s) => s.patchGroup);
  const latest = useLatest(async () => {
    const reply = await callActive('getGroupInfo', { sessionId, groupId });
    if (!reply.ok) return reply;
    const fresh = readGroupInfo(reply.data).group;
    if (!fresh) return { ok: false as const, error: { kind: 'bad-response' as const, message: t('noGroupInAnswer') } };
    return { ok: true as const, data: fresh };
  }, [sessionId, groupId]);
  const group = latest.data ?? cached ?? null;
  /** The name to use in messages, without making every rename reload the group. */
  const name = useRef<string | undefined>(undefined);
  name.current = group?.subject;

  // A fresh read updates the cached list too (its summary, not the roster).
  useEffect(() => {
    if (!latest.data) return;
    const { participants: _roster, ...summary } = latest.data;
    patchGroup(sessionId, groupId, summary);
  }, [latest.data]);

  const { patch } = latest;
  const update = useCallback(
    (change: Partial<GroupSummary>) => {
      patch((current) => (current ? { ...current, ...change } : current));
      patchGroup(sessionId, groupId, change);
    },
    [sessionId, groupId, patchGroup, patch],
  );

  return { group, error: latest.error && groupProblem(latest.error, name.current), loading: latest.loading, reload: latest.reload, update };
}
