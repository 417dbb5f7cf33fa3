// Files in conversations and tickets: metadata only; bytes live on the server under generated names.
import { z } from 'zod';
import { attachmentIdSchema, instantSchema } from './ids';

import { MAX_UPLOAD_BYTES } from './limits';

export { MAX_UPLOAD_BYTES };

/** Allow-list of content types, checked by magic bytes on the server (never by the file name). */
export const allowedUploadTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

export const attachmentSchema = z.object({
  id: attachmentIdSchema,
  /** Display name as uploaded (sanitised); never used as a path. */
  fileName: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: z.enum(['visitor', 'specialist', 'customer']),
  createdAt: instantSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;
