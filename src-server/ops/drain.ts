// Graceful drain on SIGTERM: answer "not ready" first, give the balancer time to notice, then stop, all within a deadline.
import type { Logger } from 'pino';

export interface DrainSteps {
  /** /ready turns 503 and new socket.io connections are refused; requests on open connections still run. */
  markNotReady(): void;
  /** The app's stop: no new connections, the queued writes commit, sockets are cut (clients reconnect elsewhere), the database closes. */
  stop(): Promise<void>;
}

export type DrainOutcome = 'drained' | 'timed_out';

/**
 * The delay is what lets a balancer's health check see the 503 and stop routing here before connections are
 * cut; clients then reconnect (socket.io does it by itself) and land on another node. The timeout bounds the
 * whole drain: a stop that hangs (a stuck database) must not keep the process past its orchestrator's grace period.
 */
export async function drainNode(steps: DrainSteps, opts: { delayMs: number; timeoutMs: number; log: Logger }): Promise<DrainOutcome> {
  const startedAt = performance.now();
  steps.markNotReady();
  opts.log.info({ delayMs: opts.delayMs, timeoutMs: opts.timeoutMs }, 'draining: not ready');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DrainOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), opts.timeoutMs);
  });
  const sequence = (async (): Promise<DrainOutcome> => {
    await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
    opts.log.info('draining: stopping');
    await steps.stop();
    return 'drained';
  })();
  try {
    const outcome = await Promise.race([sequence, deadline]);
    const ms = Math.round(performance.now() - startedAt);
    if (outcome === 'drained') opts.log.info({ ms }, 'drained');
    else opts.log.error({ ms, timeoutMs: opts.timeoutMs }, 'drain timed out');
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
