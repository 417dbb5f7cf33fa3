// When a failed mail is tried again: exponential backoff with jitter inside a retry window, then failed for good.
// Pure: the clock reading and the random draw are inputs, so the schedule is unit-tested without waiting.

export interface RetryPolicy {
  /** Delay after the first failed attempt (before jitter); each further failure doubles it. */
  baseDelayMs: number;
  /** No single wait is longer than this, so a mail is tried at least every this often while the window lasts. */
  maxDelayMs: number;
  /** How long after it was queued a mail is still tried (MAIL_RETRY_MAX_MS); then it is failed for good. */
  windowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 10_000, maxDelayMs: 30 * 60_000, windowMs: 24 * 3_600_000 };

/**
 * The wait after failed attempt number `attempt` (1-based): base·2^(attempt−1), capped, with "equal jitter" —
 * half of it fixed and half drawn from `random` in [0, 1) — so nodes that failed on one outage together spread
 * their retries out, yet never come back sooner than half the step.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  const step = Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}

export type AfterFailure = { kind: 'retry'; at: number } | { kind: 'give_up'; reason: 'window_over' | 'permanent' };

/**
 * What follows a failed attempt. The last retry is pulled in to the window's end rather than skipped, so a mail
 * is tried for the whole window; an attempt that fails at or after the end gives up. A permanent refusal
 * (an SMTP 5xx: no such mailbox, rejected sender) gives up at once: repeating it cannot succeed.
 */
export function afterFailure(
  input: { attempt: number; queuedAt: number; now: number; permanent: boolean },
  policy: RetryPolicy,
  random: number,
): AfterFailure {
  if (input.permanent) return { kind: 'give_up', reason: 'permanent' };
  const deadline = input.queuedAt + policy.windowMs;
  if (input.now >= deadline) return { kind: 'give_up', reason: 'window_over' };
  return { kind: 'retry', at: Math.min(input.now + retryDelayMs(input.attempt, policy, random), deadline) };
}

/**
 * Reads a transport error as a short code safe to store and show (never the server's text, which may quote
 * addresses), and whether it is permanent: SMTP replies 5xx are, connection errors and 4xx are not.
 */
export function classifyMailError(error: unknown): { code: string; permanent: boolean } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; responseCode?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : 'ERROR';
  if (responseCode !== null) return { code: `SMTP ${responseCode}`, permanent: responseCode >= 500 && responseCode < 600 };
  return { code, permanent: false };
}
