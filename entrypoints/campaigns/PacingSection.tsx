import { useId } from 'react';
import { expectedDurationMs } from '@/lib/campaigns/pacing';
import type { DraftForm } from './draft-form';
import { durationText, formatNumber, t } from './words';

/** How fast, and when: delays, a daily cap, a sending window, typing; the plain warning about bans. */

/** The days of the week from Sunday (0), as `Date.getDay()` counts them. */
const dayNames = () => [t('daySun'), t('dayMon'), t('dayTue'), t('dayWed'), t('dayThu'), t('dayFri'), t('daySat')];

export function PacingSection(props: { form: DraftForm; update: (patch: Partial<DraftForm>) => void; count: number; floorSec: number }) {
  const { form, update, count, floorSec } = props;
  const ids = { min: useId(), max: useId(), cap: useId(), from: useId(), to: useId(), zone: useId(), at: useId() };
  const min = Number(form.minDelay);
  const max = Number(form.maxDelay);
  const estimate = Number.isFinite(min) && Number.isFinite(max) && count > 0 ? expectedDurationMs(count, { minDelaySec: min, maxDelaySec: Math.max(min, max) }, floorSec) : undefined;
  const toggleDay = (day: number) => update({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });
  return (
    <section className="card" aria-labelledby="pacing-title">
      <h2 id="pacing-title">{t('paceTitle')}</h2>
      <p className="banner warn" role="note">
        {t('banWarning')}
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.min}>{t('shortestDelay')}</label>
          <input id={ids.min} type="number" min={floorSec} step="any" value={form.minDelay} onChange={(e) => update({ minDelay: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.max}>{t('longestDelay')}</label>
          <input id={ids.max} type="number" min={floorSec} step="any" value={form.maxDelay} onChange={(e) => update({ maxDelay: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.cap}>{t('dailyCap')}</label>
          <input id={ids.cap} type="number" min={1} step={1} value={form.dailyCap} onChange={(e) => update({ dailyCap: e.target.value })} />
        </div>
      </div>
      <p className="hint">{t('delayHint', { floor: floorSec })}{estimate !== undefined && t.count('estimate', count, { count: formatNumber(count), duration: durationText(estimate) })}</p>

      <label className="check">
        <input type="checkbox" checked={form.windowOn} onChange={(e) => update({ windowOn: e.target.checked })} /> {t('windowOn')}
      </label>
      {form.windowOn && (
        <fieldset className="window">
          <legend>{t('window')}</legend>
          <div className="row">
            <div className="field">
              <label htmlFor={ids.from}>{t('from')}</label>
              <input id={ids.from} type="time" value={form.windowStart} onChange={(e) => update({ windowStart: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('until')}</label>
              <input id={ids.to} type="time" value={form.windowEnd} onChange={(e) => update({ windowEnd: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.zone}>{t('timeZone')}</label>
              <input id={ids.zone} value={form.timeZone} onChange={(e) => update({ timeZone: e.target.value })} spellCheck={false} />
            </div>
          </div>
          <div className="days" role="group" aria-label={t('days')}>
            {dayNames().map((name, day) => (
              <label key={name} className="check">
                <input type="checkbox" checked={form.days.includes(day)} onChange={() => toggleDay(day)} /> {name}
              </label>
            ))}
          </div>
          <p className="hint">{t('windowHint')}</p>
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={form.typing} onChange={(e) => update({ typing: e.target.checked })} /> {t('typing')}
      </label>

      <fieldset className="choices">
        <legend>{t('start')}</legend>
        <label className="check">
          <input type="radio" name="start" checked={form.startMode === 'now'} onChange={() => update({ startMode: 'now' })} /> {t('startNow')}
        </label>
        <label className="check">
          <input type="radio" name="start" checked={form.startMode === 'later'} onChange={() => update({ startMode: 'later' })} /> {t('startLater')}
        </label>
        {form.startMode === 'later' && (
          <div className="field">
            <label htmlFor={ids.at}>{t('startAt', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}</label>
            <input id={ids.at} type="datetime-local" value={form.startAt} onChange={(e) => update({ startAt: e.target.value })} />
          </div>
        )}
      </fieldset>
      <p className="hint">{t('backgroundHint')}</p>
    </section>
  );
}
