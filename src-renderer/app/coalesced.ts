// Re-reads triggered by bursts of change events collapse into one run, and a change during a run is never missed.

/** Runs `task` once after the current burst of calls; a call during a run schedules one more run. */
export function coalesced(task: () => Promise<void>): () => void {
  let scheduled = false;
  let running = false;
  let again = false;
  const run = async () => {
    scheduled = false;
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (running) again = true;
    else if (!scheduled) {
      scheduled = true;
      setTimeout(() => void run(), 0);
    }
  };
  return schedule;
}
