// Thumbnails for the console's transcript. The renderer never holds a server token or URL, so the core downloads the
// image (the same local copy "open" uses, so it also shows offline once fetched) and answers a data: URL — which the
// console CSP allows for images and nothing else. Only raster images whose bytes really are the recorded type.
import { readFile } from 'node:fs/promises';
import type { ConsoleHandlers } from '../../src-shared/console-api';
import { isPreviewable, type PreviewImageType } from '../../src-shared/image-preview';
import { err, ok, type Result } from '../../src-shared/result';
import type { Attachment } from '../../src-shared/attachment';
import type { LocalFile } from './attachment-transfer';

/** The image type the bytes start with (magic numbers), or null: the check the server made, made again before display. */
export function imageTypeOf(bytes: Uint8Array): PreviewImageType | null {
  const starts = (sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The data: URL of an image attachment's bytes; null when they are not a previewable image of the recorded type. */
export function previewDataUrl(attachment: Pick<Attachment, 'contentType' | 'size'>, bytes: Uint8Array): string | null {
  if (!isPreviewable({ contentType: attachment.contentType, size: bytes.length })) return null;
  if (imageTypeOf(bytes) !== attachment.contentType) return null;
  return `data:${attachment.contentType};base64,${Buffer.from(bytes).toString('base64')}`;
}

export interface AttachmentPreviewDeps {
  attachment(id: string): Attachment | null;
  /** attachment-transfer.ts: the file on disk, downloaded with the specialist's token when needed. */
  localCopy(id: string): Promise<Result<LocalFile>>;
}

export function createAttachmentPreview(deps: AttachmentPreviewDeps): Pick<ConsoleHandlers, 'previewAttachment'> {
  return {
    async previewAttachment({ attachmentId }) {
      const attachment = deps.attachment(attachmentId);
      if (!attachment) return err('not_found', 'Unknown attachment');
      // Decided from the record first: a PDF or a 9 MB photo is never downloaded just to be refused.
      if (!isPreviewable(attachment)) return ok({ dataUrl: null });
      const file = await deps.localCopy(attachmentId);
      if (!file.ok) return file;
      let bytes: Buffer;
      try {
        bytes = await readFile(file.value.path);
      } catch {
        return err('not_found', 'The downloaded file is gone; try again');
      }
      return ok({ dataUrl: previewDataUrl(attachment, bytes) });
    },
  };
}
