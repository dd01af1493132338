import { useState } from 'react';
import { askBackground } from '@/lib/messaging/ask-background';
import { textsOf } from '@/lib/i18n';
import { useOptionsStore } from './store';

const t = textsOf('options');

/**
 * Says how this server's sessions are kept current. Live events need the server to accept the
 * extension's Origin on its WebSocket, which only `*` does; when they are off, this says why
 * and how to turn them on.
 */
export function UpdateModeLine({ profileId }: { profileId: string }) {
  const updates = useOptionsStore((s) => s.snapshots[profileId]?.updates);
  const pollSeconds = useOptionsStore((s) => s.settings.pollIntervalSec);
  const [retrying, setRetrying] = useState(false);
  if (!updates) return <p className="hint" role="note">{t('updatesNotChecked')}</p>;
  if (updates.mode === 'live') {
    return (
      <p className="update-mode live" role="note">
        <strong>{t('updatesLive')}</strong> {t('updatesLiveHint')}
      </p>
    );
  }
  // One line and a "why" to open: the reason is long, and the form goes on below it.
  return (
    <div className="update-mode polling" role="note">
      <p className="update-mode-line">
        <strong>{t('updatesPolling', { seconds: Math.max(30, pollSeconds) })}</strong>{' '}
        <button
          type="button"
          className="link"
          disabled={retrying}
          onClick={() => {
            setRetrying(true);
            void askBackground('updates.retry', {}).finally(() => setRetrying(false));
          }}
        >
          {retrying ? t('trying') : t('tryLive')}
        </button>
      </p>
      <details className="update-mode-why">
        <summary>{t('whyNotLive')}</summary>
        <p>{updates.reason ?? t('liveUnavailable')}</p>
      </details>
    </div>
  );
}
