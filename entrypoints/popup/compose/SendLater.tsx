import { useId, useState } from 'react';
import { describeDue, localDateTime, toLocalInputs, utcOffset } from '@/lib/scheduled';

/** The browser's time zone, as the date and time inputs read. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * "Send later": a day and a time in the browser's time zone (shown), then Schedule. Says that the
 * browser must be running for the message to go out.
 */
export function SendLater({ busy, onSchedule, disabledReason }: { busy: boolean; onSchedule(dueAt: number, timeZone: string): void; disabledReason?: string }) {
  const start = toLocalInputs(Date.now() + 3600_000);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time.slice(0, 5));
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { date: useId(), time: useId(), zone: useId() };
  const zone = localTimeZone();
  const parsed = localDateTime(date, time);

  function schedule() {
    if (!parsed.ok) return setProblem(parsed.message);
    if (parsed.at <= Date.now()) return setProblem('That time has passed: choose a time later than now, or send it now.');
    setProblem(null);
    onSchedule(parsed.at, zone);
  }

  return (
    <details className="compose-options compose-later">
      <summary>Send later</summary>
      {disabledReason ? (
        <p className="hint">{disabledReason}</p>
      ) : (
        <>
          <div className="compose-pair">
            <div className="field">
              <label htmlFor={ids.date}>Day</label>
              <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={ids.zone} />
            </div>
            <div className="field">
              <label htmlFor={ids.time}>Time</label>
              <input id={ids.time} type="time" step={1} value={time} onChange={(e) => setTime(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={ids.zone} />
            </div>
          </div>
          <p className="hint" id={ids.zone}>
            Time zone: {zone} ({utcOffset(parsed.ok ? parsed.at : Date.now(), zone)}){parsed.ok ? ` · ${describeDue(parsed.at, zone)}` : ''}
          </p>
          {problem && <p className="error-text" role="alert">{problem}</p>}
          <p className="hint">The browser must be running for a scheduled message to be sent. One that comes due while it is closed is sent when it starts again, or kept for you to decide, as set in the options.</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={schedule}>{busy ? 'Scheduling…' : 'Schedule'}</button>
          </div>
        </>
      )}
    </details>
  );
}
