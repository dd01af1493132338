import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and contract tests: fast, in Node, with WXT's in-memory fake browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/contract/**/*.test.ts', 'tests/fake-server/**/*.test.ts'],
    environment: 'node',
    // Components speak English in unit tests, from locales/en (the fake browser has no i18n);
    // the storage repair is registered as the worker does (a page registers a lazy one:
    // lib/storage/page-repair.ts).
    setupFiles: ['tests/unit/setup/english.ts', 'tests/support/storage-repair.ts'],
    // A loaded CI machine can stretch a test past vitest's 5 s default; a limit is for a hang, not a bet on speed.
    testTimeout: 30_000,
  },
});
