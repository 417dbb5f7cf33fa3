// Runs a task at most once per interval: the first call runs at once, calls during the interval fold into
// one trailing run at its end (so the last change is never lost). Time comes from injected Clock/Timers.
import type { Clock, Timers } from './clock';

export function createThrottle(task: () => void, intervalMs: number, clock: Clock, timers: Timers) {
  let lastRunAt: number | null = null;
  let pending: unknown = null;
  const run = () => {
    pending = null;
    lastRunAt = clock.now();
    task();
  };
  return {
    request(): void {
      if (pending !== null) return;
      const wait = lastRunAt === null ? 0 : lastRunAt + intervalMs - clock.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel(): void {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
