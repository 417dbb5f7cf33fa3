// Retry schedule shared by the outbox and the sync engine: exponential growth, capped, with jitter.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Delay before retry number `attempt` (1 = first retry). "Equal jitter": half the capped exponential step
 * is fixed, half is random, so a crowd of consoles reconnecting after a server restart spreads out while
 * none retries sooner than half the step. `random` returns [0, 1) and is injected for tests.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + random() * (step / 2));
}
