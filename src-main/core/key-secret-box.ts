// The refresh token sealed with AES-256-GCM under a data key. The desktop main process keeps that key sealed
// by the OS keychain (safeStorage exists only there) and hands it to the core process at start, the way
// Signal Desktop hands its database key to its SQL worker.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from './secret-box';

const PREFIX = 'k1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keySecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the data key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      // A value stored before keys existed (or without a keychain) is as it was written.
      if (!sealed.startsWith(PREFIX)) return sealed;
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // Another key (another machine or user profile): the specialist signs in again.
        return null;
      }
    },
  };
}
