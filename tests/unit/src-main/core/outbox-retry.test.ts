import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_TRANSIENT_FAILURES, UNREADABLE_ANSWER } from '../../../../src-main/core/outbox-retry';
import type { AppError } from '../../../../src-shared/result';

const backoff = { baseMs: 1_000, maxMs: 8_000 };
const half = () => 0; // the fixed half of each step: 500, 1000, 2000, 4000, 4000 …

describe('outbox retry rule', () => {
  it('retries a transient failure after a capped exponential backoff, counting it', () => {
    expect(afterFailure(0, { code: 'internal', message: 'x' }, 100, half, { backoff })).toEqual({ action: 'retry', attempts: 1, at: 600 });
    expect(afterFailure(3, { code: 'rate_limited', message: 'x' }, 100, half, { backoff })).toEqual({ action: 'retry', attempts: 4, at: 4_100 });
    expect(afterFailure(6, { code: 'unavailable', message: 'x' }, 100, half, { backoff })).toEqual({ action: 'retry', attempts: 7, at: 4_100 });
  });

  it(`gives up after ${MAX_TRANSIENT_FAILURES} transient failures with a message that says what to do`, () => {
    const r = afterFailure(MAX_TRANSIENT_FAILURES - 1, { code: 'internal', message: 'Something went wrong on the server.' }, 100, half, { backoff });
    expect(r).toEqual({ action: 'fail', attempts: MAX_TRANSIENT_FAILURES, error: { code: 'internal', message: expect.stringMatching(/retry or discard/) } });
  });

  it('does not count a dropped link against the item, and retries it soon', () => {
    expect(afterFailure(7, { code: 'offline', message: 'dropped' }, 100, half, { backoff })).toEqual({ action: 'retry', attempts: 7, at: 600 });
  });

  it('fails at once on a refusal, and on an answer the console could not read', () => {
    expect(afterFailure(0, { code: 'forbidden', message: 'Only the assigned specialist can message the visitor.' }, 100, half)).toEqual({
      action: 'fail',
      attempts: 0,
      error: { code: 'forbidden', message: 'Only the assigned specialist can message the visitor.' },
    });
    expect(afterFailure(0, { code: 'internal', message: UNREADABLE_ANSWER }, 100, half)).toMatchObject({ action: 'fail', error: { code: 'internal' } });
  });

  it('waits at least as long as a rate limit asks', () => {
    const limited = { code: 'rate_limited', message: 'slow down', retryAfterMs: 30_000 } as AppError;
    expect(afterFailure(0, limited, 100, half, { backoff })).toEqual({ action: 'retry', attempts: 1, at: 30_100 });
  });
});
