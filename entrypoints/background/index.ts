import { guardStoredState } from '@/lib/storage/guard-all';
import { setRepairLoader } from '@/lib/storage/checked';
import * as storageRepair from '@/lib/storage/repair';
import { registerBadge } from './badge';
import { registerCampaigns } from './campaigns';
import { registerCommands } from './commands';
import { registerFirstRun } from './first-run';
import { registerJobs } from './jobs';
import { registerLanguage } from './language';
import { registerLiveUpdates } from './live-updates';
import { registerLogin } from './login';
import { registerMenus } from './menus';
import { registerNotifications } from './notifications';
import { registerOmnibox } from './omnibox';
import { registerOperationHandlers } from './operations';
import { registerPolling } from './polling';
import { registerOriginRules, registerProfileHandlers } from './profiles';
import { registerRouter } from './router';
import { registerServerListSync } from './server-list-sync';
import { registerScheduled } from './scheduled';
import { registerSessionsSync } from './sessions-sync';
import { registerTransfer } from './transfer';

// The background is the only part of the extension that holds API keys and talks to servers.
// Each concern registers its own handlers; listeners are added synchronously so that a message
// that wakes the worker is not missed. Only this file imports the modules below: what they share
// lives in leaves (server-calls, profile-lookup, sessions-refresh, …; tests/unit/background/
// no-cycles.test.ts keeps it so).
//
// A classic service worker, one file: it loads only what it uses (56.8 KB gzipped). As a module
// worker (`type: 'module'`) it would share chunks with the pages (17 KB less in the store zip)
// but load 78 KB at each wake, page code in the shared chunks included, so it stays classic. It
// is kept able to run as one: nothing it loads imports lazily (`import()` throws in a module
// worker; tests/unit/background/worker-imports.test.ts and tests/e2e/build-parity.e2e.ts check),
// so the storage repair, lazy in pages, is registered statically here.
export default defineBackground({
  main() {
    setRepairLoader(() => Promise.resolve(storageRepair));
    // First: every stored item is checked at start and on every change, so damage anywhere is
    // repaired and reported once, before any handler reads it.
    guardStoredState();
    // The rest only add handlers and listeners now and start their work later, when all are in
    // place: none of them needs another registered first.
    registerLanguage();
    registerRouter();
    registerProfileHandlers();
    registerOperationHandlers();
    registerOriginRules();
    registerSessionsSync();
    registerLogin();
    registerBadge();
    registerNotifications();
    registerLiveUpdates();
    registerPolling();
    registerMenus();
    registerOmnibox();
    registerJobs();
    registerTransfer();
    registerServerListSync();
    registerScheduled();
    registerCampaigns();
    registerFirstRun();
    registerCommands();
  },
});
