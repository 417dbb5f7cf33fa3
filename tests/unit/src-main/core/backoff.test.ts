import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../src-main/core/backoff';

describe('backoffDelay', () => {
  it('doubles the step per attempt between half and all of it', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(1, () => 0, opts)).toBe(500);
    expect(backoffDelay(1, () => 0.999999, opts)).toBe(1000);
    expect(backoffDelay(3, () => 0, opts)).toBe(2000);
    expect(backoffDelay(3, () => 0.5, opts)).toBe(3000);
  });

  it('never exceeds the cap however many attempts failed', () => {
    expect(backoffDelay(50, () => 0.999999, { baseMs: 1000, maxMs: 60_000 })).toBe(60_000);
  });
});
