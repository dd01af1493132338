/**
 * The fake WARest server of bench/campaign.ts, in a worker thread of its own: its state (chats,
 * request log) grows with every message, and lives in this thread's heap, not in the heap the
 * benchmark measures. Its clock is the benchmark's simulated one, shared through memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeWarest } from '../tests/fake-server/index';

const time = new BigInt64Array(workerData.clock as SharedArrayBuffer);
const server = await startFakeWarest({ clock: () => Number(Atomics.load(time, 0)) });
server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Bench', phone: '6281234567890' } });
parentPort!.postMessage({ type: 'ready', url: server.url });
parentPort!.on('message', (message: unknown) => {
  if (message === 'clear') server.clearRequests();
  if (message !== 'report') return;
  parentPort!.postMessage({
    type: 'report',
    sent: server.sentMessages().map(({ to, at, body }) => ({ to, at, body })),
    stats: { ...server.stats },
    violations: server.violations(),
    errors: server.errors.map((error) => error.message),
  });
  void server.stop().then(() => process.exit(0));
});
