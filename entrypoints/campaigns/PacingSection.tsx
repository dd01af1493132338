import { useId } from 'react';
import { durationWords } from '@/lib/campaigns/draft';
import { expectedDurationMs } from '@/lib/campaigns/pacing';
import type { DraftForm } from './draft-form';

/** How fast, and when: delays, a daily cap, a sending window, typing; the plain warning about bans. */

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function PacingSection(props: { form: DraftForm; update: (patch: Partial<DraftForm>) => void; count: number; floorSec: number }) {
  const { form, update, count, floorSec } = props;
  const ids = { min: useId(), max: useId(), cap: useId(), from: useId(), to: useId(), zone: useId(), at: useId() };
  const min = Number(form.minDelay);
  const max = Number(form.maxDelay);
  const estimate = Number.isFinite(min) && Number.isFinite(max) && count > 0 ? expectedDurationMs(count, { minDelaySec: min, maxDelaySec: Math.max(min, max) }, floorSec) : undefined;
  const toggleDay = (day: number) => update({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });
  return (
    <section className="card" aria-labelledby="pacing-title">
      <h2 id="pacing-title">3. Pace and time</h2>
      <p className="banner warn" role="note">
        WhatsApp bans numbers that send many messages people did not ask for. Only message people who agreed to hear from you, keep long and varied delays, start with few messages a day, and stop if people complain.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.min}>Shortest delay between messages (seconds)</label>
          <input id={ids.min} type="number" min={floorSec} step="any" value={form.minDelay} onChange={(e) => update({ minDelay: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.max}>Longest delay between messages (seconds)</label>
          <input id={ids.max} type="number" min={floorSec} step="any" value={form.maxDelay} onChange={(e) => update({ maxDelay: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.cap}>Daily cap (messages, optional)</label>
          <input id={ids.cap} type="number" min={1} step={1} value={form.dailyCap} onChange={(e) => update({ dailyCap: e.target.value })} />
        </div>
      </div>
      <p className="hint">Each delay is chosen at random between the two; never under {floorSec} s, the server’s anti-spam limit (3 s on a stock WARest). The server’s rate limit is kept as well.{estimate !== undefined && ` ${count} messages take about ${durationWords(estimate)} at these delays.`}</p>

      <label className="check">
        <input type="checkbox" checked={form.windowOn} onChange={(e) => update({ windowOn: e.target.checked })} /> Only send inside a sending window
      </label>
      {form.windowOn && (
        <fieldset className="window">
          <legend>Sending window</legend>
          <div className="row">
            <div className="field">
              <label htmlFor={ids.from}>From</label>
              <input id={ids.from} type="time" value={form.windowStart} onChange={(e) => update({ windowStart: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>Until</label>
              <input id={ids.to} type="time" value={form.windowEnd} onChange={(e) => update({ windowEnd: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.zone}>Time zone</label>
              <input id={ids.zone} value={form.timeZone} onChange={(e) => update({ timeZone: e.target.value })} spellCheck={false} />
            </div>
          </div>
          <div className="days" role="group" aria-label="Days">
            {DAY_NAMES.map((name, day) => (
              <label key={name} className="check">
                <input type="checkbox" checked={form.days.includes(day)} onChange={() => toggleDay(day)} /> {name}
              </label>
            ))}
          </div>
          <p className="hint">A window that ends before it starts runs past midnight (e.g. 20:00 until 02:00).</p>
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={form.typing} onChange={(e) => update({ typing: e.target.checked })} /> Show “typing…” before each message
      </label>

      <fieldset className="choices">
        <legend>Start</legend>
        <label className="check">
          <input type="radio" name="start" checked={form.startMode === 'now'} onChange={() => update({ startMode: 'now' })} /> Start now
        </label>
        <label className="check">
          <input type="radio" name="start" checked={form.startMode === 'later'} onChange={() => update({ startMode: 'later' })} /> Start at a time
        </label>
        {form.startMode === 'later' && (
          <div className="field">
            <label htmlFor={ids.at}>Start at ({Intl.DateTimeFormat().resolvedOptions().timeZone})</label>
            <input id={ids.at} type="datetime-local" value={form.startAt} onChange={(e) => update({ startAt: e.target.value })} />
          </div>
        )}
      </fieldset>
      <p className="hint">Campaigns run in the extension’s background: closing this tab loses nothing, but the browser must be running for messages to go out.</p>
    </section>
  );
}
