/**
 * `npm run demo`: the fake WARest server with demo data, for trying the extension by hand.
 * PORT picks the port (default 4001, WARest's own default); Ctrl-C stops it.
 */
import { startFakeWarest } from './index';

/**
 * An admin key: on a stock server every /server/* route but ping is admin-only, so with a user
 * key the extension's Server view would only show "Admin only". Everything else (the stock rate
 * limit, the 3 s recipient cooldown, 404/1101 for the logged-out and waiting sessions on message
 * and chat routes) behaves as for any key.
 */
const DEMO_KEY = 'demo-key';

const server = await startFakeWarest({
  port: Number(process.env.PORT ?? 4001),
  keys: [{ key: DEMO_KEY, user: 'demo', admin: true }],
  demo: true,
});

console.log(`Fake WARest server (demo data) listening on ${server.url}`);
console.log(`API key: ${DEMO_KEY}`);
console.log(`In the extension's options page, add a server with URL ${server.url} and API key ${DEMO_KEY}.`);

const shutdown = () => {
  void server.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
