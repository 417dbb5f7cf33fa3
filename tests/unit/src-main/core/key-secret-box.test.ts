import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { keySecretBox } from '../../../../src-main/core/key-secret-box';

describe('refresh token sealed under the data key', () => {
  it('round-trips, and the sealed text does not contain the token', () => {
    const box = keySecretBox(randomBytes(32));
    const sealed = box.seal('refresh-token-value');
    expect(sealed).toMatch(/^k1:/);
    expect(sealed).not.toContain('refresh-token-value');
    expect(box.open(sealed)).toBe('refresh-token-value');
  });

  it('seals the same token differently each time (random nonce)', () => {
    const box = keySecretBox(randomBytes(32));
    expect(box.seal('t')).not.toBe(box.seal('t'));
  });

  it('cannot be opened with another key or after tampering: the specialist signs in again', () => {
    const sealed = keySecretBox(randomBytes(32)).seal('token');
    expect(keySecretBox(randomBytes(32)).open(sealed)).toBeNull();
    const key = randomBytes(32);
    const good = keySecretBox(key).seal('token');
    const raw = Buffer.from(good.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(keySecretBox(key).open(`k1:${raw.toString('base64')}`)).toBeNull();
    expect(keySecretBox(key).open('k1:AAAA')).toBeNull();
  });

  it('reads a value stored before sealing existed as it was written', () => {
    expect(keySecretBox(randomBytes(32)).open('plain-old-token')).toBe('plain-old-token');
  });

  it('refuses a key of the wrong size', () => {
    expect(() => keySecretBox(randomBytes(16))).toThrow();
  });
});
