// The refresh token sealed with the OS keychain (Keychain, DPAPI, libsecret) through Electron's safeStorage.
import { safeStorage } from 'electron';
import type { SecretBox } from '../core/secret-box';

const SEALED = 'safe:';

export const safeStorageSecretBox: SecretBox = {
  seal(plain) {
    // Without a keychain (some Linux desktops) safeStorage would only obfuscate; say so by storing it plain.
    if (!safeStorage.isEncryptionAvailable()) return plain;
    return SEALED + safeStorage.encryptString(plain).toString('base64');
  },
  open(sealed) {
    if (!sealed.startsWith(SEALED)) return sealed;
    try {
      return safeStorage.decryptString(Buffer.from(sealed.slice(SEALED.length), 'base64'));
    } catch {
      return null;
    }
  },
};
