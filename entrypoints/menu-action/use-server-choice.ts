import { useEffect, useState } from 'react';
import { useLatest } from '@/components/use-latest';
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

/** A server's sessions, and which server they are of. */
interface ServerSessions {
  profileId: string;
  sessions: SessionSummary[];
}

export function useServerChoice(): ServerChoice {
  const choice = useProfileChoice();
  const profileId = choice.activeProfileId;
  /** The last known sessions of the server being read, shown until its fresh ones come. */
  const [stored, setStored] = useState<ServerSessions | null>(null);
  /** The session the person chose, and on which server. */
  const [chosen, setChosen] = useState<{ profileId: string | null; sessionId: string } | null>(null);

  useEffect(() => void useProfileChoice.getState().load(), []);

  // Another server (chosen, or the chosen one removed): its sessions, newest request winning.
  const latest = useLatest<ServerSessions>(async (_shown, isNewest) => {
    if (!profileId) return { ok: true, data: { profileId: '', sessions: [] } };
    const snapshots = await readChecked(snapshotsItem);
    if (isNewest()) setStored({ profileId, sessions: snapshots[profileId]?.sessions ?? [] });
    const reply = await askBackground('sessions.refresh', { profileId });
    return reply.ok ? { ok: true, data: { profileId, sessions: reply.data.sessions } } : reply;
  }, [profileId]);

  const fresh = latest.data?.profileId === profileId ? latest.data : null;
  const sessions = fresh?.sessions ?? (stored?.profileId === profileId ? stored.sessions : []);
  const open = sessions.filter(isOpen);
  // The chosen session while it is open on the chosen server; otherwise the first open one.
  const sessionId = chosen && chosen.profileId === profileId && open.some((s) => s.id === chosen.sessionId) ? chosen.sessionId : (open[0]?.id ?? null);

  return {
    loaded: choice.loaded,
    profiles: choice.profiles,
    profileId,
    profileName: activeProfile(choice)?.name ?? '',
    openSessions: open,
    sessionId,
    refreshing: latest.loading,
    refreshError: !latest.loading && latest.error ? latest.error.message : null,
    setProfileId: choice.choose,
    setSessionId: (id) => setChosen({ profileId, sessionId: id }),
  };
}
