import type { ApiError } from '@/lib/warest/api-result';
import { isKeyRefusal } from '@/lib/warest/response';
import { adminProblem, readHealth, readPing, readReadiness, readServerInfo } from '@/lib/answers/server';
import { FactList, LoadState, useAnswer, type Loaded } from '../shared/answer-parts';

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
    <section className="profile-section" aria-label="Status">
      <h3>Status</h3>
      <FactList label="Server status" facts={[...pingFacts(ping), ...healthFacts(health, serverName), ...readyFacts(ready, serverName)]} empty="Checking…" />
    </section>
  );
}

const pending = (loaded: Loaded) => (loaded.loading && !loaded.data && !loaded.error ? 'Checking…' : undefined);

function pingFacts(loaded: Loaded) {
  const value = pending(loaded) ?? (loaded.error ? `No answer: ${loaded.error.message}` : (() => {
    const ping = readPing(loaded.data ?? undefined);
    const latency = loaded.data ? `${Math.round(loaded.data.latencyMs)} ms` : '';
    const clock = ping.serverTime ? `; server time ${ping.serverTime}${ping.timezone ? ` (${ping.timezone})` : ''}` : '';
    return `${ping.alive ? 'Answers' : 'Answered oddly'} in ${latency}${clock}`;
  })());
  return [{ label: 'Ping', value }];
}

/** Why an admin-only answer is missing: a user key, in words, or the failure itself. */
function refusal(error: ApiError, what: string, serverName: string, otherwise: string): string {
  return isKeyRefusal(error) ? adminProblem(error, what, serverName) : `${otherwise}: ${error.message}`;
}

function healthFacts(loaded: Loaded, serverName: string) {
  if (pending(loaded) || loaded.error) return [{ label: 'Health', value: pending(loaded) ?? refusal(loaded.error!, 'show its health', serverName, 'Not healthy or not answering') }];
  const health = readHealth(loaded.data ?? undefined);
  return [{ label: 'Health', value: `${health.words}${health.problems.length ? ` (${health.problems.join(', ')})` : ''}` }];
}

function readyFacts(loaded: Loaded, serverName: string) {
  if (pending(loaded) || loaded.error) return [{ label: 'Readiness', value: pending(loaded) ?? refusal(loaded.error!, 'show its readiness', serverName, 'Not ready or not answering') }];
  const ready = readReadiness(loaded.data ?? undefined);
  return [{ label: 'Readiness', value: `${ready.words}${ready.unavailable.length ? ` (not available: ${ready.unavailable.join(', ')})` : ''}` }];
}

/** Version, uptime, memory… — admin keys only: a user key is told so in words. */
export function ServerInfo({ round, serverName }: { round: number; serverName: string }) {
  const loaded = useAnswer('getServerInfo', {}, String(round));
  return (
    <section className="profile-section" aria-label="Details">
      <h3>Details</h3>
      <LoadState loaded={loaded} what="the server’s details" explain={(error) => adminProblem(error, 'show its details', serverName)} />
      {loaded.data && <FactList label="Server details" facts={readServerInfo(loaded.data)} empty="The server sent no details." />}
    </section>
  );
}
