// The fuzz suite (`npm run test:fuzz` short with a fixed seed, inside `npm test`; `npm run fuzz` long with a new
// seed): property-based cases from the shared zod schemas against the real server in-process.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/fuzz/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One server at a time: the machine is small and the counts are easier to read in order.
    fileParallelism: false,
    testTimeout: process.env.FUZZ_SCALE === 'long' ? 60 * 60_000 : 120_000,
    hookTimeout: 60_000,
  },
});
