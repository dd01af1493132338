import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionSummary } from '@/lib/sessions';
import { readChecked, snapshotsItem, type ServerProfile } from '@/lib/storage';
import { askBackground } from '@/lib/messaging/ask-background';
import { activeProfile, useProfileChoice } from '@/lib/ui/profile-choice';

/**
 * Which server (profile) and session the window acts with: the server is the shared profile
 * choice (the default one, else the first; kept current as profiles change), and its first open
 * session is preselected; the last known sessions show at once and are refreshed from the server.
 */
export interface ServerChoice {
  loaded: boolean;
  profiles: readonly ServerProfile[];
  profileId: string | null;
  profileName: string;
  /** The chosen server's open sessions: the only ones that can act. */
  openSessions: SessionSummary[];
  sessionId: string | null;
  refreshing: boolean;
  /** Why the sessions could not be refreshed (the last known ones still show). */
  refreshError: string | null;
  setProfileId(id: string): void;
  setSessionId(id: string): void;
}

const isOpen = (session: SessionSummary) => session.status === 'open';

export function useServerChoice(): ServerChoice {
  const choice = useProfileChoice();
  const profileId = choice.activeProfileId;
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  /** The profile being shown: answers for another one (switched meanwhile) are dropped. */
  const current = useRef<string | null>(null);

  const showSessions = useCallback((list: SessionSummary[]) => {
    setSessions(list);
    setSessionId((current) => (current && list.some((s) => s.id === current && isOpen(s)) ? current : (list.find(isOpen)?.id ?? null)));
  }, []);

  const load = useCallback(
    async (id: string) => {
      current.current = id;
      const snapshots = await readChecked(snapshotsItem);
      if (current.current !== id) return;
      showSessions(snapshots[id]?.sessions ?? []);
      setRefreshing(true);
      const reply = await askBackground('sessions.refresh', { profileId: id });
      if (current.current !== id) return;
      setRefreshing(false);
      if (reply.ok) {
        setRefreshError(null);
        showSessions(reply.data.sessions);
      } else setRefreshError(reply.error.message);
    },
    [showSessions],
  );

  useEffect(() => void useProfileChoice.getState().load(), []);

  // Another server (chosen, or the chosen one removed): its sessions, from nothing.
  useEffect(() => {
    current.current = profileId;
    setSessionId(null);
    setSessions([]);
    setRefreshError(null);
    if (profileId) void load(profileId);
  }, [profileId, load]);

  return {
    loaded: choice.loaded,
    profiles: choice.profiles,
    profileId,
    profileName: activeProfile(choice)?.name ?? '',
    openSessions: sessions.filter(isOpen),
    sessionId,
    refreshing,
    refreshError,
    setProfileId: choice.choose,
    setSessionId,
  };
}
