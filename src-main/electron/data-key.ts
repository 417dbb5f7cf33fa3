// The data key that seals the refresh token in the core's cache. It rests in the user data folder encrypted
// by the OS keychain (Keychain, DPAPI, libsecret via safeStorage, which only the main process can use) and
// goes to the core process at start. Without a keychain the token is stored plain, as browser mode does.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { Logger } from 'pino';

const FILE = 'data-key';

/** The key as base64, or null when this machine offers no keychain. */
export function loadDataKey(userData: string, log: Logger): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('no OS keychain: the refresh token is stored unencrypted in the user data folder');
    return null;
  }
  const file = join(userData, FILE);
  if (existsSync(file)) {
    try {
      return safeStorage.decryptString(readFileSync(file)).trim();
    } catch (e) {
      // Copied from another machine or user: a new key; the stored session cannot be opened and a sign-in is asked.
      log.warn({ err: e }, 'the data key could not be opened; making a new one');
    }
  }
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return key;
}
