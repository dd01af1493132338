import { useLatest } from '@/components/use-latest';
import { readJoinRequests } from '@/lib/answers/groups';
import { callActive } from '../shared/run-operation';

/**
 * How many join requests wait, for the group panel's "Join requests (3 pending)". Only admins may
 * read them, so nothing is asked when this account is known not to be one; undefined until known.
 * `amAdmin` is null while the group is loading.
 */
export function usePendingCount(sessionId: string, groupId: string, amAdmin: boolean | undefined | null): number | undefined {
  const latest = useLatest(async () => {
    // null: the group is still loading, so whether this account is an admin is not known yet.
    if (amAdmin === false || amAdmin === null) return { ok: true as const, data: undefined };
    const reply = await callActive('getGroupParticipantsRequests', { sessionId, groupId });
    return { ok: true as const, data: reply.ok ? readJoinRequests(reply.data).length : undefined };
  }, [sessionId, groupId, amAdmin]);
  return latest.data ?? undefined;
}
