// A fresh fuzz server per test, with crash watching: one run's state (spent budgets, a moved clock, expired tokens)
// never shapes the next. Call at the top of a test file and read `fz` and `crashes` inside the tests.
import { afterEach, beforeEach } from 'vitest';
import { startFuzzServer, type FuzzServer } from './fuzz-server';
import { watchCrashes, type CrashWatch } from './crash-watch';

export interface FreshFuzzServer {
  /** The current test's server. */
  readonly fz: FuzzServer;
  /** What crashed (uncaught errors, rejections) during the current test. */
  readonly crashes: CrashWatch['crashes'];
}

export function useFreshFuzzServer(): FreshFuzzServer {
  let fz: FuzzServer | undefined;
  let watch: CrashWatch | undefined;
  beforeEach(async () => {
    watch = watchCrashes();
    fz = await startFuzzServer();
  });
  afterEach(async () => {
    await fz?.stop();
    watch?.stop();
    fz = undefined;
    watch = undefined;
  });
  return {
    get fz() {
      if (!fz) throw new Error('the fuzz server exists only inside a test');
      return fz;
    },
    get crashes() {
      if (!watch) throw new Error('crashes are watched only inside a test');
      return watch.crashes;
    },
  };
}
