import { useEffect, useState } from 'react';
import { askBackground } from '@/lib/messaging/ask-background';
import { readChecked, scheduledMessagesItem, watchChecked } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';
import { rich } from './rich';

const t = textsOf('options');

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
    setStatus(reply.ok ? { tone: 'ok', text: t('saved') } : { tone: 'error', text: reply.error.message });
  }

  return (
    <section className="card settings scheduled-settings" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">{t('scheduledTitle')}</h2>
      <p className="hint">{t('scheduledHint')}</p>
      <fieldset className="missed-choice" disabled={onMissed === null}>
        <legend>{t('missedLegend')}</legend>
        <label className="check">
          <input type="radio" name="on-missed" checked={onMissed === 'send'} onChange={() => void choose('send')} />
          {t('missedSend')}
        </label>
        <label className="check">
          <input type="radio" name="on-missed" checked={onMissed === 'ask'} onChange={() => void choose('ask')} />
          {t('missedAsk')}
        </label>
      </fieldset>
      {status && <p className={status.tone === 'ok' ? 'hint' : 'error-text'} role={status.tone === 'ok' ? 'status' : 'alert'}>{status.text}</p>}
      <p className="hint">{rich(t('templatesBelow'), { link: <a href="#templates">{t('templatesTitle')}</a> })}</p>
    </section>
  );
}
