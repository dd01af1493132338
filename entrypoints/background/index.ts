import { registerOperationHandlers } from './operations';
import { registerOriginRules } from './origin-rules';
import { registerProfileHandlers } from './profiles';
import { registerRouter } from './router';

// The background is the only part of the extension that holds API keys and talks to servers.
// Each concern registers its own handlers; listeners are added synchronously so that a message
// that wakes the worker is not missed.
export default defineBackground(() => {
  registerRouter();
  registerProfileHandlers();
  registerOperationHandlers();
  registerOriginRules();
});
