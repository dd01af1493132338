import { adminProblem, readHealth, readPing, readReadiness, readServerInfo } from './server-data';
import { FactList, LoadState, useAnswer, type Loaded } from './ProfileParts';

/** Ping (with the round trip), health and readiness, each in plain words. */
export function ServerStatus({ round }: { round: number }) {
  const key = String(round);
  const ping = useAnswer('getServerPing', {}, key);
  const health = useAnswer('getServerHealthz', {}, key);
  const ready = useAnswer('getServerReady', {}, key);
  return (
    <section className="profile-section" aria-label="Status">
      <h3>Status</h3>
      <FactList label="Server status" facts={[...pingFacts(ping), ...healthFacts(health), ...readyFacts(ready)]} empty="Checking…" />
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

function healthFacts(loaded: Loaded) {
  if (pending(loaded) || loaded.error) return [{ label: 'Health', value: pending(loaded) ?? `Not healthy or not answering: ${loaded.error?.message}` }];
  const health = readHealth(loaded.data ?? undefined);
  return [{ label: 'Health', value: `${health.words}${health.problems.length ? ` (${health.problems.join(', ')})` : ''}` }];
}

function readyFacts(loaded: Loaded) {
  if (pending(loaded) || loaded.error) return [{ label: 'Readiness', value: pending(loaded) ?? `Not ready or not answering: ${loaded.error?.message}` }];
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
