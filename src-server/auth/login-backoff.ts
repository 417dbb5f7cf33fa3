// The wait a run of failed logins of one account from one address imposes: a few free tries (typos), then each
// further try waits twice as long as the one before, up to a ceiling. Pure: the caller passes the run and `now`.

export interface BackoffPolicy {
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** The first wait after the free failures; doubles with each further failure. */
  baseMs: number;
  maxMs: number;
}

/** Failures older than this no longer count: a forgotten password tried again tomorrow starts afresh. */
export const LOGIN_FAILURE_WINDOW_MS = 3_600_000;
export const LOGIN_BACKOFF_BASE_MS = 30_000;

/** Milliseconds to wait before the next attempt may be checked; 0 when it may be checked now. */
export function loginWaitMs(run: { failures: number; lastFailureAt: number | null }, policy: BackoffPolicy, now: number): number {
  if (run.lastFailureAt === null || run.failures < policy.freeFailures) return 0;
  const doublings = Math.min(run.failures - policy.freeFailures, 30);
  const wait = Math.min(policy.maxMs, policy.baseMs * 2 ** doublings);
  return Math.max(0, run.lastFailureAt + wait - now);
}
