import { describe, expect, it } from 'vitest';
import { loginWaitMs } from '../../../../src-server/auth/login-backoff';

const policy = { freeFailures: 3, baseMs: 30_000, maxMs: 15 * 60_000 };

describe('login backoff', () => {
  it('lets the free failures through at once', () => {
    expect(loginWaitMs({ failures: 0, lastFailureAt: null }, policy, 1000)).toBe(0);
    expect(loginWaitMs({ failures: 2, lastFailureAt: 1000 }, policy, 1000)).toBe(0);
  });

  it('then doubles the wait after each further failure, counted from the last one, up to the ceiling', () => {
    expect(loginWaitMs({ failures: 3, lastFailureAt: 0 }, policy, 0)).toBe(30_000);
    expect(loginWaitMs({ failures: 4, lastFailureAt: 0 }, policy, 10_000)).toBe(50_000);
    expect(loginWaitMs({ failures: 5, lastFailureAt: 0 }, policy, 120_000)).toBe(0);
    expect(loginWaitMs({ failures: 40, lastFailureAt: 0 }, policy, 0)).toBe(15 * 60_000);
  });
});
