import { useId, useState } from 'react';
import { describeDue, localDateTime, toLocalInputs, utcOffset } from '@/lib/scheduled';
import { textsOf } from '@/lib/i18n';

const t = textsOf('compose');

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
    if (parsed.at <= Date.now()) return setProblem(t('timePassed'));
    setProblem(null);
    onSchedule(parsed.at, zone);
  }

  return (
    <details className="compose-options compose-later">
      <summary>{t('sendLater')}</summary>
      {disabledReason ? (
        <p className="hint">{disabledReason}</p>
      ) : (
        <>
          <div className="compose-pair">
            <div className="field">
              <label htmlFor={ids.date}>{t('day')}</label>
              <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={ids.zone} />
            </div>
            <div className="field">
              <label htmlFor={ids.time}>{t('time')}</label>
              <input id={ids.time} type="time" step={1} value={time} onChange={(e) => setTime(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={ids.zone} />
            </div>
          </div>
          <p className="hint" id={ids.zone}>
            {parsed.ok ? t('timeZoneDue', { zone, offset: utcOffset(parsed.at, zone), when: describeDue(parsed.at, zone) }) : t('timeZone', { zone, offset: utcOffset(Date.now(), zone) })}
          </p>
          {problem && <p className="error-text" role="alert">{problem}</p>}
          <p className="hint">{t('browserMustRun')}</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={schedule}>{busy ? t('scheduling') : t('schedule')}</button>
          </div>
        </>
      )}
    </details>
  );
}
