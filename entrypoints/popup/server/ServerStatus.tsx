import type { ApiError } from '@/lib/warest/api-result';
import { isKeyRefusal } from '@/lib/warest/response';
import { readHealth, readPing, readReadiness, readServerInfo } from '@/lib/answers/server';
import { FactList, LoadState, useAnswer, type Loaded } from '../shared/answer-parts';
import { adminRefusal, type AdminAction } from './server-words';
import { textsOf } from '@/lib/i18n';

const t = textsOf('server');

/**
 * Ping (with the round trip), health and readiness, each in plain words. Ping needs no key, so it
 * tells only that the server answers; health and readiness are for admin keys only (a user key
 * is told so, ../shared/warest/README.md fact 8).
 */
export function ServerStatus({ round, serverName, ping }: { round: number; serverName: string; ping: Loaded }) {
  const key = String(round);
  const health = useAnswer('getServerHealthz', {}, key);
  const ready = useAnswer('getServerReady', {}, key);
  return (
    <section className="profile-section" aria-label={t('status')}>
      <h3>{t('status')}</h3>
      <FactList label={t('serverStatus')} facts={[...pingFacts(ping), ...healthFacts(health, serverName), ...readyFacts(ready, serverName)]} empty={t('checking')} />
    </section>
  );
}

const pending = (loaded: Loaded) => (loaded.loading && !loaded.data && !loaded.error ? t('checking') : undefined);

function pingFacts(loaded: Loaded) {
  const value = pending(loaded) ?? (loaded.error ? t('noAnswer', { message: loaded.error.message }) : (() => {
    const ping = readPing(loaded.data ?? undefined);
    const latency = loaded.data ? t('latency', { ms: Math.round(loaded.data.latencyMs) }) : '';
    const answer = ping.alive ? t('pingAnswers', { latency }) : t('pingOdd', { latency });
    if (!ping.serverTime) return answer;
    return ping.timezone ? t('pingClockZone', { answer, time: ping.serverTime, zone: ping.timezone }) : t('pingClock', { answer, time: ping.serverTime });
  })());
  return [{ label: t('ping'), value }];
}

/** Why an admin-only answer is missing: a user key, in words, or the failure itself. */
function refusal(error: ApiError, action: AdminAction, serverName: string, otherwise: string): string {
  return isKeyRefusal(error) ? adminRefusal(error, action, serverName) : otherwise;
}

function healthFacts(loaded: Loaded, serverName: string) {
  if (pending(loaded) || loaded.error) return [{ label: t('health'), value: pending(loaded) ?? refusal(loaded.error!, 'health', serverName, t('notHealthy', { message: loaded.error!.message })) }];
  const health = readHealth(loaded.data ?? undefined);
  return [{ label: t('health'), value: `${health.words}${health.problems.length ? ` (${health.problems.join(', ')})` : ''}` }];
}

function readyFacts(loaded: Loaded, serverName: string) {
  if (pending(loaded) || loaded.error) return [{ label: t('readiness'), value: pending(loaded) ?? refusal(loaded.error!, 'readiness', serverName, t('notReady', { message: loaded.error!.message })) }];
  const ready = readReadiness(loaded.data ?? undefined);
  return [{ label: t('readiness'), value: ready.unavailable.length ? t('notAvailable', { words: ready.words, list: ready.unavailable.join(', ') }) : ready.words }];
}

/** Version, uptime, memory… — admin keys only: a user key is told so in words. */
export function ServerInfo({ round, serverName }: { round: number; serverName: string }) {
  const loaded = useAnswer('getServerInfo', {}, String(round));
  return (
    <section className="profile-section" aria-label={t('details')}>
      <h3>{t('details')}</h3>
      <LoadState loaded={loaded} what={t('theDetails')} explain={(error) => adminRefusal(error, 'details', serverName)} />
      {loaded.data && <FactList label={t('serverDetails')} facts={readServerInfo(loaded.data)} empty={t('noDetails')} />}
    </section>
  );
}
