import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { checkSchedule, checkTimezone, readRestart, readSchedule } from '@/lib/answers/server';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';
import { adminRefusal } from './server-words';
import { textsOf } from '@/lib/i18n';

const t = textsOf('server');

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
      return setOutcome({ ok: false, text: adminRefusal(reply.error, action.kind === 'now' ? 'restart' : 'schedule', serverName) });
    }
    setOutcome({ ok: true, text: action.kind === 'now' ? readRestart(reply.data) : readSchedule(reply.data) });
    if (action.kind === 'now') onRestarted();
  }

  const title = pending?.kind === 'now' ? t('restartNowTitle', { server: serverName }) : pending?.kind === 'clear' ? t('stopDailyTitle', { server: serverName }) : t('scheduleTitle', { server: serverName, time: pending?.kind === 'schedule' ? pending.schedule : '' });
  return (
    <section className="profile-section" aria-label={t('restart')}>
      <h3>{t('restart')}</h3>
      <p className="hint">{t('restartHint')}</p>
      <div className="actions compact">
        <button type="button" className="danger" disabled={busy} onClick={() => setPending({ kind: 'now' })}>{t('restartNow')}</button>
      </div>
      <div className="schedule-form">
        <label htmlFor={ids.time}>{t('dailyTime')}</label>
        <input id={ids.time} value={time} placeholder="02:30" inputMode="numeric" aria-describedby={ids.problem} aria-invalid={problem ? true : undefined} onChange={(e) => { setTime(e.target.value); setProblem(null); }} autoComplete="off" />
        <label htmlFor={ids.zone}>{t('timeZone')}</label>
        <input id={ids.zone} value={zone} placeholder={serverZone ?? t('zoneExample')} aria-describedby={`${ids.zoneHint} ${ids.problem}`} onChange={(e) => { setZone(e.target.value); setProblem(null); }} autoComplete="off" spellCheck={false} />
        <p id={ids.zoneHint} className="hint">{serverZone ? t('zoneHintKnown', { zone: serverZone }) : t('zoneHint')}</p>
        <p id={ids.problem} className="error-text" role={problem ? 'alert' : undefined}>{problem ?? ''}</p>
        <div className="actions compact">
          <button type="button" className="danger" disabled={busy} onClick={askSchedule}>{t('scheduleDaily')}</button>
          <button type="button" disabled={busy} onClick={() => setPending({ kind: 'clear' })}>{t('stopDaily')}</button>
        </div>
      </div>
      {outcome && <p className={outcome.ok ? 'ok-text' : 'error-text'} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p>}
      {pending && (
        <ConfirmDialog title={title} confirmLabel={pending.kind === 'now' ? t('restartNow') : pending.kind === 'clear' ? t('stopDaily') : t('scheduleRestart')} onCancel={() => setPending(null)} onConfirm={() => void run(pending)}>
          {pending.kind === 'clear' ? t('stopDailyBody') : t('restartBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
