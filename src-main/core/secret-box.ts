// How the refresh token rests on disk: Electron seals it with the OS keychain (safeStorage); browser mode,
// which has no keychain, keeps it as is in the user's own cache folder.

export interface SecretBox {
  seal(plain: string): string;
  /** Null when the sealed value cannot be opened (other machine or user): the specialist logs in again. */
  open(sealed: string): string | null;
}

export const plainSecretBox: SecretBox = { seal: (s) => s, open: (s) => s };
