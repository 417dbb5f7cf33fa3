import { describe, expect, it } from 'vitest';
import { orderProblem } from '../../../../src-server/admin/department-admin';

describe('orderProblem', () => {
  const existing = ['a', 'b', 'c'];

  it('accepts every department exactly once, in any order', () => {
    expect(orderProblem(existing, ['c', 'a', 'b'])).toBeNull();
  });

  it('names what is repeated, unknown or missing', () => {
    expect(orderProblem(existing, ['a', 'b', 'c', 'a'])).toMatch(/more than once: a/);
    expect(orderProblem(existing, ['a', 'b', 'c', 'd'])).toMatch(/Unknown departments: d/);
    expect(orderProblem(existing, ['a', 'c'])).toMatch(/missing: b/);
  });
});
