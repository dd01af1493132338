import { useId, useMemo, useState } from 'react';
// Only the Server part of the catalog: this view's chunk need not carry all 90 operations.
import { serverOperations } from '@/lib/warest/catalog/server';
import { adminProblem, cpuChart, readCpuHistory } from '@/lib/answers/server';
import { LoadState, useAnswer } from '../shared/answer-parts';

const WIDTH = 300;
const HEIGHT = 60;

/** The options WARest allows for the CPU history, straight from the catalog. */
function optionsOf(name: string): readonly string[] {
  return serverOperations.find((o) => o.id === 'getServerCpuHistory')?.inputs.find((i) => i.name === name)?.options ?? [];
}

/** The server's CPU use over a period, as a small line chart with its lowest/average/highest in words. */
export function ServerCpu({ round, serverName }: { round: number; serverName: string }) {
  const ids = { period: useId(), interval: useId() };
  const [period, setPeriod] = useState('1h');
  const [interval, setInterval] = useState('5m');
  const loaded = useAnswer('getServerCpuHistory', { period, interval }, `${period}/${interval}/${round}`);
  const chart = useMemo(() => cpuChart(readCpuHistory(loaded.data ?? undefined), WIDTH, HEIGHT), [loaded.data]);
  return (
    <section className="profile-section" aria-label="CPU history">
      <h3>CPU history</h3>
      <div className="cpu-options">
        <label htmlFor={ids.period}>Period</label>
        <select id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value)}>
          {optionsOf('period').map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <label htmlFor={ids.interval}>Interval</label>
        <select id={ids.interval} value={interval} onChange={(e) => setInterval(e.target.value)}>
          {optionsOf('interval').map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
      <LoadState loaded={loaded} what="the CPU history" explain={(error) => adminProblem(error, 'show its CPU history', serverName)} />
      {loaded.data && (
        <>
          <svg className="cpu-chart" role="img" aria-label={chart.summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} preserveAspectRatio="none">
            <line x1={0} y1={HEIGHT / 2} x2={WIDTH} y2={HEIGHT / 2} className="cpu-grid" />
            {chart.points && <polyline points={chart.points} className="cpu-line" fill="none" />}
          </svg>
          <p className="hint" aria-hidden="true">{chart.points ? `Lowest ${chart.min}% · average ${chart.avg}% · highest ${chart.max}% (scale 0–100%)` : 'No samples in this period.'}</p>
        </>
      )}
    </section>
  );
}
