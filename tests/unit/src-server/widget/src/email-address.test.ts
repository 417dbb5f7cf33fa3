import { describe, expect, it } from 'vitest';
import { isLikelyEmail } from '../../../../../src-server/widget/src/email-address';

describe('isLikelyEmail', () => {
  it('accepts ordinary and plus-tagged addresses', () => {
    expect(isLikelyEmail('ana@example.com')).toBe(true);
    expect(isLikelyEmail(' ana.b+chat@mail.example.co.uk ')).toBe(true);
  });

  it('rejects typos: no @, no domain dot, spaces, two @', () => {
    for (const bad of ['ana', 'ana@example', 'ana @example.com', 'a@b@c.com', 'ana@.com', '']) expect(isLikelyEmail(bad)).toBe(false);
  });
});
