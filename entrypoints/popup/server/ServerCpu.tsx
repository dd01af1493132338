import { useId, useMemo, useState } from 'react';
// Only the Server part of the catalog: this view's chunk need not carry all 90 operations.
import { serverOperations } from '@/lib/warest/catalog/server';
import { cpuChart, readCpuHistory } from '@/lib/answers/server';
import { LoadState, useAnswer } from '../shared/answer-parts';
import { adminRefusal, dateLocale } from './server-words';
import { textsOf } from '@/lib/i18n';

const t = textsOf('server');

const WIDTH = 300;
const HEIGHT = 60;

/** The options WARest allows for the CPU history, straight from the catalog. */
function optionsOf(name: string): readonly string[] {
  return serverOperations.find((o) => o.id === 'getServerCpuHistory')?.inputs.find((i) => i.name === name)?.options ?? [];
}

/** A sample's time (seconds or milliseconds) as the axis shows it: the hour, with the day when the span passes one. */
function timeSpan(times: readonly number[]): { from: string; to: string } | null {
  const known = times.filter((t) => t > 0).map((t) => (t > 1e12 ? t : t * 1000));
  if (known.length < 2) return null;
  const first = known[0]!;
  const last = known.at(-1)!;
  const withDay = last - first > 86_400_000 || new Date(first).toDateString() !== new Date(last).toDateString();
  const show = (ms: number) => new Date(ms).toLocaleString(dateLocale(), { hour: '2-digit', minute: '2-digit', ...(withDay && { day: 'numeric', month: 'short' }) });
  return { from: show(first), to: show(last) };
}

/**
 * The server's CPU use over a period: a line chart with its axes labelled (0–100 %, the first and
 * last sample's time) and the same in words, visible and read with the chart.
 */
export function ServerCpu({ round, serverName }: { round: number; serverName: string }) {
  const ids = { period: useId(), interval: useId(), caption: useId() };
  const [period, setPeriod] = useState('1h');
  const [interval, setInterval] = useState('5m');
  const loaded = useAnswer('getServerCpuHistory', { period, interval }, `${period}/${interval}/${round}`);
  const samples = useMemo(() => readCpuHistory(loaded.data ?? undefined), [loaded.data]);
  const chart = useMemo(() => cpuChart(samples, WIDTH, HEIGHT), [samples]);
  const span = timeSpan(samples.map((sample) => sample.time));
  return (
    <section className="profile-section" aria-label={t('cpuHistory')}>
      <h3>{t('cpuHistory')}</h3>
      <div className="cpu-options">
        <label htmlFor={ids.period}>{t('period')}</label>
        <select id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value)}>
          {optionsOf('period').map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <label htmlFor={ids.interval}>{t('interval')}</label>
        <select id={ids.interval} value={interval} onChange={(e) => setInterval(e.target.value)}>
          {optionsOf('interval').map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
      <LoadState loaded={loaded} what={t('theCpuHistory')} explain={(error) => adminRefusal(error, 'cpu', serverName)} />
      {loaded.data && (
        <figure className="cpu-figure">
          <div className="cpu-plot">
            {/* The scale is fixed, 0 to 100 %: the same height means the same load in every period. */}
            <div className="cpu-y" aria-hidden="true"><span>100%</span><span>50%</span><span>0%</span></div>
            <svg className="cpu-chart" role="img" aria-label={chart.summary} aria-describedby={ids.caption} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none">
              <line x1={0} y1={0} x2={WIDTH} y2={0} className="cpu-grid" />
              <line x1={0} y1={HEIGHT / 2} x2={WIDTH} y2={HEIGHT / 2} className="cpu-grid" />
              {chart.points && <polyline points={chart.points} className="cpu-line" fill="none" />}
            </svg>
            {span && (
              <div className="cpu-x" aria-hidden="true">
                <span>{span.from}</span>
                <span>{t('timeAxis')}</span>
                <span>{span.to}</span>
              </div>
            )}
          </div>
          <figcaption id={ids.caption} className="cpu-summary">
            {chart.points
              ? span
                ? t('cpuSummarySpan', { from: span.from, to: span.to, min: chart.min, avg: chart.avg, max: chart.max })
                : t('cpuSummary', { min: chart.min, avg: chart.avg, max: chart.max })
              : t('noSamples')}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
