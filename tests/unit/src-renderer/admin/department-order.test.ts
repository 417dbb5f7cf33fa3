import { describe, expect, it } from 'vitest';
import { moveInOrder } from '../../../../src-renderer/admin/department-order';

describe('moveInOrder', () => {
  it('moves a department one place up or down', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
  });
  it('cannot move past either end or an unknown id', () => {
    expect(moveInOrder(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'x', 1)).toBeNull();
  });
});
