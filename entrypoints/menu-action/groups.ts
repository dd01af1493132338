import { amAdmin, explainError, readGroupList, type GroupListEntry } from '@/lib/answers/menu-results';
import { callOperation } from '@/lib/messaging/call-operation';

/** What the person wants to do in the group, which decides the groups they may choose. */
export type GroupNeed = 'add' | 'picture';

export interface GroupOption extends GroupListEntry {
  /** undefined: not asked (not needed) or the server did not say. */
  admin?: boolean;
}

export type GroupsLoad = { ok: true; groups: GroupOption[]; hidden: number } | { ok: false; error: string };

/** Whether a member who is not an admin may do it anyway (the group allows it). */
const openToMembers = (group: GroupListEntry, need: GroupNeed) => (need === 'picture' ? !group.locked : group.membersMayAdd);

/**
 * The session's groups where it may do `need`: admin groups, plus groups that let every member do
 * it. Admin rights are asked per group (getGroups does not say), a few at a time, only where they
 * matter; a group whose roster does not answer stays listed and the server has the last word.
 */
export async function loadGroups(profileId: string, sessionId: string, need: GroupNeed, onProgress?: (done: number, total: number) => void): Promise<GroupsLoad> {
  const reply = await callOperation('getGroups', { sessionId }, { profileId });
  if (!reply.ok) return { ok: false, error: explainError(reply.error) };
  const groups: GroupOption[] = readGroupList(reply.data.results);
  const toCheck = groups.filter((g) => !openToMembers(g, need));
  let done = 0;
  onProgress?.(done, toCheck.length);
  const queue = [...toCheck];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      const roster = await callOperation('getGroupParticipants', { sessionId, groupId: group.id }, { profileId });
      const admin = roster.ok ? amAdmin(roster.data.results) : undefined;
      if (admin !== undefined) group.admin = admin;
      onProgress?.((done += 1), toCheck.length);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  const usable = groups.filter((g) => g.admin !== false || openToMembers(g, need));
  usable.sort((a, b) => a.subject.localeCompare(b.subject));
  return { ok: true, groups: usable, hidden: groups.length - usable.length };
}
