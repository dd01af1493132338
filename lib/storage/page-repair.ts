import { setRepairLoader } from './checked';

/**
 * Pages load the repair of damaged storage (repair.ts) only when they find damage, so a page that
 * never meets any does not carry it. Imported for this effect by lib/messaging/ask-background.ts,
 * which every page uses and the service worker never does: the worker is a module service worker,
 * where `import()` throws, and registers repair.ts statically instead (entrypoints/background).
 */
setRepairLoader(() => import('./repair'));
