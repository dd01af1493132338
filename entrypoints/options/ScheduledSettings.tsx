import { useEffect, useState } from 'react';
import { askBackground } from '@/lib/messaging/ask-background';
import { readChecked, scheduledMessagesItem, watchChecked } from '@/lib/storage';

type OnMissed = 'send' | 'ask';

/**
 * Scheduled messages and templates on the options page: what to do with a scheduled message that
 * came due while the browser was closed, and the way to the templates (the section below).
 */
export function ScheduledSettings() {
  const [onMissed, setOnMissed] = useState<OnMissed | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void readChecked(scheduledMessagesItem).then((s) => setOnMissed(s.onMissed));
    return watchChecked(scheduledMessagesItem, (s) => setOnMissed(s.onMissed));
  }, []);

  async function choose(next: OnMissed) {
    setOnMissed(next);
    const reply = await askBackground('scheduled.setOnMissed', { onMissed: next });
    setStatus(reply.ok ? { tone: 'ok', text: 'Saved.' } : { tone: 'error', text: reply.error.message });
  }

  return (
    <section className="card settings scheduled-settings" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">Scheduled messages and templates</h2>
      <p className="hint">Scheduled messages are sent by the extension while the browser is running.</p>
      <fieldset className="missed-choice" disabled={onMissed === null}>
        <legend>A message that came due while the browser was closed</legend>
        <label className="check">
          <input type="radio" name="on-missed" checked={onMissed === 'send'} onChange={() => void choose('send')} />
          Send it when the browser starts again
        </label>
        <label className="check">
          <input type="radio" name="on-missed" checked={onMissed === 'ask'} onChange={() => void choose('ask')} />
          Keep it and ask me (the popup lists it with Send now and Cancel)
        </label>
      </fieldset>
      {status && <p className={status.tone === 'ok' ? 'hint' : 'error-text'} role={status.tone === 'ok' ? 'status' : 'alert'}>{status.text}</p>}
      <p className="hint"><a href="#templates">Message templates</a> are below.</p>
    </section>
  );
}
