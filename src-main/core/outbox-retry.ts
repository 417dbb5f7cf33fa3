// What a failed send does to its outbox item: retry later (capped exponential backoff with jitter), or stop and
// show the item as failed — refused for good, or given up after MAX_TRANSIENT_FAILURES transient failures.
import type { AppError } from '../../src-shared/result';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';

/** Codes worth retrying: the server or the link had a problem, not the action. Everything else is final. */
export const transientCodes: ReadonlySet<string> = new Set(['internal', 'rate_limited', 'unavailable', 'offline', 'timeout']);
export const isTransient = (error: { code: string }): boolean => transientCodes.has(error.code);

/** After this many transient failures an item stops retrying and waits for the specialist: retry or discard. */
export const MAX_TRANSIENT_FAILURES = 8;

/**
 * The console's own check of a server answer failed (see sync/answer-check.ts): the server did act, and a resend
 * with the same client id gets the same stored answer, so retrying cannot help.
 */
export const UNREADABLE_ANSWER = 'The server sent an answer this console cannot read';

export type FailureOutcome =
  | { action: 'retry'; attempts: number; at: number }
  | { action: 'fail'; attempts: number; error: { code: string; message: string } };

export interface RetryOptions {
  backoff?: BackoffOptions;
  maxTransientFailures?: number;
}

/**
 * Pure. `attempts`: transient failures counted so far. `offline` (the link was down, or dropped before the answer)
 * is not the item's fault and is not counted: it is retried soon, and at once when the connection is back.
 */
export function afterFailure(attempts: number, error: AppError, now: number, random: () => number, options: RetryOptions = {}): FailureOutcome {
  const backoff = options.backoff ?? defaultBackoff;
  if (error.code === 'offline') return { action: 'retry', attempts, at: now + backoffDelay(1, random, backoff) };
  if (!isTransient(error) || (error.code === 'internal' && error.message === UNREADABLE_ANSWER)) {
    return { action: 'fail', attempts, error: { code: error.code, message: error.message } };
  }
  const counted = attempts + 1;
  const max = options.maxTransientFailures ?? MAX_TRANSIENT_FAILURES;
  if (counted >= max) {
    return { action: 'fail', attempts: counted, error: { code: error.code, message: `Not sent after ${counted} tries (${error.message}); retry or discard it` } };
  }
  // A rate limit that says when it allows the action again is believed: retrying sooner only spends another refusal.
  const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
  const wait = Math.max(backoffDelay(counted, random, backoff), typeof retryAfterMs === 'number' ? retryAfterMs : 0);
  return { action: 'retry', attempts: counted, at: now + wait };
}
