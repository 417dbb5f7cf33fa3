// Bounds an await: whatever the work does, the caller hears back within `ms` (a late answer is dropped), so no
// loop that waits on it (the outbox, a catch-up) can hang on a promise that never settles.
import type { Timers } from './clock';

export function withDeadline<T>(work: Promise<T>, ms: number, timers: Timers, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => resolve(onTimeout()), ms);
    work.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (e: unknown) => {
        timers.clearTimeout(handle);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
