// Client-side upload checks (size and declared type) so an obviously refused file never leaves the browser;
// the server still checks magic bytes, this only saves the customer a wasted upload.
import { allowedUploadTypes } from '../../../src-shared/attachment';
import { MAX_UPLOAD_BYTES } from '../../../src-shared/limits';
import { err, ok, type Result } from '../../../src-shared/result';
import { formatFileSize } from './file-size';

export const allowedTypesText = 'images (PNG, JPEG, GIF, WebP), PDF, text, CSV, ZIP, Word or Excel files';

const allowed: ReadonlySet<string> = new Set(allowedUploadTypes);

/** `type` is the browser's guess from the extension; empty means "unknown", which only the server can judge. */
export function checkUpload(file: { name: string; size: number; type: string }): Result<null> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return err('too_large', `“${file.name}” is too large. Files can be at most ${formatFileSize(MAX_UPLOAD_BYTES)}.`);
  }
  if (file.size === 0) return err('bad_request', `“${file.name}” is empty.`);
  if (file.type !== '' && !allowed.has(file.type)) {
    return err('unsupported_type', `“${file.name}” can't be sent: only ${allowedTypesText} are allowed.`);
  }
  return ok(null);
}

/** The message shown for a refusal from the server, by error code. */
export function uploadErrorText(code: string, fileName: string, serverMessage: string): string {
  switch (code) {
    case 'too_large':
      return `“${fileName}” is too large. Files can be at most ${formatFileSize(MAX_UPLOAD_BYTES)}.`;
    case 'unsupported_type':
      return `“${fileName}” can't be sent: only ${allowedTypesText} are allowed.`;
    case 'unauthorized':
    case 'forbidden':
      return 'This upload slot is no longer open for your chat.';
    case 'not_found':
    case 'conflict':
      return 'This Drop Box is closed. Ask the specialist for a new one.';
    case 'unavailable':
      return `“${fileName}” could not be uploaded: the connection was lost. Try again.`;
    default:
      return serverMessage || `“${fileName}” could not be uploaded. Try again.`;
  }
}
