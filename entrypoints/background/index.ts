import { guardStoredState } from '@/lib/storage';
import { registerBadge } from './badge';
import { registerJobs } from './jobs';
import { registerLiveUpdates } from './live-updates';
import { registerLogin } from './login';
import { registerMenus } from './menus';
import { registerNotifications } from './notifications';
import { registerOmnibox } from './omnibox';
import { registerOperationHandlers } from './operations';
import { registerPolling } from './polling';
import { registerOriginRules, registerProfileHandlers } from './profiles';
import { registerRouter } from './router';
import { registerSessionsSync } from './sessions-sync';

// The background is the only part of the extension that holds API keys and talks to servers.
// Each concern registers its own handlers; listeners are added synchronously so that a message
// that wakes the worker is not missed.
export default defineBackground(() => {
  // First: every stored item is checked at start and on every change, so damage anywhere is
  // repaired and reported once, before any handler reads it.
  guardStoredState();
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
});
