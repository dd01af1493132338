import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium against the fake server. One file at a
// time, since each launches a browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    setupFiles: ['tests/e2e/support/english.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default, which a loaded CI machine can exceed: waiting is
    // for a state to be reached, never a bet on how fast it is reached.
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
});
