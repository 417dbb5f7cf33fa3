import { describe, expect, it } from 'vitest';
import { afterFailure, classifyMailError, DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from '../../../../src-server/email/mail-retry';
import { fakeClock } from '../../../support/fake-clock';

const HOUR = 3_600_000;
const policy: RetryPolicy = { baseDelayMs: 10_000, maxDelayMs: 30 * 60_000, windowMs: 24 * HOUR };

describe('retryDelayMs', () => {
  it('doubles per failed attempt from the base, capped, with half of each step drawn at random', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, 0.999_999))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, policy, 0)).toBe(15 * 60_000);
    expect(retryDelayMs(30, policy, 0.999_999)).toBe(30 * 60_000 - 1);
    expect(retryDelayMs(1_000, policy, 0.5)).toBe(22.5 * 60_000);
  });
});

describe('afterFailure', () => {
  it('walks a fake clock through a day-long outage: retries at growing gaps for the whole window, then gives up', async () => {
    const clock = fakeClock();
    const queuedAt = clock.now();
    const tries: number[] = [];
    let attempt = 1;
    for (;;) {
      tries.push(clock.now() - queuedAt);
      const next = afterFailure({ attempt, queuedAt, now: clock.now(), permanent: false }, policy, 0.5);
      if (next.kind === 'give_up') {
        expect(next.reason).toBe('window_over');
        break;
      }
      expect(next.at).toBeGreaterThan(clock.now());
      await clock.advance(next.at - clock.now());
      attempt++;
    }
    const gaps = tries.slice(1).map((t, i) => t - (tries[i] ?? 0));
    expect(gaps.slice(0, 4)).toEqual([7_500, 15_000, 30_000, 60_000]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(policy.maxDelayMs);
    // The last attempt is pulled in to the window's end, not skipped: tried for at least the whole 24 hours.
    expect(tries.at(-1)).toBe(24 * HOUR);
    expect(attempt).toBeGreaterThan(48);
  });

  it('gives up at once on a permanent refusal, and for an attempt at or after the window end', () => {
    expect(afterFailure({ attempt: 1, queuedAt: 0, now: 1, permanent: true }, policy, 0.5)).toEqual({ kind: 'give_up', reason: 'permanent' });
    expect(afterFailure({ attempt: 9, queuedAt: 0, now: 24 * HOUR, permanent: false }, policy, 0.5)).toEqual({ kind: 'give_up', reason: 'window_over' });
    expect(afterFailure({ attempt: 9, queuedAt: 0, now: 24 * HOUR - 1, permanent: false }, policy, 0.5)).toEqual({ kind: 'retry', at: 24 * HOUR });
  });

  it('retries for 24 hours by default', () => {
    expect(DEFAULT_RETRY_POLICY.windowMs).toBe(24 * HOUR);
  });
});

describe('classifyMailError', () => {
  it('keeps a short code, never the text, and calls only SMTP 5xx permanent', () => {
    expect(classifyMailError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' }))).toEqual({ code: 'ECONNREFUSED', permanent: false });
    expect(classifyMailError(Object.assign(new Error('550 no such user pat@example.com'), { code: 'EENVELOPE', responseCode: 550 }))).toEqual({ code: 'SMTP 550', permanent: true });
    expect(classifyMailError(Object.assign(new Error('451 try later'), { code: 'EMESSAGE', responseCode: 451 }))).toEqual({ code: 'SMTP 451', permanent: false });
    expect(classifyMailError(new Error('boom pat@example.com'))).toEqual({ code: 'ERROR', permanent: false });
  });
});
