// The fault suite (`npm run test:faults` short, `npm run faults` full): real server processes, PostgreSQL, Redis,
// HAProxy and SMTP on loopback, one scenario at a time (each one loads the whole machine).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['tests/faults/support/global-setup.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 3 * 60_000,
  },
});
