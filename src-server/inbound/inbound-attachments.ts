// A mail's attachments under the upload rules (size, sniffed type, clean name): the accepted ones written to
// DATA_DIR/files before the transaction that links them, the refused ones named so the ticket says what was dropped.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment } from '../../src-shared/attachment';
import type { StoredAttachment } from '../db/attachments';
import { cleanFileName, sniffContentType } from '../uploads/content-type';
import type { InboundAttachment } from './inbound-parse';

export interface RefusedAttachment {
  fileName: string;
  reason: string;
}

export interface ScreenedAttachments {
  /** Written to disk; link them (insertAttachment with the ticket id) in the transaction, or unlink(). */
  stored: { attachment: Attachment; storageName: string }[];
  refused: RefusedAttachment[];
  /** Removes the files written here (the transaction failed, or the mail turned out not to need them). */
  unlink(): Promise<void>;
}

/** The same checks UploadService applies to a file a customer uploads (uploads/upload-service.ts), in the same order. */
async function screen(file: InboundAttachment, maxBytes: number): Promise<{ ok: true; fileName: string; contentType: string } | { ok: false; reason: string }> {
  const fileName = cleanFileName(file.filename);
  if (!fileName) return { ok: false, reason: 'the file name is not allowed' };
  if (file.content.length > maxBytes) return { ok: false, reason: `over the ${maxBytes} byte limit` };
  const contentType = await sniffContentType(file.content, fileName);
  if (!contentType) return { ok: false, reason: 'this kind of file is not accepted' };
  return { ok: true, fileName, contentType };
}

export async function storeInboundAttachments(files: readonly InboundAttachment[], opts: { filesDir: string; maxBytes: number; now: number }): Promise<ScreenedAttachments> {
  const stored: ScreenedAttachments['stored'] = [];
  const refused: RefusedAttachment[] = [];
  const unlink = async () => {
    await Promise.all(stored.map((s) => rm(join(opts.filesDir, s.storageName), { force: true })));
  };
  try {
    for (const file of files) {
      const verdict = await screen(file, opts.maxBytes);
      if (!verdict.ok) {
        refused.push({ fileName: file.filename, reason: verdict.reason });
        continue;
      }
      const storageName = randomUUID();
      await mkdir(opts.filesDir, { recursive: true });
      await writeFile(join(opts.filesDir, storageName), file.content, { flag: 'wx' });
      stored.push({
        storageName,
        attachment: {
          id: randomUUID(),
          fileName: verdict.fileName,
          size: file.content.length,
          contentType: verdict.contentType,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          uploadedBy: 'customer',
          createdAt: opts.now,
        },
      });
    }
  } catch (e) {
    await unlink();
    throw e;
  }
  return { stored, refused, unlink };
}

/** The rows that link the stored files to the ticket the mail landed on (conversation-less, like comment-link files). */
export const attachmentRows = (s: ScreenedAttachments, ticketId: number): StoredAttachment[] =>
  s.stored.map((x) => ({ attachment: x.attachment, conversationId: null, ticketId, storageName: x.storageName }));

/** The line a comment carries about files that were not kept; '' when none. */
export function refusedNote(refused: readonly RefusedAttachment[]): string {
  if (refused.length === 0) return '';
  return `Attachments not accepted: ${refused.map((r) => `${r.fileName} (${r.reason})`).join(', ')}.`;
}
