import { useState } from 'react';
import { askBackground } from '@/lib/messaging/ask-background';
import { useOptionsStore } from './store';

/**
 * Says how this server's sessions are kept current. Live events need the server to accept the
 * extension's Origin on its WebSocket, which only `*` does; when they are off, this says why
 * and how to turn them on.
 */
export function UpdateModeLine({ profileId }: { profileId: string }) {
  const updates = useOptionsStore((s) => s.snapshots[profileId]?.updates);
  const pollSeconds = useOptionsStore((s) => s.settings.pollIntervalSec);
  const [retrying, setRetrying] = useState(false);
  if (!updates) return <p className="hint" role="note">Session updates: not checked yet.</p>;
  if (updates.mode === 'live') {
    return (
      <p className="update-mode live" role="note">
        <strong>Session updates: live.</strong> The server pushes changes (QR codes, logins, logouts) as they happen.
      </p>
    );
  }
  // One line and a "why" to open: the reason is long, and the form goes on below it.
  return (
    <div className="update-mode polling" role="note">
      <p className="update-mode-line">
        <strong>Session updates: polling every {Math.max(30, pollSeconds)} s.</strong>{' '}
        <button
          type="button"
          className="link"
          disabled={retrying}
          onClick={() => {
            setRetrying(true);
            void askBackground('updates.retry', {}).finally(() => setRetrying(false));
          }}
        >
          {retrying ? 'Trying…' : 'Try live updates again'}
        </button>
      </p>
      <details className="update-mode-why">
        <summary>Why not live?</summary>
        <p>{updates.reason ?? 'Live updates are not available.'}</p>
      </details>
    </div>
  );
}
