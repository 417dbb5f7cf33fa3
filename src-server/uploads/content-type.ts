// Decides what an uploaded file really is from its bytes (magic numbers), never from its name, against the allow-list.
import { fileTypeFromBuffer } from 'file-type';
import { allowedUploadTypes } from '../../src-shared/attachment';

const allowed = new Set<string>(allowedUploadTypes);

/** Text has no magic bytes: accept it only when it decodes as UTF-8 and holds no NUL (binary files almost always do). */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The sniffed allowed content type, or null when the bytes are not an allowed type. */
export async function sniffContentType(bytes: Uint8Array, fileName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return allowed.has(detected.mime) ? detected.mime : null;
  if (bytes.length === 0 || !isPlainText(bytes)) return null;
  // Between the two text types the name may choose: both are served as attachments with nosniff.
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

/**
 * The display name of an upload, or null when it tries path tricks (separators, "..", control characters).
 * It is never used as a path; rejecting is clearer than silently rewriting what the customer sees.
 */
export function cleanFileName(raw: string): string | null {
  const name = raw.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > 255 || /[/\\\u0000-\u001f\u007f]/.test(name) || name.includes('..') || name.startsWith('.')) return null;
  return name;
}
