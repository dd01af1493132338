import { create } from 'zustand';
import { groupProblem } from './group-api';
import { adminFromRoster, readGroupInfo, readGroupList, readParticipantList, type GroupSummary } from '@/lib/answers/groups';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { callActive } from '../shared/run-operation';

/**
 * The groups of each session, kept while the popup is open so going back and forth between the
 * list and a group does not ask the server again. Keyed by profile and session.
 */

export interface GroupList {
  me?: string;
  groups: GroupSummary[];
}

interface GroupsState {
  lists: Record<string, GroupList>;
  loading: Record<string, boolean>;
  errors: Record<string, string | null>;
  loadList(sessionId: string, force?: boolean): Promise<void>;
  patchGroup(sessionId: string, groupId: string, patch: Partial<GroupSummary>): void;
  dropGroup(sessionId: string, groupId: string): void;
}

/** How many groups to ask about one by one when the list does not say whether this account is admin. */
const ADMIN_LOOKUPS = 40;

export function listKey(sessionId: string): string {
  return `${useProfileChoice.getState().activeProfileId ?? ''}/${sessionId}`;
}

/** Whether this account is an admin of a group whose list entry does not say. */
async function lookUpAdmin(sessionId: string, groupId: string): Promise<boolean | undefined | 'failed'> {
  const info = await callActive('getGroupInfo', { sessionId, groupId });
  if (!info.ok) return 'failed';
  const known = readGroupInfo(info.data).group;
  if (known?.amAdmin !== undefined) return known.amAdmin;
  const roster = await callActive('getGroupParticipants', { sessionId, groupId });
  return roster.ok ? adminFromRoster(readParticipantList(roster.data)) : 'failed';
}

export const useGroupsStore = create<GroupsState>((set, get) => ({
  lists: {},
  loading: {},
  errors: {},

  async loadList(sessionId, force = false) {
    const key = listKey(sessionId);
    if (get().loading[key] || (!force && get().lists[key])) return;
    set((s) => ({ loading: { ...s.loading, [key]: true } }));
    const reply = await callActive('getGroups', { sessionId });
    if (!reply.ok) {
      set((s) => ({ loading: { ...s.loading, [key]: false }, errors: { ...s.errors, [key]: groupProblem(reply.error) } }));
      return;
    }
    const list = readGroupList(reply.data);
    set((s) => ({ loading: { ...s.loading, [key]: false }, errors: { ...s.errors, [key]: null }, lists: { ...s.lists, [key]: list } }));
    // Two at a time, so a long list does not use up the key's rate limit in one burst.
    const unknown = list.groups.filter((g) => g.amAdmin === undefined).slice(0, ADMIN_LOOKUPS).map((g) => g.id);
    const worker = async () => {
      for (let id = unknown.shift(); id; id = unknown.shift()) {
        const amAdmin = await lookUpAdmin(sessionId, id);
        if (amAdmin === 'failed') return void (unknown.length = 0);
        if (amAdmin !== undefined) get().patchGroup(sessionId, id, { amAdmin });
      }
    };
    await Promise.all([worker(), worker()]);
  },

  patchGroup(sessionId, groupId, patch) {
    const key = listKey(sessionId);
    const list = get().lists[key];
    if (!list) return;
    const groups = list.groups.map((g) => (g.id === groupId ? { ...g, ...patch } : g));
    set((s) => ({ lists: { ...s.lists, [key]: { ...list, groups } } }));
  },

  dropGroup(sessionId, groupId) {
    const key = listKey(sessionId);
    const list = get().lists[key];
    if (!list) return;
    set((s) => ({ lists: { ...s.lists, [key]: { ...list, groups: list.groups.filter((g) => g.id !== groupId) } } }));
  },
}));
