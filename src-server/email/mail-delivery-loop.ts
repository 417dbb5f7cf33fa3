// Runs deliverDueMail on this node when woken (right after a commit that queued mail), when the next retry is due,
// and at least every poll interval (rows queued by other nodes, claims of nodes that died). All state is in the database.
import type { Clock, TimerHandle } from '../clock';
import { nextDueAt } from '../db/mail-outbox';
import { deliverDueMail, DEFAULT_MAIL_CLAIM_LEASE_MS, type DeliveryDeps, type DeliveryReport } from './mail-delivery';

export interface MailDeliveryLoop {
  /** "Mail was just queued": a pass starts now, or right after the one in progress. */
  wake(): void;
  /** Runs a pass now (or joins the one in progress, which then runs again) and resolves when done. */
  runNow(): Promise<void>;
  /** Stops re-arming and waits for a pass in progress, so shutdown never cuts an attempt's record in half. */
  stop(): Promise<void>;
}

/** A row due "now" that the pass could not take (clocks of nodes differ a little) is looked at again this soon. */
const MIN_WAIT_MS = 250;

export function startMailDeliveryLoop(deps: DeliveryDeps & { clock: Clock; pollIntervalMs: number }): MailDeliveryLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: TimerHandle | null = null;
  let stopped = false;
  let armed = 0;

  const pass = async (): Promise<void> => {
    let report: DeliveryReport;
    do {
      again = false;
      report = await deliverDueMail(deps);
      // Look again while passes make progress (more rows may have come due, or a wake came in during the pass).
      // Never a tight loop: every claimed row ends sent, failed, or due strictly later (mail-retry.ts).
    } while (!stopped && (again || report.claimed > 0));
  };

  /** Sleeps until the earliest queued row is due, but never longer than the poll interval. */
  const arm = async (failed: boolean): Promise<void> => {
    timer?.cancel();
    timer = null;
    if (stopped) return;
    // After a failed pass (the database is away) only the poll interval: never a tight loop on a row due long ago.
    const generation = ++armed;
    const due = failed ? null : await nextDueAt(deps.db, deps.claimLeaseMs ?? DEFAULT_MAIL_CLAIM_LEASE_MS).catch(() => null);
    // Stopped, or a later pass armed meanwhile: one timer per node.
    if (stopped || generation !== armed) return;
    const wait = due === null ? deps.pollIntervalMs : Math.min(deps.pollIntervalMs, Math.max(due - deps.clock.now(), MIN_WAIT_MS));
    timer = deps.clock.setTimer(wait, () => void runNow().catch(() => undefined));
  };

  const runNow = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    let failed = false;
    running = pass()
      .catch((error: unknown) => {
        failed = true;
        deps.log.error({ err: error }, 'mail delivery pass failed');
      })
      .finally(() => {
        running = null;
        void arm(failed);
      });
    return running;
  };

  // The first pass at once: a restart sends what was left queued without waiting for a timer.
  void runNow();
  return {
    wake: () => {
      if (!stopped) void runNow();
    },
    runNow,
    async stop() {
      stopped = true;
      timer?.cancel();
      await running;
    },
  };
}
