// Runs runDueJobs on this node every interval. The timer only says "look now": all state is in the database, so a restart loses nothing.
import type { Clock, TimerHandle } from '../clock';
import { runDueJobs, type RunDeps, type RunReport } from './job-runner';

export type AutomationLoop = {
  /** Runs a pass now (or joins the one in progress) and resolves with its report. */
  runNow(): Promise<RunReport>;
  /** Stops re-arming and waits for a pass in progress, so shutdown never cuts a job in half. */
  stop(): Promise<void>;
};

export const DEFAULT_AUTOMATION_INTERVAL_MS = 60_000;

/** Starts the loop; the first pass runs after one interval (a restart catches up then, from the due jobs in the db). */
export function startAutomationLoop(deps: RunDeps & { clock: Clock; intervalMs?: number }): AutomationLoop {
  const interval = deps.intervalMs ?? DEFAULT_AUTOMATION_INTERVAL_MS;
  let running: Promise<RunReport> | null = null;
  let timer: TimerHandle | null = null;
  let stopped = false;

  const runNow = (): Promise<RunReport> => {
    // Never two passes on one node at once: they would only race each other for the same claims.
    running ??= runDueJobs(deps).finally(() => {
      running = null;
    });
    return running;
  };

  const arm = () => {
    if (stopped) return;
    timer = deps.clock.setTimer(interval, () => {
      runNow()
        .catch((error: unknown) => deps.log.error({ err: error }, 'automation pass failed'))
        .finally(arm);
    });
  };
  arm();

  return {
    runNow,
    async stop() {
      stopped = true;
      timer?.cancel();
      await running?.catch(() => undefined);
    },
  };
}
