// Where a downloaded attachment lives on this machine: a name generated from its id and content type, never
// the uploaded name (which could hold "../", a drive letter or a reserved device name). Pure.
import { join } from 'node:path';
import type { Attachment } from '../../src-shared/attachment';

const extensions: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/zip': '.zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<attachment id><extension of its sniffed type>`; null for an id that is not a UUID (never from the server). */
export function localFileName(a: Pick<Attachment, 'id' | 'contentType'>): string | null {
  if (!UUID.test(a.id)) return null;
  return `${a.id.toLowerCase()}${extensions[a.contentType] ?? '.bin'}`;
}

export function localFilePath(dir: string, a: Pick<Attachment, 'id' | 'contentType'>): string | null {
  const name = localFileName(a);
  return name === null ? null : join(dir, name);
}

/**
 * The uploaded name made safe for a Content-Disposition / save dialog: no path parts, no control or
 * reserved characters, at most 120 characters; falls back to the generated name.
 */
export function downloadName(a: Pick<Attachment, 'id' | 'contentType' | 'fileName'>): string {
  const base = a.fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120);
  return clean || (localFileName(a) ?? 'attachment.bin');
}

/** `attachment; filename="…"; filename*=UTF-8''…` — an ASCII fallback plus the exact (already safe) name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
