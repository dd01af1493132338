import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { adminProblem, checkSchedule, checkTimezone, readRestart, readSchedule } from '@/lib/answers/server';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';

/** Shown only when the server does not say its zone: an example of a name, not a claim about the server. */
const ZONE_EXAMPLE = 'Region/City';

type Pending = { kind: 'now' } | { kind: 'schedule'; schedule: string; timezone: string } | { kind: 'clear' };

/**
 * Restart the server now, or every day at a time. Admin keys only: the server refuses other keys
 * (403), and the view says so in words. Every change asks first, naming the server.
 */
export function ServerRestart({ serverName, serverZone, onRestarted }: { serverName: string; serverZone?: string; onRestarted: () => void }) {
  const ids = { time: useId(), zone: useId(), zoneHint: useId(), problem: useId() };
  const [time, setTime] = useState('');
  const [zone, setZone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  function askSchedule() {
    const why = checkSchedule(time) ?? checkTimezone(zone);
    setProblem(why);
    if (!why) setPending({ kind: 'schedule', schedule: time.trim(), timezone: zone.trim() });
  }

  async function run(action: Pending) {
    setPending(null);
    setBusy(true);
    setOutcome(null);
    const reply =
      action.kind === 'now'
        ? await callActive('postServerRestart')
        : await callActive('postServerRestartScheduled', action.kind === 'clear' ? { schedule: '0' } : { schedule: action.schedule, ...(action.timezone && { timezone: action.timezone }) });
    setBusy(false);
    if (!reply.ok) {
      const what = action.kind === 'now' ? 'restart' : 'change its restart schedule';
      return setOutcome({ ok: false, text: adminProblem(reply.error, what, serverName) });
    }
    setOutcome({ ok: true, text: action.kind === 'now' ? readRestart(reply.data) : readSchedule(reply.data) });
    if (action.kind === 'now') onRestarted();
  }

  const title = pending?.kind === 'now' ? `Restart the server “${serverName}” now?` : pending?.kind === 'clear' ? `Stop the daily restart of “${serverName}”?` : `Restart “${serverName}” every day at ${pending?.kind === 'schedule' ? pending.schedule : ''}?`;
  return (
    <section className="profile-section" aria-label="Restart">
      <h3>Restart</h3>
      <p className="hint">Only an admin API key may restart the server. While it restarts, every session is offline for a few seconds.</p>
      <div className="actions compact">
        <button type="button" className="danger" disabled={busy} onClick={() => setPending({ kind: 'now' })}>Restart now</button>
      </div>
      <div className="schedule-form">
        <label htmlFor={ids.time}>Daily restart time (24-hour, HH:MM)</label>
        <input id={ids.time} value={time} placeholder="02:30" inputMode="numeric" aria-describedby={ids.problem} aria-invalid={problem ? true : undefined} onChange={(e) => { setTime(e.target.value); setProblem(null); }} autoComplete="off" />
        <label htmlFor={ids.zone}>Time zone (empty: the server’s own)</label>
        <input id={ids.zone} value={zone} placeholder={serverZone ?? ZONE_EXAMPLE} aria-describedby={`${ids.zoneHint} ${ids.problem}`} onChange={(e) => { setZone(e.target.value); setProblem(null); }} autoComplete="off" spellCheck={false} />
        <p id={ids.zoneHint} className="hint">{serverZone ? `Empty restarts at this time in the server’s zone, ${serverZone}.` : 'A zone name such as Europe/London; empty uses the server’s own.'}</p>
        <p id={ids.problem} className="error-text" role={problem ? 'alert' : undefined}>{problem ?? ''}</p>
        <div className="actions compact">
          <button type="button" className="danger" disabled={busy} onClick={askSchedule}>Schedule daily restart</button>
          <button type="button" disabled={busy} onClick={() => setPending({ kind: 'clear' })}>Stop daily restart</button>
        </div>
      </div>
      {outcome && <p className={outcome.ok ? 'ok-text' : 'error-text'} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p>}
      {pending && (
        <ConfirmDialog title={title} confirmLabel={pending.kind === 'now' ? 'Restart now' : pending.kind === 'clear' ? 'Stop daily restart' : 'Schedule restart'} onCancel={() => setPending(null)} onConfirm={() => void run(pending)}>
          {pending.kind === 'clear' ? 'The server will no longer restart on its own.' : 'Every WhatsApp session on this server goes offline for a few seconds while it restarts, and reconnects by itself.'}
        </ConfirmDialog>
      )}
    </section>
  );
}
